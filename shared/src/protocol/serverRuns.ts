import { z } from 'zod';
import type { JsonValue } from '../questions/json.js';
import { SERVER_LANGUAGES, type ServerLanguage } from '../values/languages.js';

export * from '../values/serverRuns.js';

/**
 * Run the round's code on the server (P-SRUN-1): the code is read from the round's code document
 * there, never taken from this message; `textHash` (FNV-1a of the editor's text, `codeTextHash`)
 * lets the server wait for the last keystrokes to arrive, so it runs what the person saw. The
 * public tests come from the bank, the hidden ones too (interviewer only).
 */
export const ServerRunRequest = z.strictObject({
  kind: z.enum(['run', 'tests', 'hidden-tests']),
  language: z.enum(SERVER_LANGUAGES),
  textHash: z.string().regex(/^[0-9a-f]{8}$/),
});
export type ServerRunRequest = z.infer<typeof ServerRunRequest>;

/** One test of a server run as its requester sees it (hidden ones: the interviewer only). */
export interface ServerTestRow {
  name: string;
  args: JsonValue[];
  expected: JsonValue;
  /** What came back, or null when the call failed. */
  got: JsonValue | null;
  error?: string;
  timeMs: number;
  pass: boolean;
}

/** The answer to `run:request`, to the person who asked (the room gets the shared record). */
export interface ServerRunResult {
  runId: string;
  language: ServerLanguage;
  status: 'ok' | 'error' | 'timeout' | 'crashed';
  output: string;
  truncated: boolean;
  error?: string;
  /** The editor line the error points at, when it names one. */
  errorLine?: number;
  tests?: ServerTestRow[];
  compileMs?: number;
  runMs: number;
  /** How long it waited in line for a sandbox. */
  queuedMs: number;
}

/** Sent to the requester's socket while a server run waits and runs. */
export type ServerRunProgress =
  | { runId: string; stage: 'queued'; position: number }
  | { runId: string; stage: 'compiling' | 'running' }
  | { runId: string; stage: 'output'; text: string };

/** Whether each server language can run here, and if not why, in a sentence for the room. */
export type RunnerAvailability = Record<
  ServerLanguage,
  { available: boolean; preparing?: boolean; reason?: string }
>;
