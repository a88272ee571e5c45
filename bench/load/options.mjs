import path from 'node:path';
import { parseArgs } from 'node:util';

export const USAGE = `Usage: npm run bench:load -- [options]      (or: node bench/load/run.mjs [options])

  --rooms <list>          room counts to measure              (default 100,200,400,600,800,1000)
  --duration <s>          measured window per run, seconds    (default 3)
  --warmup <s>            load before the window, seconds     (default 1)
  --drain <s>             wait for in-flight keystrokes, max  (default 1)
  --memory-rooms <n>      rooms for the memory check, 0 skips (default 1000)
  --memory-duration <s>   load in each memory-check round     (default 2)
  --memory-snapshot <f>   after the memory check, write our server's heap snapshot to <f>
  --skip-reference        measure our server only
  --skip-ours             measure the reference server only
  --profile <dir>         run our server with --cpu-prof, profiles written to <dir>
  --profile-generator <dir>  run the generator with --cpu-prof (is it fast enough?)
  --ours-main <file>      entry point of our server               (default server/dist/main.js)
  --compare-main <file>   also measure this build of our server in the same grid (before/after)
  --compare-label <text>  its name in the output                   (default "Mockloop before")
  --ours-node-args=<args> extra node flags for our server, e.g. --ours-node-args="--max-semi-space-size=32"
  --out <file>            JSON results                        (default bench/results/load.json)
  --type-every <ms>       one keystroke per room every <ms>   (default 200: 5 per second)
  --cursor-every <ms>     one cursor per client every <ms>    (default 100: 10 per second)
  --no-awareness-echo     clients publish only their own awareness (experiment: y-websocket's
                          provider echoes every change it hears; what does that cost?)
  --server-cpu <n>        core for the server under test      (default 0)
  --generator-cpu <n>     core for the load generator         (default 1)
  --repeat <n>            measure every cell n times, show the median by p95 (default 1)
  --retries <n>           repeat a run disturbed by other processes up to n times (default 0)
  --quiet-wait <s>        before each run, wait up to <s> for idle cores (default 3)
  --setup-concurrency <n> rooms being opened at once          (default 16)
  --max-generator-delay <ms>  runs whose generator loop p99 exceeds this are invalid (default 50)
`;

/** Parses run.mjs's command line into a plain options object (times in ms). */
export function parseOptions(argv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      rooms: { type: 'string', default: '100,200,400,600,800,1000' },
      duration: { type: 'string', default: '3' },
      warmup: { type: 'string', default: '1' },
      drain: { type: 'string', default: '1' },
      'memory-rooms': { type: 'string', default: '1000' },
      'memory-duration': { type: 'string', default: '2' },
      'memory-snapshot': { type: 'string' },
      'skip-reference': { type: 'boolean', default: false },
      'skip-ours': { type: 'boolean', default: false },
      profile: { type: 'string' },
      'ours-node-args': { type: 'string', default: '' },
      'ours-main': { type: 'string' },
      'compare-main': { type: 'string' },
      'compare-label': { type: 'string', default: 'Mockloop before' },
      'profile-generator': { type: 'string' },
      out: { type: 'string', default: 'bench/results/load.json' },
      'type-every': { type: 'string', default: '200' },
      'cursor-every': { type: 'string', default: '100' },
      'no-awareness-echo': { type: 'boolean', default: false },
      'server-cpu': { type: 'string', default: '0' },
      'generator-cpu': { type: 'string', default: '1' },
      'setup-concurrency': { type: 'string', default: '16' },
      repeat: { type: 'string', default: '1' },
      retries: { type: 'string', default: '0' },
      'quiet-wait': { type: 'string', default: '3' },
      'max-generator-delay': { type: 'string', default: '50' },
      help: { type: 'boolean', default: false },
    },
  });
  const number = (name, min) => {
    const value = Number(values[name]);
    if (!Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number >= ${min}`);
    return value;
  };
  const rooms = values.rooms.split(',').map((n) => Number(n.trim()));
  if (rooms.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('--rooms must list positive integers');
  const kinds = [];
  if (!values['skip-ours']) kinds.push('ours');
  if (values['compare-main']) kinds.push('compare');
  if (!values['skip-reference']) kinds.push('reference');
  if (kinds.length === 0) throw new Error('nothing to measure: both servers skipped');
  return {
    help: values.help,
    rooms: [...new Set(rooms)].sort((a, b) => a - b),
    kinds,
    durationMs: number('duration', 0.5) * 1000,
    warmupMs: number('warmup', 0) * 1000,
    drainMs: number('drain', 0) * 1000,
    memoryRooms: Math.floor(number('memory-rooms', 0)),
    memoryDurationMs: number('memory-duration', 0.5) * 1000,
    memorySnapshot: values['memory-snapshot'] ? path.resolve(values['memory-snapshot']) : undefined,
    profileDir: values.profile ? path.resolve(values.profile) : undefined,
    generatorProfileDir: values['profile-generator'] ? path.resolve(values['profile-generator']) : undefined,
    oursMain: values['ours-main'] ? path.resolve(values['ours-main']) : undefined,
    compareMain: values['compare-main'] ? path.resolve(values['compare-main']) : undefined,
    compareLabel: values['compare-label'],
    oursNodeArgs: values['ours-node-args'].split(/\s+/).filter(Boolean),
    out: path.resolve(values.out),
    typeEveryMs: number('type-every', 5),
    cursorEveryMs: number('cursor-every', 5),
    awarenessEcho: !values['no-awareness-echo'],
    serverCpu: values['server-cpu'],
    generatorCpu: values['generator-cpu'],
    setupConcurrency: Math.floor(number('setup-concurrency', 1)),
    repeat: Math.floor(number('repeat', 1)),
    retries: Math.floor(number('retries', 0)),
    quietWaitMs: number('quiet-wait', 0) * 1000,
    maxGeneratorDelayMs: number('max-generator-delay', 1),
  };
}
