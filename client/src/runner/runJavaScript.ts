import { type JsonValue, jsonEqual } from '@mockloop/shared';
import { transform } from 'sucrase';
import { formatArgs } from './formatValue';
import type { RunRequest, RunResult, TestOutcome } from './types';

const SOURCE = 'solution.js';

/**
 * How many lines `new Function` puts before the body; measured once rather than assumed, since
 * engines differ. Used to report errors at the line the editor shows.
 */
const HEADER_LINES = (() => {
  try {
    new Function(`throw new Error('probe')\n//# sourceURL=${SOURCE}`)();
  } catch (err) {
    const line = new RegExp(`${SOURCE}:(\\d+)`).exec(String((err as Error).stack))?.[1];
    if (line) return Number(line) - 1;
  }
  return 2;
})();

/** The error's message with the editor line it came from, when the stack has one. */
export function describeError(err: unknown): string {
  if (!(err instanceof Error)) return `Error: ${String(err)}`;
  const line = new RegExp(`${SOURCE}:(\\d+)(?::(\\d+))?`).exec(String(err.stack))?.[1];
  const where = line ? ` (line ${Number(line) - HEADER_LINES})` : '';
  return `${err.name}: ${err.message}${where}`;
}

/** TypeScript to JavaScript with line numbers kept (Sucrase never moves code across lines). */
export function toJavaScript(code: string, language: RunRequest['language']): string {
  const transforms: Array<'typescript' | 'imports'> =
    language === 'typescript' ? ['typescript', 'imports'] : ['imports'];
  return transform(code, { transforms, disableESTransforms: true, production: true }).code;
}

/**
 * Runs JavaScript or TypeScript in the current realm (a worker), with console output sent to
 * `write`. With tests, calls the entry function on each test's arguments and compares results.
 */
export function runJavaScript(
  request: RunRequest,
  write: (text: string) => void,
): Omit<RunResult, 'durationMs' | 'output' | 'truncated'> {
  const consoleProxy = {
    log: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
    info: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
    debug: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
    warn: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
    error: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
  };
  let entryFn: unknown;
  try {
    const js = toJavaScript(request.code, request.language);
    const entry = request.entry && /^[A-Za-z_$][\w$]*$/.test(request.entry) ? request.entry : undefined;
    const tail = entry ? `\nreturn typeof ${entry} === 'function' ? ${entry} : exports.${entry};` : '';
    const body = `${js}${tail}\n//# sourceURL=${SOURCE}`;
    const exports: Record<string, unknown> = {};
    entryFn = new Function('console', 'exports', 'module', 'require', body)(
      consoleProxy,
      exports,
      { exports },
      () => {
        throw new Error('require() is not available in the runner');
      },
    );
  } catch (err) {
    return { status: 'error', error: describeError(err) };
  }
  if (!request.tests) return { status: 'ok' };
  if (typeof entryFn !== 'function') {
    return { status: 'error', error: `Define a function named ${request.entry} to run the tests.` };
  }
  const tests: TestOutcome[] = request.tests.map((test) => {
    const started = performance.now();
    try {
      // Each test gets its own copy, so a solution that mutates its input cannot affect the next.
      const got = toJson((entryFn as (...a: unknown[]) => unknown)(...structuredClone(test.args)));
      return {
        ...test,
        got,
        timeMs: performance.now() - started,
        pass: got !== undefined && jsonEqual(got, test.expected),
      };
    } catch (err) {
      return {
        ...test,
        got: null,
        error: describeError(err),
        timeMs: performance.now() - started,
        pass: false,
      };
    }
  });
  return { status: 'ok', tests };
}

/** The value as JSON data (what a JSON round trip would give); undefined for non-JSON results. */
function toJson(value: unknown): JsonValue {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
