import type { InterviewerQuestion, Question } from '@mockloop/shared';
import { publicQuestion } from '../questions/publicQuestion.js';

/** The interviewer's full view of a question: public part plus every private field. */
export function interviewerQuestion(q: Question): InterviewerQuestion {
  const notes = q.interviewer;
  const view: InterviewerQuestion = {
    question: publicQuestion(q),
    guidance: notes.guidance,
    rubric: notes.rubric,
    hints: notes.hints,
    followUps: notes.followUps,
    redFlags: notes.redFlags,
    hiddenTests: (q.tests ?? []).filter((t) => t.hidden),
  };
  if (notes.solution) {
    view.solution = {
      approach: notes.solution.approach,
      complexity: notes.solution.complexity,
      sources: { python: q.solutionSources?.python, typescript: q.solutionSources?.typescript },
    };
  }
  return view;
}
