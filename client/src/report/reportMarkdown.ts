import { RECOMMENDATION_LABELS, type RoomReport, type RoundReport } from '@mockloop/shared';
import { formatDuration } from '../room/RoundTimer';

const when = (at: number | null) =>
  at === null ? '—' : new Date(at).toISOString().replace('T', ' ').slice(0, 16);

function roundMarkdown(round: RoundReport): string {
  const lines: string[] = [];
  lines.push(`## Round ${round.number}: ${round.question?.title ?? 'no question revealed'}`);
  lines.push('');
  lines.push(`- Interviewer: ${round.interviewer?.name ?? '—'}`);
  lines.push(`- Candidate: ${round.candidate?.name ?? '—'}`);
  lines.push(
    `- Time used: ${formatDuration(round.timeUsedMs)} (started ${when(round.startedAt)}, ended ${when(round.endedAt)})`,
  );
  if (round.question) lines.push('', `> ${round.question.prompt.replace(/\n/g, '\n> ')}`);
  lines.push('', `### Hints revealed (${round.hints.length})`, '');
  for (const hint of round.hints) lines.push(`${hint.index + 1}. ${when(hint.revealedAt)} — ${hint.text}`);
  if (round.hints.length === 0) lines.push('None.');

  lines.push('', '### Scores', '');
  const score = (list: { criterionId: string; score: number }[] | undefined, id: string) =>
    list?.find((r) => r.criterionId === id)?.score ?? '—';
  lines.push('| Criterion | Interviewer | Self |', '| --- | --- | --- |');
  for (const c of round.criteria) {
    lines.push(
      `| ${c.name} | ${score(round.scorecard?.ratings, c.id)} | ${score(round.selfAssessment?.ratings, c.id)} |`,
    );
  }
  if (round.scorecard) {
    lines.push('', `**Recommendation:** ${RECOMMENDATION_LABELS[round.scorecard.recommendation]}`);
    lines.push('', `**What went well:** ${round.scorecard.wentWell || '—'}`);
    lines.push('', `**What to improve:** ${round.scorecard.toImprove || '—'}`);
  } else if (round.scorecardWithheld) {
    lines.push('', '_The scorecard is shown after your self-assessment._');
  }
  if (round.selfAssessment) {
    const s = round.selfAssessment;
    lines.push(
      '',
      `**Interviewer clarity / helpfulness:** ${s.interviewerClarity}/5, ${s.interviewerHelpfulness}/5`,
    );
    if (s.comment) lines.push('', `**Candidate's note:** ${s.comment}`);
  }
  lines.push('', `### Final code (${round.code.language})`, '', '```', round.code.text, '```', '');
  return lines.join('\n');
}

/** The report as Markdown, for keeping or sharing outside the app. */
export function reportToMarkdown(report: RoomReport): string {
  return [`# Mock interview report`, '', ...report.rounds.map(roundMarkdown)].join('\n');
}
