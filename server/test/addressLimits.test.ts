import {
  ClientEvent,
  CloseCode,
  DOC_PROTOCOL,
  DOC_TOKEN_PROTOCOL_PREFIX,
  type DocAccess,
} from '@mockloop/shared';
import { io } from 'socket.io-client';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { DEFAULT_LIMITS } from '../src/config/Limits.js';
import { createRoom, joinOk } from './support/clients.js';
import { withTestServer } from './support/withTestServer.js';

// Behind a trusted proxy (loopback, the default TRUST_PROXY), so X-Forwarded-For names the client.
const t = withTestServer({
  limits: { ...DEFAULT_LIMITS, roomsPerIpPerHour: 3, connectionsPerIp: 2, lobbyEntriesPerIpPerHour: 2 },
});

const createFrom = async (address: string) =>
  (
    await fetch(`${t.server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address },
      body: JSON.stringify({ roundType: 'coding', name: 'Ivy' }),
    })
  ).status;

describe('per-address limits by network (P-CONN-2)', () => {
  it('P-CONN-2: room creation counts an IPv6 /64 as one address; IPv4-mapped addresses stay per address', async () => {
    // Forty rooms from forty addresses of one /64 were all created; three are, then 429.
    const statuses: number[] = [];
    for (let i = 1; i <= 40; i++) statuses.push(await createFrom(`2001:db8:aa:bb::${i.toString(16)}`));
    expect(statuses.slice(0, 3)).toEqual([201, 201, 201]);
    expect(statuses.slice(3).every((s) => s === 429)).toBe(true);
    expect(await createFrom('2001:db8:aa:bb:ffff:ffff:ffff:ffff')).toBe(429);
    // The next /64 is another subscriber.
    expect(await createFrom('2001:db8:aa:bc::1')).toBe(201);
    // IPv4 written IPv4-mapped is that one IPv4 address: its neighbours are other people.
    for (let i = 0; i < 3; i++) expect(await createFrom('::ffff:198.51.100.7')).toBe(201);
    expect(await createFrom('198.51.100.7')).toBe(429);
    expect(await createFrom('::ffff:198.51.100.8')).toBe(201);
  });

  it('P-CONN-2: WebSockets behind the proxy count per /64 too', async () => {
    const open = (address: string) => {
      const socket = io(t.server.url, {
        transports: ['websocket'],
        forceNew: true,
        reconnection: false,
        extraHeaders: { 'x-forwarded-for': address },
      });
      const outcome = new Promise<'connected' | 'refused'>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', () => resolve('refused'));
      });
      return { socket, outcome };
    };
    type Opened = ReturnType<typeof open>;
    const sockets = ['2001:db8:1:2::a', '2001:db8:1:2::b', '2001:db8:1:2::c', '2001:db8:1:3::a'].map(open);
    const [a, b, c, d] = sockets as [Opened, Opened, Opened, Opened];
    try {
      expect(await a.outcome).toBe('connected');
      expect(await b.outcome).toBe('connected');
      expect(await c.outcome).toBe('refused');
      expect(await d.outcome).toBe('connected');
      // The lobby's limit is per /64 as well.
      const lobby = ({ socket }: Opened) =>
        (socket.emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(
          ClientEvent.LobbyEnter,
          { name: 'Ola', trackId: 'netflix-mle', roundType: 'coding', role: 'either' },
        );
      expect((await lobby(a)).ok).toBe(true);
      expect((await lobby(b)).ok).toBe(true);
      expect(await lobby(b)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } });
      expect((await lobby(d)).ok).toBe(true);
    } finally {
      for (const s of sockets) s.socket.disconnect();
    }
  });

  it('P-CONN-2: a document connection told its protocol is outdated gives its place back', async () => {
    const address = '203.0.113.40';
    const room = await createRoom(t.server.url);
    // The control socket is one of the address's two places.
    const control = io(t.server.url, {
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
      extraHeaders: { 'x-forwarded-for': address },
    });
    try {
      const ivy = await joinOk(control, { roomId: room.roomId, secret: room.secret });
      const open = (access: DocAccess, version: string) =>
        new Promise<number | 'refused'>((resolve) => {
          const ws = new WebSocket(
            `${t.server.wsUrl}/yjs/${access.name}`,
            [version, `${DOC_TOKEN_PROTOCOL_PREFIX}${access.token}`],
            { headers: { 'x-forwarded-for': address } },
          );
          ws.once('unexpected-response', () => resolve('refused'));
          ws.once('open', () => {
            if (ws.protocol === DOC_PROTOCOL) ws.close(1000);
          });
          ws.once('close', (code) => resolve(code));
        });
      // Three older clients one after the other, each told to reload: each had the second place.
      for (let i = 0; i < 3; i++)
        expect(await open(ivy.documents.code, 'mockloop-doc.0')).toBe(CloseCode.ProtocolOutdated);
      // The place is free for a current one.
      expect(await open(ivy.documents.code, DOC_PROTOCOL)).toBe(1000);
    } finally {
      control.disconnect();
    }
  });
});
