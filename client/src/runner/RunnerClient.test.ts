import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { REFILL_DELAY_MS, RunnerClient } from './RunnerClient';
import type { Box } from './SandboxContext';
import type { BoxToPage, LoadStage, RunJob } from './sandboxProtocol';
import { MAX_OUTPUT_BYTES, type RunLanguage, type RunRequest } from './types';

/** A box the test speaks for: it records its job and says whatever the test makes it say. */
class FakeBox implements Box {
  readonly python: boolean;
  ready = false;
  stage: LoadStage | null = null;
  failed: string | null = null;
  job: RunJob | null = null;
  disposed = false;
  private listener: ((message: BoxToPage) => void) | null = null;

  constructor(language: RunLanguage) {
    this.python = language === 'python';
  }
  listen(listener: ((message: BoxToPage) => void) | null): void {
    this.listener = listener;
  }
  start(job: RunJob): void {
    this.job = job;
  }
  dispose(): void {
    this.disposed = true;
  }
  say(message: BoxToPage): void {
    if (message.type === 'ready') this.ready = true;
    if (!this.disposed) this.listener?.(message);
  }
}

function setup(spares?: number) {
  const boxes: FakeBox[] = [];
  const client = new RunnerClient((language) => {
    const box = new FakeBox(language);
    boxes.push(box);
    return box;
  }, spares);
  return { client, boxes };
}

