import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Metrics } from './Metrics.js';

const dashboard = JSON.parse(
  fs.readFileSync(new URL('../../../deploy/grafana-dashboard.json', import.meta.url), 'utf8'),
) as { panels: Array<{ title: string; targets: Array<{ expr: string }> }> };

describe('the Grafana dashboard (deploy/grafana-dashboard.json)', () => {
  it('reads only metrics the server exports', async () => {
    const metrics = new Metrics();
    metrics.watch({
      roomsLive: () => 0,
      documentsLive: () => 0,
      socketsOpen: () => ({ control: 0, document: 0 }),
      lobbyLine: async () => 0,
      filesBytes: async () => 0,
    });
    const exported = new Set(
      [...(await metrics.text()).matchAll(/^# TYPE (\S+) (\S+)$/gm)].flatMap(([, name = '', type]) =>
        type === 'histogram' ? [`${name}_bucket`, `${name}_sum`, `${name}_count`] : [name],
      ),
    );
    const used = dashboard.panels.flatMap((p) =>
      p.targets.flatMap((t) =>
        [...t.expr.matchAll(/\b((?:mockloop|nodejs|process)_[a-z0-9_]+)\{/g)].map((m) => m[1]),
      ),
    );
    expect(used.length).toBeGreaterThan(20);
    for (const name of used) expect(exported, name).toContain(name);
  });
});
