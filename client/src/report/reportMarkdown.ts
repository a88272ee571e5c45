import { RECOMMENDATION_LABELS, type RoomReport, type RoundReport } from '@mockloop/shared';
import { formatDuration } from '../room/RoundTimer';
import { markdownCode, markdownParagraphs, markdownText } from './markdownText';

const when = (at: number | null) =>
  at === null ? '—' : new Date(at).toISOString().replace('T', ' ').slice(0, 16);

/** Every line of some text as a block quote. */
const quote = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** A person's text after a bold label, or a dash when they wrote nothing. */
const labelled = (label: string, text: string) =>
  text.trim() ? `**${label}:** ${markdownParagraphs(text)}` : `**${label}:** —`;

/** One round. All text a person or the bank wrote goes through the escapes of markdownText.ts. */
function roundMarkdown(round: RoundReport): string {
  const lines: string[] = [];
  const title = round.question ? markdownText(round.question.title) : 'no question revealed';
  lines.push(`## Round ${round.number}: ${title}`);
  lines.push('');
  lines.push(`- Interviewer: ${round.interviewer ? markdownText(round.interviewer.name) : '—'}`);
  lines.push(`- Candidate: ${round.candidate ? markdownText(round.candidate.name) : '—'}`);
  lines.push(
    `- Time used: ${formatDuration(round.timeUsedMs)} (started ${when(round.startedAt)}, ended ${when(round.endedAt)})`,
  );
  if (round.question) lines.push('', quote(markdownParagraphs(round.question.prompt)));
  lines.push('', `### Hints revealed (${round.hints.length})`, '');
  for (const hint of round.hints) {
    lines.push(`${hint.index + 1}. ${when(hint.revealedAt)} — ${markdownText(hint.text)}`);
  }
  if (round.hints.length === 0) lines.push('None.');

  lines.push('', '### Scores', '');
  const score = (list: { criterionId: string; score: number }[] | undefined, id: string) =>
    list?.find((r) => r.criterionId === id)?.score ?? '—';
  lines.push('| Criterion | Interviewer | Self |', '| --- | --- | --- |');
  for (const c of round.criteria) {
    lines.push(
      `| ${markdownText(c.name)} | ${score(round.scorecard?.ratings, c.id)} | ${score(round.selfAssessment?.ratings, c.id)} |`,
    );
  }
  if (round.scorecard) {
    lines.push('', `**Recommendation:** ${RECOMMENDATION_LABELS[round.scorecard.recommendation]}`);
    lines.push('', labelled('What went well', round.scorecard.wentWell));
    lines.push('', labelled('What to improve', round.scorecard.toImprove));
  } else if (round.scorecardWithheld) {
    lines.push('', '_The scorecard is shown after your self-assessment._');
  }
  if (round.selfAssessment) {
    const s = round.selfAssessment;
    lines.push(
      '',
      `**Interviewer clarity / helpfulness:** ${s.interviewerClarity}/5, ${s.interviewerHelpfulness}/5`,
    );
    if (s.comment.trim()) lines.push('', labelled("Candidate's note", s.comment));
  }
  lines.push(
    '',
    `### Final code (${markdownText(round.code.language)})`,
    '',
    markdownCode(round.code.text, round.code.language),
    '',
  );
  return lines.join('\n');
}

/** The report as Markdown, for keeping or sharing outside the app. */
export function reportToMarkdown(report: RoomReport): string {
  return [`# Mock interview report`, '', ...report.rounds.map(roundMarkdown)].join('\n');
}
