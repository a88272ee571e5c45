import { DOC_RULES, type DocKind, type ReplayRows, STORED_LIMITS, scanUpdate } from '@mockloop/shared';
import * as Y from 'yjs';
import { fetchReplayInfo, fetchReplayRows } from '../lib/api';
import { RUNS_ARRAY, type SharedRun } from '../runner/sharedRuns';
import type { DocTimeline, ReplayRow } from './DocTimeline';
import { Replay, type ReplayRun } from './Replay';

/** Rows applied between two yields to the page, so a long history never freezes it. */
const APPLY_SLICE = 2500;

/**
 * Fetches a round's replay info and answers with the Replay at once; its documents' rows then
 * arrive by range, each range fetched while the one before is applied, and the replay is
 * playable up to what has arrived (`loadedUntil`) all along.
 */
export async function loadReplay(roomId: string, round: number, secret: string): Promise<Replay> {
  const info = await fetchReplayInfo(roomId, round, secret);
  const replay = new Replay(info);
  const loads = Object.entries(replay.docs).map(([kind, timeline]) =>
    loadRows(replay, kind as DocKind, timeline, (after) =>
      fetchReplayRows(roomId, round, kind as DocKind, after, secret),
    ),
  );
  Promise.all(loads).catch((err: Error) => replay.failed(err.message));
  return replay;
}

async function loadRows(
  replay: Replay,
  kind: DocKind,
  timeline: DocTimeline,
  fetchRange: (after: number) => Promise<ReplayRows>,
): Promise<void> {
  if (kind === 'code') watchRuns(timeline, replay.runs);
  let page = fetchRange(0);
  for (;;) {
    const range = await page;
    if (range.next !== null) page = fetchRange(range.next);
    const rows = decodeRows(range).filter((row) => passesScan(row.update, kind));
    for (let i = 0; i < rows.length; i += APPLY_SLICE) {
      const slice = rows.slice(i, i + APPLY_SLICE);
      timeline.append(slice, kind === 'code' ? addsRun : undefined);
      replay.grew(kind, slice.length, range.next === null && i + APPLY_SLICE >= rows.length);
      await yieldToPage();
    }
    if (range.next === null) {
      if (rows.length === 0) replay.grew(kind, 0, true);
      return;
    }
  }
}

/**
 * Whether a code row adds a run (decoding is far cheaper than applying). A decoded item names its
 * parent only when it has no neighbour, so the test is the content instead: JSON values are runs
 * or added test cases (its texts hold strings); a test case's row isolated too does no harm.
 */
export function addsRun(row: ReplayRow): boolean {
  return Y.decodeUpdate(row.update).structs.some(
    (s) => s instanceof Y.Item && s.content instanceof Y.ContentAny,
  );
}

/** Records each run as it enters the code document's list of runs, at its row's time. */
function watchRuns(timeline: DocTimeline, runs: ReplayRun[]): void {
  timeline.built.getArray<SharedRun>(RUNS_ARRAY).observe((event) => {
    const at = timeline.applying?.at ?? 0;
    for (const item of event.changes.added) {
      for (const run of item.content.getContent() as SharedRun[]) runs.push({ at, run });
    }
  });
}

/**
 * The same checks the server's loader applies (P-REPLAY-3): Yjs trusts its input and may hang on a
 * crafted row, so the page scans every row itself before applying it, whatever the server sent.
 */
export function passesScan(update: Uint8Array, kind: DocKind): boolean {
  try {
    scanUpdate(update, DOC_RULES[kind], STORED_LIMITS);
    return true;
  } catch {
    return false;
  }
}

function decodeRows(range: ReplayRows): ReplayRow[] {
  return range.rows.map(([seq, at, author, data]) => ({
    seq,
    at,
    author: range.authors[author] ?? null,
    update: fromBase64(data),
  }));
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function yieldToPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
