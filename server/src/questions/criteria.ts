import type { CriterionInfo, Question } from '@mockloop/shared';

/** The rubric's criteria: names and what they measure, never the score descriptions. */
export function criteriaOf(question: Question | undefined): CriterionInfo[] {
  return (question?.interviewer.rubric ?? []).map((c) => ({ id: c.id, name: c.name, measures: c.measures }));
}
