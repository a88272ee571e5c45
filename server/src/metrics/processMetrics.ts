import { performance } from 'node:perf_hooks';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';

let registry: Registry | undefined;

/**
 * The process's metrics, one registry per process however many apps it runs (tests run many):
 * prom-client's defaults (CPU, memory, event-loop delay, GC by kind, handles) and the event
 * loop's utilisation since the previous scrape.
 */
export function processMetrics(): Registry {
  if (registry) return registry;
  const own = new Registry();
  collectDefaultMetrics({ register: own, eventLoopMonitoringPrecision: 20 });
  let last = performance.eventLoopUtilization();
  new Gauge({
    name: 'nodejs_eventloop_utilization',
    help: 'Share of time the event loop was busy since the previous scrape (0-1)',
    registers: [own],
    collect() {
      const now = performance.eventLoopUtilization();
      this.set(performance.eventLoopUtilization(now, last).utilization);
      last = now;
    },
  });
  registry = own;
  return own;
}
