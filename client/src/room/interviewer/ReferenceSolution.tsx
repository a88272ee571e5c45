import type { InterviewerQuestion } from '@mockloop/shared';
import { Prose } from '../../lib/Prose';

interface Props {
  solution: NonNullable<InterviewerQuestion['solution']>;
  hiddenTestCount: number;
}

/** The question's model answer for the interviewer: the approach, its cost, and the code, folded. */
export function ReferenceSolution({ solution, hiddenTestCount }: Props) {
  return (
    <section className="brief-section">
      <h4>Reference solution</h4>
      <Prose className="small" text={solution.approach} />
      <p className="small muted">
        Time {solution.complexity.time} · space {solution.complexity.space}
      </p>
      {Object.entries(solution.sources).map(([language, source]) => (
        <details key={language}>
          <summary className="small">{language === 'python' ? 'Python' : 'TypeScript'} solution</summary>
          <pre className="code-block">{source}</pre>
        </details>
      ))}
      {hiddenTestCount > 0 && (
        <p className="small muted">{hiddenTestCount} hidden test cases are kept for you.</p>
      )}
    </section>
  );
}
