import { type ChildProcess, spawn } from 'node:child_process';
import dgram from 'node:dgram';
import { expect, type Page } from '@playwright/test';

/**
 * Keeps every RTCPeerConnection a page makes, so a test can read its getStats(). Added to the
 * test's browser contexts only; the app itself exposes nothing.
 */
export function recordPeerConnections(): void {
  const Native = window.RTCPeerConnection;
  const all: RTCPeerConnection[] = [];
  (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections = all;
  window.RTCPeerConnection = class extends Native {
    constructor(config?: RTCConfiguration) {
      super(config);
      all.push(this);
    }
  } as typeof RTCPeerConnection;
}

/** Readies a person's browser context for the call: records its peer connections. */
export async function inCallContext(page: Page): Promise<void> {
  await page.context().addInitScript(recordPeerConnections);
}

export interface MediaFigures {
  audioIn: number;
  videoIn: number;
  framesDecoded: number;
  audioOut: number;
  videoOut: number;
  /** The candidate types of each connected pair's selected route, local then remote. */
  routes: string[];
}

/** Bytes and frames over the page's open peer connections, from getStats(). */
export function mediaFigures(page: Page): Promise<MediaFigures> {
  return page.evaluate(async () => {
    const all = (window as unknown as { __peerConnections: RTCPeerConnection[] }).__peerConnections ?? [];
    const figures = {
      audioIn: 0,
      videoIn: 0,
      framesDecoded: 0,
      audioOut: 0,
      videoOut: 0,
      routes: [] as string[],
    };
    for (const pc of all) {
      if (pc.connectionState === 'closed') continue;
      const stats = await pc.getStats();
      const byId = new Map<string, Record<string, unknown>>();
      stats.forEach((s) => {
        byId.set(s.id, s as Record<string, unknown>);
      });
      for (const s of byId.values()) {
        if (s.type === 'inbound-rtp') {
          if (s.kind === 'audio') figures.audioIn += Number(s.bytesReceived ?? 0);
          if (s.kind === 'video') {
            figures.videoIn += Number(s.bytesReceived ?? 0);
            figures.framesDecoded += Number(s.framesDecoded ?? 0);
          }
        }
        if (s.type === 'outbound-rtp') {
          if (s.kind === 'audio') figures.audioOut += Number(s.bytesSent ?? 0);
          if (s.kind === 'video') figures.videoOut += Number(s.bytesSent ?? 0);
        }
        if (s.type === 'transport' && typeof s.selectedCandidatePairId === 'string') {
          const pair = byId.get(s.selectedCandidatePairId);
          const local = pair && byId.get(String(pair.localCandidateId));
          const remote = pair && byId.get(String(pair.remoteCandidateId));
          if (local && remote) figures.routes.push(`${local.candidateType}/${remote.candidateType}`);
        }
      }
    }
    return figures;
  });
}

/** Waits until the page receives the other side's audio and video: bytes and decoded frames grow. */
export async function expectMediaFlowing(page: Page, what = 'media'): Promise<void> {
  const before = await mediaFigures(page);
  await expect
    .poll(
      async () => {
        const now = await mediaFigures(page);
        return (
          now.audioIn > before.audioIn &&
          now.videoIn > before.videoIn &&
          now.framesDecoded > before.framesDecoded + 5
        );
      },
      { message: `${what}: inbound audio and video should grow`, timeout: 20_000 },
    )
    .toBe(true);
}

async function freeUdpPort(): Promise<number> {
  const socket = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  const { port } = socket.address();
  await new Promise<void>((resolve) => socket.close(() => resolve()));
  return port;
}

export interface Turn {
  url: string;
  secret: string;
  stop(): Promise<void>;
}

/** A real coturn on loopback with time-limited credentials (`use-auth-secret`). */
export async function startCoturn(): Promise<Turn> {
  const port = await freeUdpPort();
  const secret = 'e2e-turn-secret';
  const proc: ChildProcess = spawn(
    'turnserver',
    [
      '-n',
      '--no-cli',
      '--log-file=stdout',
      `--pidfile=/tmp/mockloop-turn-${port}.pid`,
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      '--min-port=49152',
      '--max-port=65535',
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=mockloop.test',
      '--no-tls',
      '--no-dtls',
      '--fingerprint',
      // Both browsers are on loopback: coturn refuses to relay to it unless told.
      '--allow-loopback-peers',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('Total General servers')) resolve();
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`turnserver exited with ${code}:\n${log}`)));
    proc.once('error', (err) =>
      reject(new Error(`turnserver did not start (${err.message}); install coturn`)),
    );
  });
  return {
    url: `turn:127.0.0.1:${port}?transport=udp`,
    secret,
    stop: () =>
      new Promise<void>((resolve) => {
        if (proc.exitCode !== null) return resolve();
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      }),
  };
}
