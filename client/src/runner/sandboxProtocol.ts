import type { JsonValue } from '@mockloop/shared';
import type { RunLanguage } from './types';

/**
 * The messages between the page and the sandbox (an opaque-origin iframe and the worker it
 * starts). The page trusts nothing that comes back: every message from the box is read with
 * `readBoxMessage`, and pass or fail is decided in the page from the raw values.
 */

/** Sent by the page with `postMessage` to hand the iframe its end of the MessageChannel. */
export const PORT_MESSAGE = 'mockloop-runner-port';

/** What the page asks of the box. The box runs one job, then the page discards it. */
export type PageToBox = { type: 'prepare'; language: RunLanguage } | { type: 'run'; job: RunJob };

export interface RunJob {
  language: RunLanguage;
  code: string;
  entry?: string;
  /** Each test's arguments, in order. Expected values never enter the box. */
  calls?: JsonValue[][];
}

/** One call of the entry as the box reports it: the returned value as JSON text, or the error. */
export interface CallReport {
  json?: string;
  error?: string;
  timeMs: number;
}

/** How a job went in the box: whether the code loaded, and each call's raw result. */
export interface BoxOutcome {
  status: 'ok' | 'error';
  error?: string;
  calls?: CallReport[];
}

/** What a box is doing while it loads: with the bytes downloaded of the total, while it downloads. */
export interface LoadStage {
  stage: string;
  loaded?: number;
  total?: number;
}

/** What the box says back. Anything of another shape is dropped. */
export type BoxToPage =
  /** The sandbox page has its port: it loaded (a page that failed to load never says this). */
  | { type: 'opened' }
  | ({ type: 'progress' } & LoadStage)
  /** Loaded (Python included, when asked for): a job can start at once. */
  | { type: 'ready' }
  | { type: 'output'; text: string }
  | ({ type: 'done' } & BoxOutcome)
  | { type: 'crashed'; error: string };

/** The worker tells the iframe it is listening; the iframe holds the page's messages until then. */
export const BOOTED = 'mockloop-runner-booted';

const MAX_STAGE_CHARS = 200;
const MAX_ERROR_CHARS = 20_000;
/** A returned value's JSON beyond this is refused rather than compared (1 MB). */
export const MAX_RESULT_CHARS = 1024 * 1024;
/** More reports than any question has tests: the page refuses the whole result. */
const MAX_CALLS = 10_000;

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function readCall(value: unknown): CallReport | null {
  if (!isRecord(value)) return null;
  const call: CallReport = {
    timeMs: typeof value.timeMs === 'number' && Number.isFinite(value.timeMs) ? Math.max(0, value.timeMs) : 0,
  };
  if (typeof value.error === 'string') call.error = value.error.slice(0, MAX_ERROR_CHARS);
  else if (typeof value.json === 'string') call.json = value.json;
  else return null;
  return call;
}

/** A message from the box in a known shape, with strings bounded; null for anything else. */
export function readBoxMessage(data: unknown): BoxToPage | null {
  if (!isRecord(data)) return null;
  switch (data.type) {
    case 'progress': {
      if (typeof data.stage !== 'string') return null;
      const progress: BoxToPage = { type: 'progress', stage: data.stage.slice(0, MAX_STAGE_CHARS) };
      const { loaded, total } = data;
      if (isCount(loaded) && isCount(total) && loaded <= total && total > 0) {
        progress.loaded = loaded;
        progress.total = total;
      }
      return progress;
    }
    case 'opened':
      return { type: 'opened' };
    case 'ready':
      return { type: 'ready' };
    case 'output':
      return typeof data.text === 'string' ? { type: 'output', text: data.text } : null;
    case 'crashed':
      return {
        type: 'crashed',
        error: typeof data.error === 'string' ? data.error.slice(0, MAX_ERROR_CHARS) : 'The runner stopped.',
      };
    case 'done': {
      if (data.status !== 'ok' && data.status !== 'error') return null;
      const done: BoxToPage = { type: 'done', status: data.status };
      if (typeof data.error === 'string') done.error = data.error.slice(0, MAX_ERROR_CHARS);
      if (data.calls !== undefined) {
        if (!Array.isArray(data.calls) || data.calls.length > MAX_CALLS) return null;
        const calls = data.calls.map(readCall);
        if (calls.some((c) => c === null)) return null;
        done.calls = calls as CallReport[];
      }
      return done;
    }
    default:
      return null;
  }
}
