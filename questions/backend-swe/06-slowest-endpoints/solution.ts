/**
 * Reference solution: the k routes with the highest p95 latency in an access log. Interviewer-only.
 * Validate each line (skip malformed ones), normalise the path, group by route, nearest-rank p95.
 */

const METHOD = /^[A-Z]+$/;
const STATUS = /^[1-5][0-9][0-9]$/;
const DIGITS = /^[0-9]+$/;

type Row = [route: string, requests: number, errors: number, p95: number];

function routeOf(method: string, path: string): string {
  const withoutQuery = path.split('?', 1)[0] as string;
  const segments = withoutQuery.split('/').map((s) => (DIGITS.test(s) ? ':id' : s));
  return `${method} ${segments.join('/')}`;
}

/** [route, status, latency] for a valid line, null for anything else. */
function parse(line: string): [string, number, number] | null {
  const fields = line.split(' ');
  if (fields.length !== 5 || fields.some((f) => f === '')) return null;
  const [, method, path, status, latency] = fields as [string, string, string, string, string];
  if (!METHOD.test(method) || !path.startsWith('/') || !STATUS.test(status) || !DIGITS.test(latency)) {
    return null;
  }
  return [routeOf(method, path), Number(status), Number(latency)];
}

export function slowestEndpoints(lines: string[], k: number): Row[] {
  const latencies = new Map<string, number[]>();
  const errors = new Map<string, number>();
  for (const line of lines) {
    const parsed = parse(line);
    if (!parsed) continue;
    const [route, status, latency] = parsed;
    const list = latencies.get(route) ?? [];
    list.push(latency);
    latencies.set(route, list);
    errors.set(route, (errors.get(route) ?? 0) + (status >= 500 ? 1 : 0));
  }

  const rows: Row[] = [];
  for (const [route, values] of latencies) {
    values.sort((a, b) => a - b);
    const rank = Math.ceil((95 * values.length) / 100); // integer maths: exact nearest rank
    rows.push([route, values.length, errors.get(route) ?? 0, values[rank - 1] as number]);
  }
  // Ties on p95 by route in code-unit order: the same as Python's for the ASCII the log holds.
  rows.sort((a, b) => b[3] - a[3] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return rows.slice(0, k);
}
