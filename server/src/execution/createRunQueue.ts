import { LANGUAGE_LABELS } from '@mockloop/shared';
import type { Logger } from '../logging/createLogger.js';
import { LocalRunQueue } from './LocalRunQueue.js';
import { OffRunQueue, type RunQueue } from './RunQueue.js';
import type { RunnerSettings } from './runnerSettings.js';
import { SandboxExecutor } from './SandboxExecutor.js';

/**
 * The run queue RUNNER_MODE asks for: sandboxes in this process (local), runner workers through
 * Redis (queue), or none (off). Local start-up checks the machine in the background: the server
 * listens at once and runs wait for the check.
 */
export async function createRunQueue(
  settings: RunnerSettings,
  options: { redisUrl?: string; redisPrefix?: string; log: Logger },
): Promise<RunQueue> {
  if (settings.mode === 'off') {
    return new OffRunQueue(
      (l) => `${LANGUAGE_LABELS[l]} cannot run on this server: its runner is turned off (RUNNER_MODE=off)`,
    );
  }
  if (settings.mode === 'queue') {
    if (!options.redisUrl) throw new Error('RUNNER_MODE=queue needs REDIS_URL');
    const { RedisRunQueue } = await import('./RedisRunQueue.js');
    return RedisRunQueue.connect(options.redisUrl, options.redisPrefix ?? 'mockloop:', settings, options.log);
  }
  const executor = SandboxExecutor.start({
    limits: settings.limits,
    cacheRoot: settings.cacheDir,
    languages: settings.languages,
  });
  executor.catch((err) => options.log.error({ err }, 'the sandbox check failed'));
  return new LocalRunQueue(executor, settings.concurrency, settings.queueMax);
}
