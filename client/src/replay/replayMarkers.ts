import type { ReplayEvent, ReviewComment } from '@mockloop/shared';
import { runStatusText, type SharedRun } from '../runner/sharedRuns';

/** A run someone started, at its moment in the round. */
export interface ReplayRun {
  at: number;
  run: SharedRun;
}

export type MarkerKind = 'question' | 'hint' | 'timer' | 'run' | 'end' | 'comment';

/** A moment worth jumping to, drawn on the timeline. */
export interface ReplayMarker {
  at: number;
  kind: MarkerKind;
  /** Short, for the marker's accessible name: "Hint 2", "Run: 3/4 tests passed". */
  label: string;
  /** Longer, for its tooltip: the hint's text, who ran what. */
  detail: string;
  /** For runs: whether it passed (drawn green or red). */
  ok?: boolean;
}

const TIMER_LABELS = {
  start: 'Timer started',
  pause: 'Timer paused',
  add: 'Time changed',
  reset: 'Timer reset',
};
const RUN_KINDS = { run: 'Run', tests: 'Tests', 'hidden-tests': 'Hidden tests' } as const;

/** The timeline's markers, oldest first: the round's events and every run with its result. */
export function markersOf(events: readonly ReplayEvent[], runs: readonly ReplayRun[]): ReplayMarker[] {
  const markers = events.map(eventMarker);
  for (const { at, run } of runs) {
    const status = runStatusText(run);
    const passedAll = run.tests
      ? run.tests.every((t) => t.pass)
      : run.summary
        ? run.summary.passed === run.summary.total
        : true;
    markers.push({
      at,
      kind: 'run',
      label: `${RUN_KINDS[run.kind]}: ${status}`,
      detail: `${run.by.name} ran ${run.language}`,
      ok: run.status === 'ok' && passedAll,
    });
  }
  return markers.sort((a, b) => a.at - b.at);
}

/** A friend's review comments (P-REVIEW-3), as markers at their moments: `atMs` is from the start. */
export function commentMarkers(comments: readonly ReviewComment[], start: number): ReplayMarker[] {
  return comments.map((comment) => ({
    at: start + comment.atMs,
    kind: 'comment',
    label: `Comment by ${comment.by}`,
    detail: comment.text,
  }));
}

/** The round's own markers with others (comments) among them, oldest first. */
export function withMarkers(markers: readonly ReplayMarker[], more: readonly ReplayMarker[]): ReplayMarker[] {
  return more.length === 0 ? [...markers] : [...markers, ...more].sort((a, b) => a.at - b.at);
}

function eventMarker(event: ReplayEvent): ReplayMarker {
  switch (event.type) {
    case 'question-revealed':
      return { at: event.at, kind: 'question', label: 'Question revealed', detail: event.title };
    case 'hint-revealed':
      return { at: event.at, kind: 'hint', label: `Hint ${event.index + 1}`, detail: event.text };
    case 'timer':
      return { at: event.at, kind: 'timer', label: TIMER_LABELS[event.action], detail: '' };
    case 'round-ended':
      return { at: event.at, kind: 'end', label: 'Round ended', detail: '' };
  }
}
