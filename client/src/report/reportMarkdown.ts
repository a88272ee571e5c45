import {
  languageLabel,
  RECOMMENDATION_LABELS,
  type RoomReport,
  type RoundReport,
  type RunSummary,
} from '@mockloop/shared';
import { count, dateTime, formatDuration } from '../lib/time';
import { loopSummary, type MeanScores, stageName } from './loopSummary';
import { markdownCode, markdownParagraphs, markdownText } from './markdownText';
import { names, overallText, reportStory } from './reportStory';

const when = (at: number | null) => (at === null ? '—' : dateTime(at));

/** Every line of some text as a block quote. */
const quote = (markdown: string) =>
  markdown
    .split('\n')
    .map((line) => (line ? `> ${line}` : '>'))
    .join('\n');

/** A person's text after a bold label, or a dash when they wrote nothing. */
const labelled = (label: string, text: string) =>
  text.trim() ? `**${label}:** ${markdownParagraphs(text)}` : `**${label}:** —`;

const RUN_KINDS = {
  run: 'ran the code',
  tests: 'ran the tests',
  'hidden-tests': 'ran the hidden tests',
} as const;

/** "Cal ran the tests: 2/3 passed"; `name` is the runner's name as the caller shows it. */
export function runLine(run: RunSummary, name = run.by || 'Someone'): string {
  const result =
    run.total !== undefined
      ? `${run.passed}/${run.total} passed`
      : run.status === 'ok'
        ? 'finished'
        : run.status;
  return `${name} ${RUN_KINDS[run.kind]}: ${result}`;
}

/** A round's final board, for the Markdown: an SVG picture and its description in words. */
export interface BoardPicture {
  svg: string;
  description: string;
}

/** An SVG as a data: address, so the Markdown file carries its pictures inside it. */
export function svgDataUrl(svg: string): string {
  const bytes = new TextEncoder().encode(svg);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return `data:image/svg+xml;base64,${btoa(binary)}`;
}

/** What the round produced, each only when there is something: notes, code, board, runs, hints. */
function outputsMarkdown(round: RoundReport, board: BoardPicture | undefined): string[] {
  const lines: string[] = [];
  if (round.sharedNotes.text.trim()) {
    lines.push('', '### Shared notes', '', markdownParagraphs(round.sharedNotes.text));
    if (round.sharedNotes.truncated)
      lines.push('', "_(The start of the notes: the whole of them is in the room's replay.)_");
  }
  if (round.code.text.trim()) {
    lines.push(
      '',
      `### Final code (${markdownText(languageLabel(round.code.language))})`,
      '',
      markdownCode(round.code.text, round.code.language),
    );
    if (round.code.truncated) {
      lines.push(
        '',
        `(The first ${round.code.text.length.toLocaleString('en')} characters: the whole code is in the room's report.)`,
      );
    }
  }
  if (board) {
    lines.push(
      '',
      '### Final board',
      '',
      `![Final board of round ${round.number}](${svgDataUrl(board.svg)})`,
      '',
      `_${markdownText(board.description)}_`,
    );
  }
  if (round.runs.length > 0) {
    lines.push('', `### Runs (${round.runs.length})`, '');
    for (const run of round.runs) {
      lines.push(`- ${when(run.at)} — ${runLine(run, markdownText(run.by || 'Someone'))}`);
    }
  }
  if (round.hints.length > 0) {
    lines.push('', `### Hints revealed (${round.hints.length})`, '');
    for (const hint of round.hints) {
      lines.push(`${hint.index + 1}. ${when(hint.revealedAt)} — ${markdownText(hint.text)}`);
    }
  }
  return lines;
}

/** The scores, the verdict and the self-assessment of a round. */
function feedbackMarkdown(round: RoundReport): string[] {
  const lines: string[] = ['', '### Feedback'];
  const score = (list: { criterionId: string; score: number }[] | undefined, id: string) =>
    list?.find((r) => r.criterionId === id)?.score ?? '—';
  if (round.criteria.length > 0) {
    lines.push('', '| Criterion | Interviewer | Self |', '| --- | --- | --- |');
    for (const c of round.criteria) {
      lines.push(
        `| ${markdownText(c.name)} | ${score(round.scorecard?.ratings, c.id)} | ${score(round.selfAssessment?.ratings, c.id)} |`,
      );
    }
  }
  // What each side wrote about a criterion, under the table (a table cell cannot hold paragraphs).
  const comment = (list: { criterionId: string; comment: string }[] | undefined, id: string) =>
    list?.find((r) => r.criterionId === id)?.comment.trim() ?? '';
  const commented = round.criteria.filter(
    (c) => comment(round.scorecard?.ratings, c.id) || comment(round.selfAssessment?.ratings, c.id),
  );
  for (const c of commented) {
    lines.push('', `**${markdownText(c.name)}**`);
    const byInterviewer = comment(round.scorecard?.ratings, c.id);
    const bySelf = comment(round.selfAssessment?.ratings, c.id);
    if (byInterviewer) lines.push('', labelled('Interviewer', byInterviewer));
    if (bySelf) lines.push('', labelled('Self', bySelf));
  }
  if (round.scorecard) {
    lines.push('', `**Recommendation:** ${RECOMMENDATION_LABELS[round.scorecard.recommendation]}`);
    lines.push('', labelled('What went well', round.scorecard.wentWell));
    lines.push('', labelled('What to improve', round.scorecard.toImprove));
  } else if (round.scorecardWithheld) {
    lines.push('', '_The scorecard is shown after your self-assessment._');
  } else {
    lines.push('', '_No scorecard yet._');
  }
  if (round.selfAssessment) {
    const s = round.selfAssessment;
    lines.push(
      '',
      `**Interviewer clarity / helpfulness:** ${s.interviewerClarity}/5, ${s.interviewerHelpfulness}/5`,
    );
    if (s.comment.trim()) lines.push('', labelled("Candidate's note", s.comment));
  }
  return lines;
}

