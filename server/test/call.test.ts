import { createHmac } from 'node:crypto';
import {
  type CallConfig,
  type CallSignalDelivery,
  ClientEvent,
  MAX_SDP_BYTES,
  type RoomState,
  ServerEvent,
} from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { iceSettingsFromEnv } from '../src/call/iceServers.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const ice = iceSettingsFromEnv({ TURN_URLS: 'turn:127.0.0.1:3478?transport=udp', TURN_SECRET: 'north-wind' });
const t = withTestServer({ ice });

type Ack<T = unknown> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };
const act = <T = unknown>(socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack<T>>)(event, payload);

const endpoint = (name: string) => `${name}-endpoint-0123456789`;

/** A description as Chromium writes one, with the given media directions. */
const sdp = (...directions: string[]) =>
  [
    'v=0',
    'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    ...directions.flatMap((d, i) => [
      `m=${i === 0 ? 'audio' : 'video'} 9 UDP/TLS/RTP/SAVPF 111`,
      'c=IN IP4 0.0.0.0',
      `a=mid:${i}`,
      `a=${d}`,
    ]),
    '',
  ].join('\r\n');

function inbox(socket: ControlSocket): CallSignalDelivery[] {
  const got: CallSignalDelivery[] = [];
  socket.on(ServerEvent.CallSignal, (d) => got.push(d));
  return got;
}

/** Interviewer, candidate and an observer in one room, each in the call. */
async function callOfThree() {
  const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
  const people = [] as Array<{
    socket: ControlSocket;
    id: string;
    endpoint: string;
    got: CallSignalDelivery[];
  }>;
  for (const [name, join] of [
    ['ivy', { roomId: room.roomId, secret: room.secret }],
    ['cal', { roomId: room.roomId, name: 'Cal' }],
    ['oz', { roomId: room.roomId, name: 'Oz' }],
    ['ola', { roomId: room.roomId, name: 'Ola' }],
  ] as const) {
    const socket = t.control();
    const got = inbox(socket);
    const joined = await joinOk(socket, join);
    const config = await act<CallConfig>(socket, ClientEvent.CallJoin, {
      endpoint: endpoint(name),
      media: { audio: true, video: true },
    });
    expect(config.ok).toBe(true);
    people.push({ socket, id: joined.self.id, endpoint: endpoint(name), got });
  }
  const [ivy, cal, oz, ola] = people as [
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
    (typeof people)[0],
  ];
  return { room, ivy, cal, oz, ola };
}

