/**
 * The load generator: its own process (pinned to its own core by run.mjs), driven over IPC.
 *
 *   parent -> { cmd: 'run', config }   opens the rooms, then runs warm-up, window and drain;
 *   child  -> { ev: 'ready', setupMs } rooms open, load about to start;
 *   child  -> { ev: 'measuring' }      the measured window starts (parent samples the server);
 *   child  -> { ev: 'measured' }       the window ends and sending stops;
 *   child  -> { ev: 'result', ... }    after the drain: latencies, own loop delay, counts;
 *   parent -> { cmd: 'close' }         closes every connection;
 *   child  -> { ev: 'closed', docs }   every document name with the keystrokes typed into it.
 *
 * config: { protocol: 'ours' | 'reference', httpUrl, wsUrl, rooms, warmupMs, durationMs, drainMs,
 *   setupConcurrency, typeEveryMs, cursorEveryMs, awarenessEcho }
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { joinOurRoom, referenceRoom } from './joinRoom.mjs';
import { newCounters } from './RawDocClient.mjs';
import { KeystrokeLog, Room } from './Room.mjs';
import { SlotScheduler } from './scheduler.mjs';
import { LOOP_RESOLUTION_MS, loopDelaySummary, round, Samples } from './stats.mjs';
import { selfCheck } from './yjsFrames.mjs';

const send = (message) => process.send?.(message);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** @type {Room[]} */
let rooms = [];

process.on('message', (message) => {
  if (message?.cmd === 'run') run(message.config).catch(die);
  else if (message?.cmd === 'close') close().catch(die);
});
// The parent is gone (finished, crashed or killed): nothing left to do.
process.on('disconnect', () => process.exit(0));

function die(err) {
  send({ ev: 'error', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  setTimeout(() => process.exit(1), 100);
}

async function run(config) {
  selfCheck();
  const counters = newCounters();
  const samples = new Samples();
  const log = new KeystrokeLog(samples);

  const setupStart = performance.now();
  rooms = await openRooms(config, log, counters);
  send({ ev: 'ready', setupMs: Math.round(performance.now() - setupStart) });

  const scheduler = new SlotScheduler();
  scheduler.every(config.typeEveryMs, rooms, (room) => room.type());
  const cursors = rooms.flatMap((room) => [
    { room, who: 0 },
    { room, who: 1 },
  ]);
  scheduler.every(config.cursorEveryMs, cursors, ({ room, who }) => room.moveCursor(who));
  const loop = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  loop.enable();
  scheduler.start();

  await sleep(config.warmupMs);
  const before = { ...counters };
  loop.reset();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  log.measuring = true;
  send({ ev: 'measuring' });

  await sleep(config.durationMs);
  log.measuring = false;
  scheduler.stop();
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const loopDelay = loopDelaySummary(loop);
  loop.disable();
  const rates = {};
  for (const key of Object.keys(counters)) rates[key] = round((counters[key] - before[key]) / seconds);
  send({ ev: 'measured' });

  // Wait (bounded) for keystrokes still in flight; whatever is left counts with a lower bound.
  const drainEnd = performance.now() + config.drainMs;
  while (log.delivered < log.sent && performance.now() < drainEnd) await sleep(20);
  const now = performance.now();
  const undelivered = rooms.flatMap((room) => room.undelivered(now));
  for (const wait of undelivered) samples.add(wait);

  send({
    ev: 'result',
    rooms: rooms.length,
    seconds: round(seconds, 2),
    latency: samples.summary(),
    sent: log.sent,
    delivered: log.delivered,
    undelivered: undelivered.length,
    generator: {
      loopDelay,
      cpu: round((cpu.user + cpu.system) / 1e6 / seconds, 2),
    },
    rates,
    closedEarly: counters.closedEarly,
  });
}

/** Opens `config.rooms` rooms, a bounded number at a time (a browser's join is several round trips). */
async function openRooms(config, log, counters) {
  const opened = [];
  let next = 0;
  const worker = async () => {
    while (next < config.rooms) {
      const index = next++;
      const spec =
        config.protocol === 'ours'
          ? await joinOurRoom(config.httpUrl, config.wsUrl)
          : referenceRoom(config.wsUrl, index);
      const room = new Room({ ...spec, awarenessEcho: config.awarenessEcho }, log, counters);
      opened.push(room);
      await room.open();
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(config.setupConcurrency, config.rooms) }, worker));
  } catch (err) {
    await Promise.all(opened.map((room) => room.close()));
    throw err;
  }
  return opened;
}

async function close() {
  const docs = rooms.map((room) => ({ name: room.docName, typed: room.clock }));
  await Promise.all(rooms.map((room) => room.close()));
  rooms = [];
  send({ ev: 'closed', docs });
}
