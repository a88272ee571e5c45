/**
 * Every process the benchmark starts, so that an error, a signal or a normal exit can stop them
 * all: a run must never leave a server or generator behind.
 */
const running = new Set();

/** Registers a child process until it exits. */
export function track(child) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Kills every tracked process that is still running (SIGKILL: used only on the way out). */
export function killAll() {
  for (const child of running) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  running.clear();
}

/** Resolves when the child exits, or after `ms` (false then). */
export function exited(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
