import http from 'node:http';

/**
 * A child process that asks /healthz every 50 ms and keeps each answer's latency, so the
 * attacker's own busy loop never distorts what it measures. It connects from 127.0.0.2: another
 * address than the attacker's 127.0.0.1, as a real visitor would be, so per-address limits that
 * stop the attacker do not stop it. Messages from the parent: `mark` starts a new window;
 * `report` answers with the window's latencies (no answer within 10 s counts as 10 s).
 */
const [host, port] = [process.argv[2], Number(process.argv[3])];
const TIMEOUT_MS = 10_000;
const agent = new http.Agent({ keepAlive: true, localAddress: '127.0.0.2' });
let window = [];

function probe() {
  const started = performance.now();
  return new Promise((resolve) => {
    const req = http.get({ host, port, path: '/healthz', agent, timeout: TIMEOUT_MS }, (res) => {
      res.resume();
      res.on('end', () => {
        window.push(performance.now() - started);
        resolve();
      });
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', () => {
      window.push(TIMEOUT_MS);
      resolve();
    });
  });
}

(async function loop() {
  for (;;) {
    await Promise.all([probe(), new Promise((resolve) => setTimeout(resolve, 50))]);
  }
})();

process.on('message', (message) => {
  if (message.type === 'mark') window = [];
  else if (message.type === 'report') process.send?.({ type: 'report', latencies: window });
  else if (message.type === 'stop') process.exit(0);
});
