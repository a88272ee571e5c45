import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redact } from '../src/logging/redact.js';
import { connectControl, createRoom, joinOk, openDoc } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { type ServerProcess, startServerProcess } from './support/serverProcess.js';

interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/**
 * Parses Prometheus text exposition strictly: every line a comment, a sample or empty (values as
 * Go's ParseFloat reads them: prom-client writes NaN as `Nan`).
 */
function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  const typed = new Set<string>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const type = /^# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|histogram|summary|untyped)$/.exec(line);
    if (type?.[1]) {
      typed.add(type[1]);
      continue;
    }
    if (/^# HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*$/.test(line)) continue;
    const sample = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})? (-?[0-9.e+-]+|[Nn]a[Nn]|[+-]Inf)$/.exec(line);
    if (!sample?.[1]) throw new Error(`not Prometheus text: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (sample[2] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g)) {
      labels[pair[1] as string] = pair[2] as string;
    }
    const name = sample[1];
    const family = name.replace(/_(bucket|sum|count|total|created)$/, '');
    if (!typed.has(name) && !typed.has(family)) throw new Error(`sample without a TYPE: ${line}`);
    samples.push({ name, labels, value: Number(sample[3]) });
  }
  return samples;
}

const value = (samples: Sample[], name: string, labels: Record<string, string> = {}) =>
  samples
    .filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))
    .reduce((sum, s) => sum + s.value, 0);

let proc: ServerProcess;
let dataDir: string;
let internalUrl: string;
beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-observe-'));
  proc = await startServerProcess(dataDir, { LOG_LEVEL: 'debug', LOG_FORMAT: 'json' });
  const port = /Internal routes at http:\/\/[^:]+:(\d+)/.exec(proc.output())?.[1];
  internalUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await proc.dispose();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const scrape = async () => parsePrometheus(await (await fetch(`${internalUrl}/metrics`)).text());

describe('metrics and logs of a server process', () => {
  it('serves /metrics only on the internal listener', async () => {
    expect((await fetch(`${proc.url}/metrics`)).status).toBe(404);
    const res = await fetch(`${internalUrl}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
  });

  it('parses as Prometheus text and moves when a room is used; no label holds a room id', async () => {
    const before = await scrape();
    expect(value(before, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(
      before.some(
        (s) => s.name === 'nodejs_gc_duration_seconds_count' || s.name === 'nodejs_eventloop_utilization',
      ),
    ).toBe(true);

    const room = await createRoom(proc.url);
    const control = connectControl(proc.url);
    const joined = await joinOk(control, { roomId: room.roomId, secret: room.secret });
    const code = openDoc(proc.wsUrl, joined.documents.code);
    code.text.insert(0, 'def solve(nums):\n    return sorted(nums)\n');
    await eventually(() => expect(code.provider.synced).toBe(true));

    await eventually(async () => {
      const after = await scrape();
      expect(
        value(after, 'mockloop_http_request_duration_seconds_count', { route: '/api/rooms', status: '201' }),
      ).toBe(
        value(before, 'mockloop_http_request_duration_seconds_count', {
          route: '/api/rooms',
          status: '201',
        }) + 1,
      );
      expect(value(after, 'mockloop_socket_connections_total', { plane: 'control' })).toBeGreaterThanOrEqual(
        1,
      );
      expect(value(after, 'mockloop_socket_connections_total', { plane: 'document' })).toBeGreaterThanOrEqual(
        1,
      );
      expect(
        value(after, 'mockloop_control_event_duration_seconds_count', { event: 'room:join', outcome: 'ok' }),
      ).toBe(1);
      expect(value(after, 'mockloop_document_updates_total', { kind: 'code' })).toBeGreaterThan(
        value(before, 'mockloop_document_updates_total', { kind: 'code' }),
      );
      expect(value(after, 'mockloop_document_update_bytes_total', { kind: 'code' })).toBeGreaterThan(30);
      expect(value(after, 'mockloop_store_write_duration_seconds_count')).toBeGreaterThan(0);
      expect(value(after, 'mockloop_store_write_batch_rows_sum')).toBeGreaterThan(0);
      expect(value(after, 'mockloop_rooms_live')).toBe(1);
      expect(value(after, 'mockloop_documents_live')).toBeGreaterThanOrEqual(1);
      expect(value(after, 'mockloop_sockets_open', { plane: 'document' })).toBeGreaterThanOrEqual(1);
      const text = JSON.stringify(after.map((s) => s.labels));
      expect(text).not.toContain(room.roomId);
    });
    code.destroy();
    control.disconnect();
  });

  it('logs JSON lines with time and level, request ids and connection ids, and no room id or secret in the clear', async () => {
    const room = await createRoom(proc.url);
    const control = connectControl(proc.url);
    const joined = await joinOk(control, { roomId: room.roomId, secret: room.secret });
    const code = openDoc(proc.wsUrl, joined.documents.code);
    await eventually(() => expect(code.provider.synced).toBe(true));
    // A request that names the room in its path, and one with the secret as bearer.
    await fetch(`${proc.url}/api/rooms/${room.roomId}/report`, {
      headers: { authorization: `Bearer ${room.secret}` },
    });
    await fetch(`${proc.url}/r/${room.roomId}`);
    code.destroy();
    control.disconnect();
    const tag = redact(room.roomId);
    await eventually(() => expect(proc.output()).toContain(`/api/rooms/${tag}/report`));
    await eventually(() => expect(proc.output()).toContain('document connection closed'));

    const output = proc.output();
    expect(output).not.toContain(room.roomId);
    expect(output).not.toContain(room.secret);
    expect(output).not.toContain(joined.documents.code.token);
    const lines = output
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    for (const line of lines) {
      expect(typeof line.time).toBe('string');
      expect(['trace', 'debug', 'info', 'warn', 'error', 'fatal']).toContain(line.level);
    }
    const access = lines.filter((l) => l.msg === 'request');
    expect(access.length).toBeGreaterThan(2);
    for (const line of access) expect(line.req).toMatch(/^[0-9a-f]{12}$/);
    const socketLines = lines.filter(
      (l) => String(l.msg).includes('socket') || String(l.msg).includes('document connection'),
    );
    expect(socketLines.length).toBeGreaterThan(1);
    for (const line of socketLines) expect(line.conn).toMatch(/^[0-9a-f]{12}$/);
  });
});
