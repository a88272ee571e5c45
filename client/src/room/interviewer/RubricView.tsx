import type { RubricCriterion } from '@mockloop/shared';

const LEVELS = [1, 2, 3, 4] as const;

/** The rubric as a scoring guide: what a 1, 2, 3 and 4 look like for each criterion. */
export function RubricView({ rubric }: { rubric: RubricCriterion[] }) {
  return (
    <div className="rubric">
      {rubric.map((criterion) => (
        <details key={criterion.id} className="criterion">
          <summary>
            <strong>{criterion.name}</strong>
            <span className="muted small"> — {criterion.measures}</span>
          </summary>
          <dl>
            {LEVELS.map((level) => (
              <div key={level} className={`level level-${level}`}>
                <dt>{level}</dt>
                <dd>{criterion.scores[level]}</dd>
              </div>
            ))}
          </dl>
        </details>
      ))}
    </div>
  );
}
