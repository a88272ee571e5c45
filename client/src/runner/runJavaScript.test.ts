import { describe, expect, it } from 'vitest';
import { judgeRun } from './judgeTests';
import { OutputBuffer } from './OutputBuffer';
import { runJavaScript } from './runJavaScript';
import { runTimesText, toSharedRun } from './sharedRuns';
import type { RunRequest } from './types';

/** What the box does (run, report raw values) and then what the page does (judge them). */
function run(partial: Partial<RunRequest> & Pick<RunRequest, 'code'>) {
  const request: RunRequest = { language: 'javascript', ...partial };
  let output = '';
  const outcome = runJavaScript(
    {
      language: request.language,
      code: request.code,
      entry: request.entry,
      calls: request.tests?.map((t) => t.args),
    },
    (text) => {
      output += text;
    },
  );
  return { ...judgeRun(request, outcome), output };
}

const tests = [
  { name: 'adds', args: [1, 2], expected: 3 },
  { name: 'negative', args: [-1, -2], expected: -3 },
];

describe('JavaScript and TypeScript runner', () => {
  it('captures console output in order', () => {
    const r = run({
      code: 'console.log("a", 1, [2], {b: 3}); console.error("oops"); console.log(undefined)',
    });
    expect(r.status).toBe('ok');
    expect(r.output).toBe('a 1 [2] {"b":3}\noops\nundefined\n');
  });

  it('reports errors with the line number the editor shows', () => {
    const r = run({ code: 'const a = 1;\nconst b = 2;\nnotDefined();\n' });
    expect(r.status).toBe('error');
    expect(r.error).toBe('ReferenceError: notDefined is not defined (line 3)');
    expect(run({ code: 'const = ;' }).error).toMatch(/^SyntaxError/);
  });

  it('transpiles TypeScript keeping line numbers, and runs the entry against tests', () => {
    const code = 'type N = number;\n\nfunction add(a: N, b: N): N {\n  return a + b;\n}\n';
    const r = run({ language: 'typescript', code, entry: 'add', tests });
    expect(r.tests?.map((t) => [t.name, t.got, t.pass])).toEqual([
      ['adds', 3, true],
      ['negative', -3, true],
    ]);
    const broken = run({ language: 'typescript', code: 'interface X {}\n\nthrow new Error("at four")\n' });
    expect(broken.error).toBe('Error: at four (line 3)');
  });

  it('shows the failing case and a thrown error per test, without stopping the others', () => {
    const code = 'function add(a, b) { if (a < 0) throw new RangeError("neg"); return a * b; }';
    const r = run({ code, entry: 'add', tests });
    expect(r.tests?.[0]).toMatchObject({ got: 2, expected: 3, pass: false });
    expect(r.tests?.[1]).toMatchObject({
      got: null,
      pass: false,
      error: expect.stringContaining('RangeError: neg'),
    });
  });

  it('finds exported entries, refuses require, and isolates test inputs', () => {
    expect(
      run({
        language: 'typescript',
        code: 'export function add(a: number, b: number) { return a + b; }',
        entry: 'add',
        tests,
      }).tests?.every((t) => t.pass),
    ).toBe(true);
    expect(run({ code: 'require("fs")' }).error).toContain('require() is not available');
    const mutating = 'function f(xs) { xs.push(1); return xs.length; }';
    const r = run({
      code: mutating,
      entry: 'f',
      tests: [
        { name: 'a', args: [[0]], expected: 2 },
        { name: 'b', args: [[0]], expected: 2 },
      ],
    });
    expect(r.tests?.map((t) => t.pass)).toEqual([true, true]);
    expect(run({ code: 'const x = 1;', entry: 'missing', tests }).error).toContain(
      'Define a function named missing',
    );
  });
});

describe('OutputBuffer', () => {
  it('caps output and says so', () => {
    const buffer = new OutputBuffer(10);
    expect(buffer.write('12345')).toBe('12345');
    expect(buffer.write('67890abc')).toBe('67890');
    expect(buffer.write('more')).toBe('');
    expect(buffer.truncated).toBe(true);
    expect(buffer.text()).toMatch(/^1234567890\n\[output truncated/);
  });
});

describe('shared run records', () => {
  it('keep only the status and pass count of hidden tests: no names, inputs, output or errors (P-RUN-2)', () => {
    const shared = toSharedRun(
      {
        status: 'ok',
        // The code saw the hidden inputs and may have printed them.
        output: 'printed SECRET_ARG',
        error: 'Error: SECRET_ARG (line 1)',
        truncated: false,
        durationMs: 12.3,
        readyMs: 0,
        tests: [
          {
            name: 'SECRET_NAME',
            args: ['SECRET_ARG'],
            expected: 'SECRET_EXPECTED',
            got: 'x',
            timeMs: 1,
            pass: false,
          },
          { name: 'other', args: [1], expected: 1, got: 1, timeMs: 1, pass: true },
        ],
      },
      { id: 'r', by: { id: 'p', name: 'Ivy' }, at: 0, language: 'python', kind: 'hidden-tests' },
    );
    expect(shared.summary).toEqual({ passed: 1, total: 2 });
    expect(shared).toMatchObject({ status: 'ok', kind: 'hidden-tests', output: '' });
    expect(JSON.stringify(shared)).not.toMatch(/SECRET/);
  });

  it('render public test rows as short strings', () => {
    const shared = toSharedRun(
      {
        status: 'ok',
        output: 'x'.repeat(200_000),
        truncated: false,
        durationMs: 1,
        readyMs: 0,
        tests: [
          { name: 't', args: [Array(1000).fill(7)], expected: 1, got: 2, timeMs: 0.123456, pass: false },
        ],
      },
      { id: 'r', by: { id: 'p', name: 'Cal' }, at: 0, language: 'javascript', kind: 'tests' },
    );
    expect(shared.tests?.[0]?.input.length).toBeLessThanOrEqual(301);
    expect(shared.tests?.[0]).toMatchObject({ expected: '1', got: '2', timeMs: 0.12, pass: false });
    expect(shared.output.length).toBeLessThan(100_200);
  });

  it('say how long a run waited for Python apart from how long it ran', () => {
    const meta = { id: 'r', by: { id: 'p', name: 'Cal' }, at: 0, language: 'python', kind: 'run' } as const;
    const result = { status: 'ok', output: '', truncated: false, durationMs: 12.4 } as const;
    const cold = toSharedRun({ ...result, readyMs: 3140 }, meta);
    expect(runTimesText(cold)).toBe('ready in 3.1 s · ran in 12 ms');
    const warm = toSharedRun({ ...result, readyMs: 3 }, meta);
    expect(warm.readyMs).toBeUndefined();
    expect(runTimesText(warm)).toBe('ran in 12 ms');
    expect(runTimesText({ durationMs: 6001 })).toBe('ran in 6.0 s');
  });
});
