/** One dependency a node needs to take rooms: a cheap call that throws when it is down. */
export interface ReadinessCheck {
  name: string;
  check: () => Promise<void>;
}

export interface ReadinessReport {
  ready: boolean;
  draining: boolean;
  /** `ok`, or why the check failed (its error message, or `timed out`). */
  checks: Record<string, string>;
}

/**
 * Whether this node should be sent rooms (`/readyz`): every check passes within `timeoutMs` and
 * the node is not draining. `/healthz` stays "the process answers"; this is what a load balancer
 * routes by, so a node whose store, Redis or room leases fail stops receiving rooms.
 */
export class Readiness {
  private draining = false;

  constructor(
    private readonly checks: ReadinessCheck[],
    private readonly timeoutMs = 1000,
  ) {}

  /** From now on the node is not ready (SIGTERM): the balancer takes it out. */
  drain(): void {
    this.draining = true;
  }

  get isDraining(): boolean {
    return this.draining;
  }

  async report(): Promise<ReadinessReport> {
    const results = await Promise.all(
      this.checks.map(async ({ name, check }) => [name, await this.run(check)] as const),
    );
    const checks = Object.fromEntries(results);
    const ready = !this.draining && results.every(([, result]) => result === 'ok');
    return { ready, draining: this.draining, checks };
  }

  private async run(check: () => Promise<void>): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<string>((resolve) => {
      timer = setTimeout(() => resolve('timed out'), this.timeoutMs);
    });
    try {
      return await Promise.race([
        check().then(
          () => 'ok',
          (err: unknown) => (err instanceof Error ? err.message : String(err)).slice(0, 200) || 'failed',
        ),
        timeout,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }
}
