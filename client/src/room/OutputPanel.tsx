import { memo } from 'react';
import { timeOfDay } from '../lib/time';
import {
  runStatusText,
  runTimesText,
  type SharedRun,
  type SharedTestRow,
  testRow,
} from '../runner/sharedRuns';
import type { RunResult } from '../runner/types';
import type { RunState } from '../runner/useRunner';

const LANGUAGE_NAMES = { python: 'Python', javascript: 'JavaScript', typescript: 'TypeScript' } as const;
const KIND_NAMES = {
  run: 'ran',
  tests: 'ran the tests in',
  'hidden-tests': 'ran the hidden tests in',
} as const;

/** Every run of the round, newest first, as everyone in the room sees it (the replay too). */
export function OutputPanel({
  runs,
  state,
  label = 'Output',
  emptyText = 'Run the code to see its output here. Both of you see every run.',
}: {
  runs: SharedRun[];
  state: RunState;
  label?: string;
  emptyText?: string;
}) {
  const newestFirst = [...runs].reverse();
  const [latest, ...older] = newestFirst;
  return (
    <section className="output-panel" aria-label={label}>
      {state.running && (
        <div className="run-live" role="status">
          <span className="spinner" aria-hidden="true" /> {state.stage?.stage ?? 'Running…'}
          {state.stage?.total !== undefined && (
            <progress
              className="run-progress"
              aria-label="Loading Python"
              value={state.stage.loaded}
              max={state.stage.total}
            />
          )}
          {state.live && <pre className="run-output">{state.live}</pre>}
        </div>
      )}
      {!state.running && !latest && <p className="muted small output-empty">{emptyText}</p>}
      {latest && (
        <RunView run={latest} hidden={state.hidden?.runId === latest.id ? state.hidden.result : null} open />
      )}
      {older.length > 0 && (
        <details className="older-runs">
          <summary className="small">Earlier runs ({older.length})</summary>
          {older.map((run) => (
            <RunView key={run.id} run={run} hidden={null} />
          ))}
        </details>
      )}
    </section>
  );
}

/** A run's view changes only with the run: the list re-renders at every frame of a replay. */
const RunView = memo(function RunView({
  run,
  hidden,
  open = false,
}: {
  run: SharedRun;
  hidden: RunResult | null;
  open?: boolean;
}) {
  return (
    <article className={`run run-${run.status}`} aria-label={`Run by ${run.by.name}`}>
      <header className="run-header small">
        <strong>{run.by.name}</strong> {KIND_NAMES[run.kind]} {LANGUAGE_NAMES[run.language]} ·{' '}
        {timeOfDay(run.at)} · {runTimesText(run)} ·{' '}
        <span className={`run-status ${run.status}`}>{runStatusText(run)}</span>
      </header>
      {(open || run.output || run.error) && (
        <>
          {run.output && <pre className="run-output">{run.output}</pre>}
          {run.error && <pre className="run-output run-error">{run.error}</pre>}
          {run.tests && <TestTable rows={run.tests} />}
          {hidden && (hidden.tests || hidden.output || hidden.error) && (
            <>
              <p className="small muted">Hidden test details are shown to you only.</p>
              {hidden.output && <pre className="run-output">{hidden.output}</pre>}
              {hidden.error && <pre className="run-output run-error">{hidden.error}</pre>}
              {hidden.tests && <TestTable rows={hidden.tests.map(testRow)} />}
            </>
          )}
        </>
      )}
    </article>
  );
});

function TestTable({ rows }: { rows: SharedTestRow[] }) {
  return (
    <table className="test-table">
      <thead>
        <tr>
          <th scope="col">Test</th>
          <th scope="col">Input</th>
          <th scope="col">Expected</th>
          <th scope="col">Got</th>
          <th scope="col">Time</th>
          <th scope="col">Result</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.name} className={row.pass ? 'pass' : 'fail'}>
            <th scope="row">{row.name}</th>
            <td>
              <code>{row.input}</code>
            </td>
            <td>
              <code>{row.expected}</code>
            </td>
            <td>
              <code>{row.got}</code>
              {row.error && <div className="run-error small">{row.error}</div>}
            </td>
            <td>{row.timeMs} ms</td>
            <td>{row.pass ? 'pass' : 'fail'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
