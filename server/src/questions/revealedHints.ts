import type { Question } from '@mockloop/shared';

/** The hints of a round revealed so far: the question's first `hintTimes.length`, each with its time. */
export function revealedHints(
  question: Question,
  hintTimes: readonly number[],
): Array<{ index: number; text: string; revealedAt: number }> {
  return hintTimes.map((revealedAt, index) => ({ index, text: hintText(question, index), revealedAt }));
}

/** The text of hint `index` (empty for one the question does not have). */
export function hintText(question: Question, index: number): string {
  return question.interviewer.hints[index] ?? '';
}
