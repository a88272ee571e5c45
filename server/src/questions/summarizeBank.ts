import type { Question } from '@mockloop/shared';
import type { QuestionBank } from './loadQuestionBank.js';

/** The per-question counts the check prints; tests are split into public and hidden. */
export interface QuestionSummary {
  id: string;
  roundType: Question['roundType'];
  rubric: number;
  hints: number;
  publicTests: number;
  hiddenTests: number;
}

export function summarizeQuestion(q: Question): QuestionSummary {
  const tests = q.tests ?? [];
  return {
    id: q.id,
    roundType: q.roundType,
    rubric: q.interviewer.rubric.length,
    hints: q.interviewer.hints.length,
    publicTests: tests.filter((t) => !t.hidden).length,
    hiddenTests: tests.filter((t) => t.hidden).length,
  };
}

/** A fixed-width table, one row per question in bank order, followed by a one-line total. */
export function formatBankSummary(bank: QuestionBank): string {
  const header = ['id', 'round', 'rubric', 'hints', 'tests (public/hidden)'];
  const rows = bank.questions.map((q) => {
    const s = summarizeQuestion(q);
    const tests = s.publicTests + s.hiddenTests === 0 ? '-' : `${s.publicTests}/${s.hiddenTests}`;
    return [s.id, s.roundType, String(s.rubric), String(s.hints), tests];
  });
  const widths = header.map((title, col) =>
    Math.max(title.length, ...rows.map((row) => (row[col] ?? '').length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => cell.padEnd(widths[col] ?? 0))
      .join('  ')
      .trimEnd();
  const trackCount = bank.tracks.length;
  return [
    line(header),
    ...rows.map(line),
    `${bank.questions.length} questions in ${trackCount} ${trackCount === 1 ? 'track' : 'tracks'}: OK`,
  ].join('\n');
}
