import { transform } from 'sucrase';
import { formatArgs } from './formatValue';
import type { BoxOutcome, CallReport, RunJob } from './sandboxProtocol';
import type { RunLanguage } from './types';

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
export function toJavaScript(code: string, language: RunLanguage): string {
  const transforms: Array<'typescript' | 'imports'> =
    language === 'typescript' ? ['typescript', 'imports'] : ['imports'];
  return transform(code, { transforms, disableESTransforms: true, production: true }).code;
}

/**
 * Runs JavaScript or TypeScript in the current realm (the sandbox's worker), with console output
 * sent to `write`. With calls, calls the entry on each one's arguments and reports what came
 * back as JSON text; judging it is the page's business.
 */
export function runJavaScript(job: RunJob, write: (text: string) => void): BoxOutcome {
  const consoleProxy = {
    log: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
    info: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
    debug: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
    warn: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
    error: (...args: unknown[]) => write(`${formatArgs(args)}\n`),
  };
  let entryFn: unknown;
  try {
    const js = toJavaScript(job.code, job.language);
    const entry = job.entry && /^[A-Za-z_$][\w$]*$/.test(job.entry) ? job.entry : undefined;
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
  if (!job.calls) return { status: 'ok' };
  if (typeof entryFn !== 'function') {
    return { status: 'error', error: `Define a function named ${job.entry} to run the tests.` };
  }
  const calls: CallReport[] = job.calls.map((args) => {
    const started = performance.now();
    try {
      // Each call gets its own copy, so a solution that mutates its input cannot affect the next.
      const value = (entryFn as (...a: unknown[]) => unknown)(...structuredClone(args));
      // What a JSON round trip gives: undefined (and functions) become null.
      return { json: JSON.stringify(value) ?? 'null', timeMs: performance.now() - started };
    } catch (err) {
      return { error: describeError(err), timeMs: performance.now() - started };
    }
  });
  return { status: 'ok', calls };
}