const tests = [
  { name: 'a', args: ['SECRET_ARG'], expected: 'SECRET_EXPECTED' },
  { name: 'b', args: [2], expected: 4 },
];
const request: RunRequest = { language: 'javascript', code: 'function f(x) {}', entry: 'f', tests };

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('RunnerClient', () => {
  it('P-RUN-1: runs in the warm spare, throws it away after one run and warms a new one', async () => {
    const { client, boxes } = setup(1);
    client.keepWarm('javascript');
    boxes[0]?.say({ type: 'ready' });
    const run = client.run({ language: 'javascript', code: 'console.log(1)' });
    expect(boxes[0]?.job).toEqual({ language: 'javascript', code: 'console.log(1)' });
    boxes[0]?.say({ type: 'output', text: '1\n' });
    boxes[0]?.say({ type: 'done', status: 'ok' });
    expect(await run).toMatchObject({ status: 'ok', output: '1\n' });
    expect(boxes[0]?.disposed).toBe(true);
    expect(boxes).toHaveLength(2);
    expect(boxes[1]?.disposed).toBe(false);
  });

  it('keeps two spares, loading one at a time, so two runs in a row both start at once', async () => {
    const { client, boxes } = setup();
    client.keepWarm('python');
    expect(boxes).toHaveLength(1); // the second waits for the first to load
    boxes[0]?.say({ type: 'ready' });
    expect(boxes).toHaveLength(2);
    boxes[1]?.say({ type: 'ready' });
    expect(boxes).toHaveLength(2); // two, no more

    const first = client.run({ language: 'python', code: 'x = 1' });
    expect(boxes[0]?.job?.code).toBe('x = 1');
    boxes[0]?.say({ type: 'done', status: 'ok' });
    expect(await first).toMatchObject({ status: 'ok', readyMs: 0 });
    expect(boxes[0]?.disposed).toBe(true);
    // A loaded spare is left: the next one waits a moment, as another run often follows at once.
    expect(boxes).toHaveLength(2);

    // Straight after, as Run code then Run tests: the other loaded spare, never the used one.
    const second = client.run({ language: 'python', code: 'print(x)' });
    expect(boxes[1]?.job?.code).toBe('print(x)');
    expect(boxes[0]?.job?.code).toBe('x = 1');
    await vi.advanceTimersByTimeAsync(REFILL_DELAY_MS); // no box loads beside the run
    expect(boxes).toHaveLength(2);
    boxes[1]?.say({ type: 'done', status: 'ok' });
    expect(await second).toMatchObject({ status: 'ok', readyMs: 0 });
    // None left: the next starts at once, and the one after it once that one has loaded.
    expect(boxes.map((b) => b.disposed)).toEqual([true, true, false]);
    boxes[2]?.say({ type: 'ready' });
    expect(boxes).toHaveLength(4);
  });

  it('refills after the pause when no run follows', async () => {
    const { client, boxes } = setup();
    client.keepWarm('python');
    boxes[0]?.say({ type: 'ready' });
    boxes[1]?.say({ type: 'ready' });
    const run = client.run({ language: 'python', code: 'print(1)' });
    boxes[0]?.say({ type: 'done', status: 'ok' });
    await run;
    await vi.advanceTimersByTimeAsync(REFILL_DELAY_MS - 1);
    expect(boxes).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(boxes).toHaveLength(3);
    expect(boxes[2]?.python).toBe(true);
  });

  it('starts no spare while a run is going, even when one finishes loading during it', async () => {
    const { client, boxes } = setup();
    client.keepWarm('python');
    boxes[0]?.say({ type: 'ready' });
    const run = client.run({ language: 'python', code: 'print(1)' }); // takes the loaded one
    expect(boxes[0]?.job).not.toBeNull();
    boxes[1]?.say({ type: 'ready' });
    expect(boxes).toHaveLength(2);
    boxes[0]?.say({ type: 'done', status: 'ok' });
    await run;
    await vi.advanceTimersByTimeAsync(REFILL_DELAY_MS);
    expect(boxes).toHaveLength(3);
  });

  it('drops a spare that dies and runs in a new box, then warms again after the run', async () => {
    const { client, boxes } = setup();
    client.keepWarm('python');
    boxes[0]?.say({ type: 'crashed', error: 'Could not load the runner' });
    expect(boxes[0]?.disposed).toBe(true);
    expect(boxes).toHaveLength(1); // not retried in a loop while the server is away
    const run = client.run({ language: 'python', code: 'print(1)' });
    expect(boxes).toHaveLength(2);
    boxes[1]?.say({ type: 'ready' });
    boxes[1]?.say({ type: 'done', status: 'ok' });
    expect(await run).toMatchObject({ status: 'ok' });
    expect(boxes).toHaveLength(3);
  });

  it('replaces spares for another language and disposes all of them with the client', () => {
    const { client, boxes } = setup();
    client.keepWarm('javascript');
    boxes[0]?.say({ type: 'ready' });
    boxes[1]?.say({ type: 'ready' });
    client.keepWarm('python');
    expect(boxes.map((b) => [b.python, b.disposed])).toEqual([
      [false, true],
      [false, true],
      [true, false],
    ]);
    client.dispose();
    expect(boxes.every((b) => b.disposed)).toBe(true);
    client.keepWarm('python');
    expect(boxes).toHaveLength(3);
  });

  it('sends the arguments of the tests into the box, never the expected values, and judges itself', async () => {
    const { client, boxes } = setup();
    const run = client.run(request);
    boxes[0]?.say({ type: 'ready' });
    expect(boxes[0]?.job?.calls).toEqual([['SECRET_ARG'], [2]]);
    expect(JSON.stringify(boxes[0]?.job)).not.toContain('SECRET_EXPECTED');
    // A forged report arrives first: it is the one judged, and its flags count for nothing.
    boxes[0]?.say({
      type: 'done',
      status: 'ok',
      calls: [
        { json: '[]', timeMs: 0 },
        { json: '4', timeMs: 0 },
      ],
    });
    boxes[0]?.say({ type: 'done', status: 'ok', calls: [{ json: '"SECRET_EXPECTED"', timeMs: 0 }] });
    const result = await run;
    expect(result.tests?.map((t) => t.pass)).toEqual([false, true]);
  });

  it('stops a run at its time limit, counted from when the job is handed over, not from loading', async () => {
    const { client, boxes } = setup();
    const run = client.run({ language: 'python', code: 'while True: pass' }, 5000);
    boxes[0]?.say({ type: 'progress', stage: 'Loading Python…' });
    await vi.advanceTimersByTimeAsync(20_000); // a slow Python start is not the code's time
    expect(boxes[0]?.disposed).toBe(false);
    boxes[0]?.say({ type: 'ready' });
    // The box cannot buy time: a second 'ready' does not restart the clock.
    await vi.advanceTimersByTimeAsync(4000);
    boxes[0]?.say({ type: 'ready' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(await run).toMatchObject({ status: 'timeout', error: 'Stopped after 5 s: the time limit.' });
    expect(boxes[0]?.disposed).toBe(true);
  });

  it('caps the output itself, whatever the box sends', async () => {
    const { client, boxes } = setup();
    const run = client.run({ language: 'javascript', code: '' });
    boxes[0]?.say({ type: 'ready' });
    const chunk = 'x'.repeat(256 * 1024);
    for (let i = 0; i < 8; i++) boxes[0]?.say({ type: 'output', text: chunk });
    boxes[0]?.say({ type: 'done', status: 'ok' });
    const result = await run;
    expect(result.truncated).toBe(true);
    expect(result.output.length).toBeLessThan(MAX_OUTPUT_BYTES + 100);
  });

  it('starts a box with Python when the spares have none, keeping them for the room’s language', async () => {
    const { client, boxes } = setup();
    client.keepWarm('javascript');
    const run = client.run({ language: 'python', code: 'print(1)' });
    expect(boxes.map((b) => [b.python, b.disposed])).toEqual([
      [false, false],
      [true, false],
    ]);
    expect(boxes[0]?.job).toBeNull();
    boxes[1]?.say({ type: 'ready' });
    boxes[1]?.say({ type: 'done', status: 'ok' });
    expect(await run).toMatchObject({ status: 'ok' });
  });

  it('tries one fresh box when the first dies while loading, then reports the crash', async () => {
    const { client, boxes } = setup();
    const recovered = client.run({ language: 'python', code: 'print(1)' });
    boxes[0]?.say({ type: 'crashed', error: 'Could not load the runner' });
    expect(boxes[0]?.disposed).toBe(true);
    boxes[1]?.say({ type: 'ready' });
    boxes[1]?.say({ type: 'done', status: 'ok' });
    expect(await recovered).toMatchObject({ status: 'ok' });

    const before = boxes.length;
    const failing = client.run({ language: 'python', code: 'print(1)' });
    boxes.at(-1)?.say({ type: 'crashed', error: 'no server' });
    boxes.at(-1)?.say({ type: 'crashed', error: 'still no server' });
    expect(await failing).toMatchObject({ status: 'crashed', error: 'still no server' });
    expect(boxes.length - before).toBe(2); // one retry, no more
    expect(client.running).toBe(false);
  });

  it('does not run the code twice: a box that dies during the run is reported, not replaced', async () => {
    const { client, boxes } = setup();
    client.keepWarm('javascript');
    boxes[0]?.say({ type: 'ready' });
    const run = client.run({ language: 'javascript', code: 'crash()' });
    boxes[0]?.say({ type: 'crashed', error: 'out of memory' });
    expect(await run).toMatchObject({ status: 'crashed', error: 'out of memory' });
    expect(boxes).toHaveLength(2); // the run's box, and the next spare
    expect(boxes[1]?.job).toBeNull();
  });

  it('times loading and running apart: a cold Python start is not the code’s time', async () => {
    const { client, boxes } = setup();
    const running = client.run({ language: 'python', code: 'print(1)' });
    vi.advanceTimersByTime(3000); // Python loading in a box that was not warm
    boxes[0]?.say({ type: 'ready' });
    vi.advanceTimersByTime(12);
    boxes[0]?.say({ type: 'done', status: 'ok' });
    const result = await running;
    expect(Math.round(result.readyMs)).toBe(3000);
    expect(Math.round(result.durationMs)).toBe(12);
    // With a warm spare nothing is waited for.
    client.keepWarm('javascript');
    const spare = boxes.at(-1);
    spare?.say({ type: 'ready' });
    const warm = client.run({ language: 'javascript', code: '1' });
    vi.advanceTimersByTime(5);
    spare?.say({ type: 'done', status: 'ok' });
    expect((await warm).readyMs).toBe(0);
  });
});