/** One round. All text a person or the bank wrote goes through the escapes of markdownText.ts. */
function roundMarkdown(round: RoundReport, board: BoardPicture | undefined): string {
  const lines: string[] = [];
  const title = round.question ? markdownText(round.question.title) : 'no question revealed';
  lines.push(`## Round ${round.number}: ${title}`);
  lines.push('');
  lines.push(`- Round: ${markdownText(stageName(round))}`);
  lines.push(`- Interviewer: ${round.interviewer ? markdownText(round.interviewer.name) : '—'}`);
  lines.push(`- Candidate: ${round.candidate ? markdownText(round.candidate.name) : '—'}`);
  lines.push(
    `- Time used: ${formatDuration(round.timeUsedMs)} (started ${when(round.startedAt)}, ended ${when(round.endedAt)})`,
  );
  if (round.question) lines.push('', quote(markdownParagraphs(round.question.prompt)));
  lines.push(...outputsMarkdown(round, board));
  lines.push(...feedbackMarkdown(round), '');
  return lines.join('\n');
}

const mean = (value: number | null) => (value === null ? '—' : String(value));

/** One table of mean scores: a row per criterion or round type, the interviewer's and the self's. */
function meansTable(
  title: string,
  heading: string,
  rows: Array<MeanScores & { name: string; rounds: number }>,
): string[] {
  return [
    `### ${title}`,
    '',
    `| ${heading} | Rounds | Interviewer | Self |`,
    '| --- | --- | --- | --- |',
    ...rows.map(
      (r) => `| ${markdownText(r.name)} | ${r.rounds} | ${mean(r.interviewer)} | ${mean(r.self)} |`,
    ),
  ];
}

/** When, who, each round's verdict and the overall one: what the report opens on. */
function storyMarkdown(report: RoomReport): string[] {
  const story = reportStory(report);
  const lines = [
    `${when(story.startedAt)} · ${markdownText(names(story.people))} · ${count(story.rounds.length, 'round')}${
      report.loop ? ` · ${markdownText(report.loop.title)} loop` : ''
    }`,
    '',
    '| Round | Stage | Interviewer | Candidate | Question | Recommendation |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of story.rounds) {
    lines.push(
      `| ${r.number} | ${markdownText(r.stage)} | ${markdownText(r.interviewer)} | ${markdownText(r.candidate)} | ${
        r.title ? markdownText(r.title) : '—'
      } | ${r.verdict} |`,
    );
  }
  lines.push('');
  for (const verdict of story.overall) {
    lines.push(`**Overall for ${markdownText(verdict.candidate)}:** ${overallText(verdict)}`, '');
  }
  return lines;
}

/** Mean scores across the rounds: where there is more than one round to sum up. */
function acrossMarkdown(report: RoomReport): string[] {
  if (report.rounds.length < 2) return [];
  const summary = loopSummary(report);
  const lines = ['## Across the rounds', ''];
  lines.push(
    ...meansTable(
      'By round type (mean score, 1-4)',
      'Round type',
      summary.roundTypes.map((t) => ({ ...t, name: t.label })),
    ),
  );
  lines.push('', ...meansTable('By criterion (mean score, 1-4)', 'Criterion', summary.criteria), '');
  return lines;
}

/**
 * The report as Markdown, for keeping or sharing outside the app. Boards come as SVG pictures
 * inside the file (data: addresses), so the one file holds everything.
 */
export function reportToMarkdown(
  report: RoomReport,
  boards: ReadonlyMap<number, BoardPicture> = new Map(),
): string {
  return [
    '# Mock interview report',
    '',
    ...storyMarkdown(report),
    ...acrossMarkdown(report),
    ...report.rounds.map((round) => roundMarkdown(round, boards.get(round.number))),
  ].join('\n');
}
