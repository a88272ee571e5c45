import fs from 'node:fs';
import { loadConfig } from './config.js';
import { createApp } from './createApp.js';
import { serverPidFile } from './ops/sqliteBackup.js';
import { QuestionBankError } from './questions/QuestionBankError.js';

const config = loadConfig();
// Every handler catches its own errors; this is the last net, so a missed one is logged, not fatal.
process.on('unhandledRejection', (reason) => console.error('[server] unhandled rejection:', reason));

const app = await createApp(config).catch((err: unknown) => {
  // A broken question bank is the operator's to fix: say which file, field and why, then stop.
  if (err instanceof QuestionBankError) console.error(err.message);
  else console.error('Could not start:', err);
  process.exit(1);
});
const port = await app.listen(config.port, config.host);
// Printed first: tools wait for the "running at" line and read this one before it.
console.log(`Internal routes at http://${config.internalHost}:${app.internalPort()}/internal/rooms`);
const shownHost = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
console.log(`Mockloop is running at http://${shownHost}:${port} (data in ${config.dataDir})`);
// One server per SQLite data folder: a restore checks this before it replaces the database.
const pidFile = config.databaseUrl ? null : serverPidFile(config.dataDir);
if (pidFile) fs.writeFileSync(pidFile, `${process.pid}\n`);
process.on('exit', () => {
  if (pidFile) fs.rmSync(pidFile, { force: true });
});

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log('Shutting down: saving documents...');
    app.close().then(
      () => process.exit(0),
      (err) => {
        console.error(err);
        process.exit(1);
      },
    );
  });
}
