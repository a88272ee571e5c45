import { loadRunnerSettings } from '../config/loadConfig.js';
import { createRunQueue } from '../execution/createRunQueue.js';
import { RunService } from '../execution/RunService.js';
import type { RunnerSettings } from '../execution/runnerSettings.js';
import type { CoreServices } from './coreServices.js';

/** The server runner: its queue (in this node, or Redis across machines) and the RunService. */
export async function serverRuns(
  core: CoreServices,
  options: { runner?: RunnerSettings; redisUrl?: string; redisPrefix?: string },
) {
  const { store, bank, docs, cluster, log } = core;
  const settings = options.runner ?? loadRunnerSettings({});
  const queue = await createRunQueue(settings, {
    redisUrl: options.redisUrl,
    redisPrefix: options.redisPrefix,
    log,
  });
  const runs = new RunService(
    store,
    bank,
    docs,
    queue,
    {
      perPerson: cluster.limiter('run-person', settings.runsPerMinute, 60),
      perRoom: cluster.limiter('run-room', settings.roomSecondsPerHour, 3600),
      perAddress: cluster.limiter('run-address', settings.addressSecondsPerHour, 3600),
    },
    settings,
  );
  return { queue, runs };
}
