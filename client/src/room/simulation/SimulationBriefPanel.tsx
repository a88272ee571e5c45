import type { SimulationBrief } from '@mockloop/shared';
import { Prose } from '../../lib/Prose';

interface Props {
  /** The server says the self-assessment is in: the brief answers now (P-SIM-5). */
  open: boolean;
  /** The brief once fetched (useSimulationBrief), or why it could not be. */
  brief: SimulationBrief | null;
  problem: string | null;
  /** Hidden tests run here, in the browser (a browser language), with Run hidden tests. */
  runsHere: boolean;
}

/**
 * The end of a solo round: once the candidate has assessed themself, the interviewer's brief
 * opens to them: the reference approach or answer outline, follow-ups, red flags, hidden tests
 * and what each score of the rubric means. Before that it only says what it is waiting for.
 */
export function SimulationBriefPanel({ open, brief, problem, runsHere }: Props) {
  if (!open) {
    return (
      <section className="panel" aria-labelledby="sim-brief-heading">
        <h2 id="sim-brief-heading" className="panel-title">
          The interviewer's brief
        </h2>
        <p className="muted small">It opens once you have submitted your self-assessment.</p>
      </section>
    );
  }
  if (!brief) {
    return (
      <section className="panel" aria-busy={problem === null} aria-labelledby="sim-brief-heading">
        <h2 id="sim-brief-heading" className="panel-title">
          The interviewer's brief
        </h2>
        <p className={problem ? 'error small' : 'muted small'}>{problem ?? 'Opening the brief…'}</p>
      </section>
    );
  }
  const q = brief.question;
  return (
    <section className="panel simulation-brief" aria-labelledby="sim-brief-heading">
      <h2 id="sim-brief-heading" className="panel-title">
        The interviewer's brief
      </h2>
      <h3>Guidance</h3>
      <Prose className="small" text={q.guidance} />
      {q.solution && (
        <>
          <h3>Reference solution</h3>
          <Prose className="small" text={q.solution.approach} />
          <p className="small">
            Time {q.solution.complexity.time}, space {q.solution.complexity.space}
          </p>
          {q.solution.sources.python && (
            <details>
              <summary>Python</summary>
              <pre className="small">{q.solution.sources.python}</pre>
            </details>
          )}
        </>
      )}
      <h3>Follow-ups</h3>
      <ul className="small">
        {q.followUps.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <h3>Red flags</h3>
      <ul className="small">
        {q.redFlags.map((f) => (
          <li key={f}>{f}</li>
        ))}
      </ul>
      <h3>What each score means</h3>
      {q.rubric.map((c) => (
        <div key={c.id} className="small">
          <strong>{c.name}</strong>: {c.measures}
          <ol>
            {([1, 2, 3, 4] as const).map((score) => (
              <li key={score}>{c.scores[score]}</li>
            ))}
          </ol>
        </div>
      ))}
      {q.hiddenTests.length > 0 && (
        <>
          <h3>Hidden tests</h3>
          {runsHere && (
            <p className="muted small">Run them on your code with Run hidden tests, beside the editor.</p>
          )}
          <ul className="small">
            {q.hiddenTests.map((t) => (
              <li key={t.name}>
                {t.name}: <code>{JSON.stringify(t.args)}</code> → <code>{JSON.stringify(t.expected)}</code>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
