/**
 * Preloaded into a server under test (`node --import loopDelayProbe.mjs server.js`) so the same
 * measurement works for our server and the reference without touching either's code. Over the
 * IPC channel of its parent it answers:
 *   { probe: 'reset' }  -> clears the event-loop delay histogram;
 *   { probe: 'report' } -> { probe: 'report', loopDelay: {p50, p99, max, mean} (ms) };
 *   { probe: 'gc' }     -> runs a full GC (needs --expose-gc), then { probe: 'gc', ...memoryUsage() };
 *   { probe: 'snapshot', file } -> writes a heap snapshot, then { probe: 'snapshot', file }.
 * Every answer carries `atUs`, the monotonic clock V8's CPU profiles use, so a profile of the
 * whole process (--cpu-prof) can be cut down to the measured window.
 * When the parent goes away (even killed), the server terminates itself: no orphans.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import v8 from 'node:v8';
import { LOOP_RESOLUTION_MS, loopDelaySummary } from './stats.mjs';

if (process.send) {
  const histogram = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  histogram.enable();
  const atUs = () => Number(process.hrtime.bigint() / 1000n);
  process.on('message', (message) => {
    if (message?.probe === 'reset') {
      histogram.reset();
      process.send({ probe: 'reset', atUs: atUs() });
    } else if (message?.probe === 'report') {
      process.send({ probe: 'report', atUs: atUs(), loopDelay: loopDelaySummary(histogram) });
    } else if (message?.probe === 'gc') {
      // Twice: the first pass runs finalizers that free more on the second.
      globalThis.gc?.();
      globalThis.gc?.();
      process.send({ probe: 'gc', atUs: atUs(), ...process.memoryUsage() });
    } else if (message?.probe === 'snapshot') {
      // For a memory check that fails: what is still held (open the file in Chrome DevTools).
      process.send({ probe: 'snapshot', atUs: atUs(), file: v8.writeHeapSnapshot(message.file) });
    }
  });
  process.on('disconnect', () => process.kill(process.pid, 'SIGTERM'));
  // The channel must not keep a server alive that is otherwise done.
  process.channel?.unref();
}
