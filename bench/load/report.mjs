import { ServerProcess } from './ServerProcess.mjs';

/** The latency budget a run must keep at p95 to count as carried. */
export const P95_BUDGET_MS = 50;

/**
 * The largest room count a server carried: walking up from the smallest, every valid run with
 * p95 under budget counts; the first run over budget (or invalid) ends the walk, since a
 * larger N passing after a failure is noise, not capacity. `limited` says the walk was cut short
 * by an invalid run (the generator, not the server, was the bottleneck).
 */
export function largestCarried(runs) {
  let carried = null;
  for (const run of [...runs].sort((a, b) => a.rooms - b.rooms)) {
    if (!run.valid) return { rooms: carried, limited: true };
    if (run.latency.p95 === null || run.latency.p95 >= P95_BUDGET_MS)
      return { rooms: carried, limited: false };
    carried = run.rooms;
  }
  return { rooms: carried, limited: false };
}

const fmt = (value) => (value === null || value === undefined ? '–' : String(value));

function latencyCell(run) {
  if (!run) return '–';
  const { p50, p95, p99, max } = run.latency;
  const lost = run.undelivered > 0 ? ` (${run.undelivered} late)` : '';
  const rounds =
    run.p95Rounds?.length > 1 ? ` [p95 ${Math.min(...run.p95Rounds)}–${Math.max(...run.p95Rounds)}]` : '';
  return `${fmt(p50)} / ${fmt(p95)} / ${fmt(p99)} / ${fmt(max)}${lost}${rounds}`;
}

/** Awareness frames each client received per second: how often it saw the other's cursor move. */
function cursorRate(run) {
  const received = run.rates?.awarenessIn;
  return received === undefined ? null : Math.round((received / (2 * run.rooms)) * 10) / 10;
}

function serverCell(run) {
  if (!run) return '– | – | – | –';
  const { cores, rssMiB, loopDelay } = run.server;
  return `${fmt(cursorRate(run))} | ${fmt(cores)} | ${fmt(rssMiB)} | ${fmt(loopDelay?.p99)}`;
}

function generatorCell(run) {
  if (!run) return '–';
  return `${run.generator.loopDelay.p99}${run.valid ? '' : ' INVALID'}`;
}

/** One row per room count: `first` and `second` side by side, and the ratio of their p95. */
function pairTable(first, second, byKey, options) {
  const rows = [
    `| rooms | ${ServerProcess.label(first)} latency | cursors/s | cores | RSS | loop p99 | ` +
      `${ServerProcess.label(second)} latency | cursors/s | cores | RSS | loop p99 | p95 ratio | generator loop p99 |`,
    '|---:|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---|',
  ];
  for (const rooms of options.rooms) {
    const a = byKey.get(`${first}:${rooms}`);
    const b = byKey.get(`${second}:${rooms}`);
    const ratio = a?.latency.p95 && b?.latency.p95 ? (a.latency.p95 / b.latency.p95).toFixed(2) : '–';
    rows.push(
      `| ${rooms} | ${latencyCell(a)} | ${serverCell(a)} | ${latencyCell(b)} | ${serverCell(b)} | ${ratio} | ` +
        `${generatorCell(a)} / ${generatorCell(b)} |`,
    );
  }
  return rows;
}

/** The results table (GitHub Markdown, readable as plain text too) and the summary lines under it. */
export function formatReport(results, options) {
  const byKey = new Map(results.runs.map((run) => [`${run.kind}:${run.rooms}`, run]));
  const ours = ServerProcess.label('ours');
  const rounds = options.repeat > 1 ? `, the median of ${options.repeat} rounds by p95 [p95 range]` : '';
  const lines = [
    `Keystroke-to-peer latency in ms: p50 / p95 / p99 / max${rounds}.`,
    'Cursors/s: awareness frames each client received per second. Server: CPU in cores, RSS in MiB,' +
      ' event-loop delay p99 in ms.',
    `Server pinned to CPU ${options.serverCpu} (taskset -c ${options.serverCpu}), ` +
      `generator to CPU ${options.generatorCpu} (taskset -c ${options.generatorCpu}).`,
    `Per room: 2 clients, ${1000 / options.typeEveryMs} keystrokes/s, ${1000 / options.cursorEveryMs}` +
      ` cursor updates/s per client; warm-up ${options.warmupMs / 1000} s, window ${options.durationMs / 1000} s.`,
    ...(options.awarenessEcho ? [] : ['Experiment: clients do not echo the awareness they receive.']),
    ...(options.oursMain ? [`Our server: ${options.oursMain}.`] : []),
    ...(options.oursNodeArgs.length ? [`Our server ran with node ${options.oursNodeArgs.join(' ')}.`] : []),
  ];
  const kinds = new Set(results.runs.map((run) => run.kind));
  if (kinds.has('ours') || kinds.has('reference'))
    lines.push('', ...pairTable('ours', 'reference', byKey, options));
  if (kinds.has('compare')) {
    lines.push(
      '',
      `Before and after: ${ServerProcess.label('compare')} (${options.compareMain}) and ${ours}.`,
    );
    lines.push('', ...pairTable('compare', 'ours', byKey, options));
  }
  lines.push('');
  const carried = (kind, label) => {
    const { rooms, limited } = results.carried[kind] ?? {};
    if (!results.carried[kind]) return null;
    const cut = limited ? ' (measurement cut short by an invalid run)' : '';
    return `${label}: ${rooms ?? `none of ${options.rooms.join(', ')}`}${cut}`;
  };
  const parts = ['ours', 'compare', 'reference']
    .map((kind) => carried(kind, ServerProcess.label(kind)))
    .filter(Boolean);
  lines.push(`Largest N with p95 < ${P95_BUDGET_MS} ms: ${parts.join('; ')}`);
  const a = results.carried.ours?.rooms;
  const b = results.carried.reference?.rooms;
  if (a && b) lines.push(`Rooms carried, ours / reference: ${(a / b).toFixed(2)}`);
  if (results.runs.some((run) => !run.valid)) {
    lines.push(
      `INVALID: the generator's loop delay p99 exceeded ${options.maxGeneratorDelayMs} ms; those rows measure the generator.`,
    );
  }
  const disturbed = results.runs.filter((run) => run.disturbed);
  if (disturbed.length > 0) {
    const which = disturbed.map((run) => `${ServerProcess.label(run.kind)} at ${run.rooms}`).join(', ');
    lines.push(`Disturbed: other processes took over 10% of a pinned core during ${which}.`);
  }
  const m = results.memory;
  if (m) {
    lines.push(
      `Memory check (${m.rooms} rooms opened and closed, twice): RSS ${m.rssFreshMiB} MiB fresh, ` +
        `${m.rssBeforeMiB} MiB after the first round (before), ` +
        `${m.rssPeakMiB} MiB peak, ${m.rssAfterMiB} MiB after (${m.growthPercent >= 0 ? '+' : ''}${m.growthPercent}%; ` +
        `JS heap ${m.heapBeforeMiB} -> ${m.heapAfterMiB} MiB); ` +
        `store: ${m.store.docs} documents, ${m.store.stored} of ${m.store.typed} keystrokes, ` +
        `${m.store.mismatched} mismatched, ${m.store.rows} rows. ${m.pass ? 'PASS' : 'FAIL'}`,
    );
  }
  return lines.join('\n');
}
