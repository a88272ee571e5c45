import fs from 'node:fs';
import { ConfigError } from './config/ConfigError.js';
import { loadConfig, parseSettings } from './config/loadConfig.js';
import { printConfig } from './config/printConfig.js';

// Configuration first, before anything is opened or bound: a bad value is one line and exit 1.
let config: ReturnType<typeof loadConfig>;
try {
  config = loadConfig(process.env, process.stdout.isTTY === true);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  console.error(`Configuration error: ${err.message}`);
  process.exit(1);
}
if (process.argv.includes('--print-config')) {
  process.stdout.write(printConfig(process.env, parseSettings(process.env)));
  process.exit(0);
}

// The app's modules load only once the configuration is good: a bad value costs no more than this.
const { createApp } = await import('./createApp.js');
const { createLogger } = await import('./logging/createLogger.js');
const { serverPidFile } = await import('./ops/sqliteBackup.js');
const { QuestionBankError } = await import('./questions/QuestionBankError.js');

const log = createLogger(config.log);
// Every handler catches its own errors; this is the last net, so a missed one is logged, not fatal.
process.on('unhandledRejection', (reason) => log.error({ err: reason }, 'unhandled rejection'));

const app = await createApp({ ...config, log }).catch((err: unknown) => {
  // A broken question bank is the operator's to fix: say which file, field and why, then stop.
  if (err instanceof QuestionBankError) log.fatal(err.message);
  else log.fatal({ err }, 'could not start');
  process.exit(1);
});
const port = await app.listen(config.port, config.host);
// Printed first: tools wait for the "running at" line and read this one before it.
log.info(`Internal routes at http://${config.internalHost}:${app.internalPort()}/internal/rooms`);
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
log.info(`Mockloop is running at http://${shownHost}:${port} (data in ${config.dataDir})`);
// One server per SQLite data folder: a restore checks this before it replaces the database.
const pidFile = config.databaseUrl ? null : serverPidFile(config.dataDir);
// Its second line is the internal listener, where `npm run room:delete` finds the server.
const internalUrl = `http://${config.internalHost}:${app.internalPort()}`;
if (pidFile) fs.writeFileSync(pidFile, `${process.pid}\n${internalUrl}\n`);
process.on('exit', () => {
  if (pidFile) fs.rmSync(pidFile, { force: true });
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    // Drain: /readyz fails and new rooms are refused at once; after DRAIN_DELAY_MS (the balancer
    // has seen it) open connections are closed, so clients reconnect elsewhere; then every
    // document is saved and the leases given back.
    app.drain();
    log.info({ signal, drainDelayMs: config.drainDelayMs }, 'draining: taking no more rooms');
    const stop = () =>
      app.close().then(
        () => {
          log.info('stopped: every document saved');
          process.exit(0);
        },
        (err: unknown) => {
          log.error({ err }, 'shutdown failed');
          process.exit(1);
        },
      );
    setTimeout(stop, config.drainDelayMs);
  });
}
