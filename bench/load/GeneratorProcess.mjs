import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { exited, track } from './children.mjs';

const GENERATOR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'generator.mjs');

/**
 * The load generator's process (generator.mjs), pinned to its own core. `next(ev)` waits for the
 * generator's next event of that name; an 'error' event or an early exit rejects every wait.
 */
export class GeneratorProcess {
  #inbox = [];
  #waiters = [];
  #failure = null;

  /** @param {string} cpu  @param {string[]} [nodeArgs] */
  constructor(cpu, nodeArgs = []) {
    this.child = track(
      spawn('taskset', ['-c', cpu, process.execPath, ...nodeArgs, GENERATOR], {
        stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
      }),
    );
    this.child.on('message', (message) => {
      if (message?.ev === 'error') this.#fail(new Error(`generator: ${message.message}`));
      else this.#inbox.push(message);
      this.#deliver();
    });
    this.child.once('exit', (code) => this.#fail(new Error(`generator exited with ${code}`)));
  }

  send(message) {
    this.child.send(message);
  }

  /** The next `ev` event; rejects after `timeoutMs`, on a generator error, or if it exits. */
  next(ev, timeoutMs) {
    return new Promise((resolve, reject) => {
      const waiter = { ev, resolve, reject };
      waiter.timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== waiter);
        reject(new Error(`generator: no '${ev}' within ${Math.round(timeoutMs / 1000)} s`));
      }, timeoutMs);
      this.#waiters.push(waiter);
      this.#deliver();
    });
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    if (this.child.connected) this.child.disconnect();
    if (!(await exited(this.child, 5_000))) this.child.kill('SIGKILL');
  }

  #deliver() {
    for (const waiter of [...this.#waiters]) {
      const index = this.#inbox.findIndex((m) => m.ev === waiter.ev);
      if (index >= 0) {
        const [message] = this.#inbox.splice(index, 1);
        this.#settle(waiter, () => waiter.resolve(message));
      } else if (this.#failure) {
        this.#settle(waiter, () => waiter.reject(this.#failure));
      }
    }
  }

  #settle(waiter, action) {
    clearTimeout(waiter.timer);
    this.#waiters = this.#waiters.filter((w) => w !== waiter);
    action();
  }

  #fail(err) {
    this.#failure ??= err;
    this.#deliver();
  }
}
