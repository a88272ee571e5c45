/**
 * The server's clock as seen from here. Timers are end times on the server's clock; the offset
 * keeps two browsers whose clocks disagree showing the same countdown.
 */
class ServerClock {
  private offsetMs = 0;

  /** Records the server's time as just received. Network delay makes this a few ms late at most. */
  sync(serverNow: number): void {
    this.offsetMs = serverNow - Date.now();
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }
}

export const clock = new ServerClock();
