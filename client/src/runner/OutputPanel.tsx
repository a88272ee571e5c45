import { LANGUAGE_LABELS } from '@mockloop/shared';
import { memo } from 'react';
import { timeOfDay } from '../lib/time';
import { runStatusText, runTimesText, type SharedRun, type SharedTestRow, testRow } from './sharedRuns';
import type { RunResult } from './types';
import type { RunState } from './useRunner';

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
  onGoToLine,
}: {
  runs: SharedRun[];
  state: RunState;
  label?: string;
  emptyText?: string;
  /** Moves the editor to a line an error names (the room; not the replay). */
  onGoToLine?: (line: number) => void;
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
      {state.notice && !state.running && (
        <p className="run-notice error small" role="alert">
          {state.notice}
        </p>
      )}
      {!state.running && !latest && <p className="muted small output-empty">{emptyText}</p>}
      {latest && (
        <RunView
          run={latest}
          hidden={state.hidden?.runId === latest.id ? state.hidden.result : null}
          open
          onGoToLine={onGoToLine}
        />
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
  onGoToLine,
}: {
  run: SharedRun;
  hidden: RunResult | null;
  open?: boolean;
  onGoToLine?: (line: number) => void;
}) {
  const errorLine = run.errorLine ?? (run.error ? editorLineOf(run.error) : null);
  return (
    <article className={`run run-${run.status}`} aria-label={`Run by ${run.by.name}`}>
      <header className="run-header small">
        <strong>{run.by.name}</strong> {KIND_NAMES[run.kind]} {LANGUAGE_LABELS[run.language] ?? run.language}{' '}
        {run.where === 'server' ? 'on the server' : 'in the browser'} · {timeOfDay(run.at)} ·{' '}
        {runTimesText(run)} · <span className={`run-status ${run.status}`}>{runStatusText(run)}</span>
      </header>
      {(open || run.output || run.error) && (
        <>
          {run.output && <pre className="run-output">{run.output}</pre>}
          {run.error && <pre className="run-output run-error">{run.error}</pre>}
          {run.error && errorLine !== null && onGoToLine && (
            <button type="button" className="button small-button" onClick={() => onGoToLine(errorLine)}>
              Go to line {errorLine}
            </button>
          )}
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

/** The editor line an error names ("line 12", as every runner writes it), if any. */
function editorLineOf(error: string): number | null {
  const match = /\bline (\d+)/.exec(error);
  return match ? Number(match[1]) : null;
}

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