describe('the call’s signalling', () => {
  it('P-CALL-1: a signal reaches the endpoint it is for and nobody else; observers never pair up', async () => {
    const { ivy, cal, oz, ola } = await callOfThree();
    const offer = { description: { type: 'offer', sdp: sdp('sendrecv', 'sendrecv') } };
    expect((await act(ivy.socket, ClientEvent.CallSignal, { to: cal.endpoint, signal: offer })).ok).toBe(
      true,
    );
    await eventually(() => expect(cal.got).toHaveLength(1));
    expect(cal.got[0]).toEqual({ from: ivy.endpoint, participantId: ivy.id, signal: offer });
    // Everyone else hears nothing of it; a candidate goes the same way.
    const candidate = {
      candidate: {
        candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host',
        sdpMid: '0',
        sdpMLineIndex: 0,
      },
    };
    expect((await act(cal.socket, ClientEvent.CallSignal, { to: ivy.endpoint, signal: candidate })).ok).toBe(
      true,
    );
    await eventually(() => expect(ivy.got).toHaveLength(1));
    expect(ivy.got[0]?.signal).toEqual(candidate);

    // An observer and a seat may connect (the observer receives only) ...
    const receiveOnly = { description: { type: 'offer', sdp: sdp('recvonly', 'recvonly') } };
    expect(await act(oz.socket, ClientEvent.CallSignal, { to: ivy.endpoint, signal: receiveOnly })).toEqual({
      ok: true,
      data: null,
    });
    await eventually(() => expect(ivy.got).toHaveLength(2));
    // ... two observers may not.
    const refused = await act(oz.socket, ClientEvent.CallSignal, { to: ola.endpoint, signal: receiveOnly });
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Nobody signals someone who is not in the call, or themself.
    expect(
      await act(ivy.socket, ClientEvent.CallSignal, { to: endpoint('nobody'), signal: offer }),
    ).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(await act(ivy.socket, ClientEvent.CallSignal, { to: ivy.endpoint, signal: offer })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(oz.got).toHaveLength(0);
    expect(ola.got).toHaveLength(0);
    expect(cal.got).toHaveLength(1);
  });

  it('P-CALL-2: an observer’s offer that sends media is refused and reaches no one', async () => {
    const { ivy, cal, oz } = await callOfThree();
    for (const directions of [['sendrecv'], ['recvonly', 'sendonly'], ['recvonly', 'direction-missing']]) {
      const description = sdp(...directions).replace('a=direction-missing\r\n', '');
      const ack = await act(oz.socket, ClientEvent.CallSignal, {
        to: ivy.endpoint,
        signal: { description: { type: 'offer', sdp: description } },
      });
      expect(ack, directions.join(',')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    // An observer's microphone stays off in the room state, whatever their page says.
    expect(await act(oz.socket, ClientEvent.CallMedia, { audio: true, video: false })).toMatchObject({
      ok: false,
    });
    // A third person outside the call cannot signal into it.
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Eve' });
    const eve = t.control();
    await joinOk(eve, { roomId: room.roomId, secret: room.secret });
    await act(eve, ClientEvent.CallJoin, { endpoint: endpoint('eve'), media: { audio: true, video: true } });
    expect(
      await act(eve, ClientEvent.CallSignal, {
        to: ivy.endpoint,
        signal: { description: { type: 'offer', sdp: sdp('sendrecv') } },
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(ivy.got).toHaveLength(0);
    expect(cal.got).toHaveLength(0);
  });

  it('P-CALL-3: malformed signals get a clear error, change nothing and do not end the connection', async () => {
    const { ivy, cal } = await callOfThree();
    const bad: Array<[unknown, RegExp]> = [
      [{ description: { type: 'offer', sdp: 'hello' } }, /not a session description/],
      [
        { description: { type: 'offer', sdp: `${sdp('sendrecv')}a=x\u0000\r\n` } },
        /not a session description/,
      ],
      [{ description: { type: 'offer', sdp: `v=0\r\n${'a=x\r\n'.repeat(MAX_SDP_BYTES / 5)}` } }, /at most/],
      [{ description: { type: 'pranswer', sdp: sdp('sendrecv') } }, /type/],
      [{ candidate: { candidate: 'not a candidate' } }, /not an ICE candidate/],
      [{ candidate: { candidate: `candidate:${'1'.repeat(2000)}` } }, /at most/],
      [{ description: { type: 'offer', sdp: sdp('sendrecv') }, extra: 1 }, /./],
      [{ bye: false }, /./],
      ['offer', /./],
    ];
    for (const [signal, message] of bad) {
      const ack = await act(ivy.socket, ClientEvent.CallSignal, { to: cal.endpoint, signal });
      expect(ack, JSON.stringify(signal).slice(0, 80)).toMatchObject({
        ok: false,
        error: { code: 'BAD_REQUEST' },
      });
      if (!ack.ok) expect(ack.error.message).toMatch(message);
    }
    expect(await act(ivy.socket, ClientEvent.CallJoin, { endpoint: 'x', media: {} })).toMatchObject({
      ok: false,
      error: { code: 'BAD_REQUEST' },
    });
    // Nothing was relayed, and the socket still works.
    expect(cal.got).toHaveLength(0);
    expect(ivy.socket.connected).toBe(true);
    expect(
      (await act(ivy.socket, ClientEvent.CallSignal, { to: cal.endpoint, signal: { bye: true } })).ok,
    ).toBe(true);
    await eventually(() => expect(cal.got).toHaveLength(1));
  });

  it('P-CALL-4: the room state lists who is in the call; TURN credentials go to the asker alone', async () => {
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Ivy' });
    const ivy = t.control();
    const states: RoomState[] = [];
    ivy.on(ServerEvent.RoomState, (s) => states.push(s));
    const ivyJoin = await joinOk(ivy, { roomId: room.roomId, secret: room.secret });
    const cal = t.control();
    await joinOk(cal, { roomId: room.roomId, name: 'Cal' });
    const config = await act<CallConfig>(ivy, ClientEvent.CallJoin, {
      endpoint: endpoint('ivy'),
      media: { audio: true, video: false },
    });
    if (!config.ok) throw new Error(config.error.message);
    const turn = config.data.iceServers.find((s) => s.urls.some((u) => u.startsWith('turn:')));
    expect(turn?.username).toMatch(new RegExp(`^\\d+:${ivyJoin.self.id}$`));
    // coturn's use-auth-secret: the password is the HMAC-SHA1 of the user name under the secret.
    const username = turn?.username ?? '';
    expect(turn?.credential).toBe(createHmac('sha1', 'north-wind').update(username).digest('base64'));
    expect(Number(username.split(':')[0]) * 1000).toBe(config.data.expiresAt);
    await eventually(() =>
      expect(states.at(-1)?.call).toEqual([
        { participantId: ivyJoin.self.id, endpoint: endpoint('ivy'), media: { audio: true, video: false } },
      ]),
    );
    expect(JSON.stringify(states)).not.toContain(turn?.credential ?? 'no credential');
    // Leaving, or closing the page, takes them out.
    await act(ivy, ClientEvent.CallMedia, { audio: false, video: false });
    await eventually(() => expect(states.at(-1)?.call[0]?.media).toEqual({ audio: false, video: false }));
    const calStates: RoomState[] = [];
    cal.on(ServerEvent.RoomState, (s) => calStates.push(s));
    ivy.disconnect();
    await eventually(() => expect(calStates.at(-1)?.call).toEqual([]));
  });
});
