import {
  type Difficulty,
  type OwnQuestionSummary,
  type PublicQuestion,
  questionFits,
  type RoundType,
} from '@mockloop/shared';

export type Filter<T> = T | 'all';

/** What the question browser's filters ask for; `text` is what the person typed in Search. */
export interface QuestionFilter {
  roundType: Filter<RoundType>;
  difficulty: Filter<Difficulty>;
  tag: Filter<string>;
  text: string;
}

const needleOf = (filter: QuestionFilter) => filter.text.trim().toLowerCase();

/** The bank's questions the filter lets through; Search looks in the title, prompt and tags. */
export function bankQuestionsShown(
  questions: readonly PublicQuestion[],
  filter: QuestionFilter,
): PublicQuestion[] {
  const { roundType, difficulty, tag } = filter;
  const needle = needleOf(filter);
  return questions.filter(
    (q) =>
      (roundType === 'all' || questionFits(roundType, q.roundType)) &&
      (difficulty === 'all' || q.difficulty === difficulty) &&
      (tag === 'all' || q.tags.includes(tag)) &&
      (!needle || `${q.title} ${q.prompt} ${q.tags.join(' ')}`.toLowerCase().includes(needle)),
  );
}

/**
 * My questions the filter lets through. Their summaries carry no tags and no prompt, so the tag
 * filter does not apply and Search looks in the title only.
 */
export function ownQuestionsShown(
  own: readonly OwnQuestionSummary[],
  filter: QuestionFilter,
): OwnQuestionSummary[] {
  const { roundType, difficulty } = filter;
  const needle = needleOf(filter);
  return own.filter(
    (q) =>
      (roundType === 'all' || questionFits(roundType, q.roundType)) &&
      (difficulty === 'all' || q.difficulty === difficulty) &&
      (!needle || q.title.toLowerCase().includes(needle)),
  );
}
