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
import { loadConfig } from '../src/config/loadConfig.js';
import { type ControlSocket, createRoom, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { withTestServer } from './support/withTestServer.js';

const { ice } = loadConfig({
  TURN_URLS: 'turn:127.0.0.1:3478?transport=udp',
  TURN_SECRET: 'north-wind',
  // A STUN server, and a TURN relay with fixed credentials that only seats may get (P-CALL-6).
  ICE_SERVERS: JSON.stringify([
    { urls: 'stun:127.0.0.1:3478' },
    { urls: 'turns:relay.example.org:5349', username: 'fixed', credential: 'fixed-secret' },
  ]),
});
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
    secret: string;
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
    people.push({ socket, id: joined.self.id, endpoint: endpoint(name), got, secret: joined.secret });
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

  it('P-CALL-2: every direction line counts, at session and media level: an observer’s description that could send in any way is refused', async () => {
    const { ivy, oz } = await callOfThree();
    const head = ['v=0', 'o=- 1 2 IN IP4 127.0.0.1', 's=-', 't=0 0'];
    const section = (kind: string, port: number, ...attributes: string[]) => [
      `m=${kind} ${port} UDP/TLS/RTP/SAVPF 111`,
      'c=IN IP4 0.0.0.0',
      ...attributes,
    ];
    const description = (...lines: string[]) => [...head, ...lines, ''].join('\r\n');
    const refused: Array<[string, string]> = [
      // The attack: Chromium applies the last direction line of a section, the old check read the first.
      ['recvonly, then sendrecv', description(...section('audio', 9, 'a=mid:0', 'a=recvonly', 'a=sendrecv'))],
      [
        'sendonly after recvonly in video',
        description(...section('audio', 9, 'a=recvonly'), ...section('video', 9, 'a=recvonly', 'a=sendonly')),
      ],
      ['two identical lines', description(...section('audio', 9, 'a=recvonly', 'a=recvonly'))],
      ['an attribute with a value', description(...section('audio', 9, 'a=sendrecv:1'))],
      ['an attribute in other case', description(...section('audio', 9, 'a=SENDONLY'))],
      ['session-level sendrecv', description('a=sendrecv', ...section('audio', 9, 'a=mid:0'))],
      [
        'session-level sendonly over media recvonly',
        description('a=sendonly', ...section('audio', 9, 'a=recvonly')),
      ],
      ['port 0 (bundle-only) that sends', description(...section('video', 0, 'a=bundle-only', 'a=sendrecv'))],
      ['a data channel', description('m=application 9 UDP/DTLS/SCTP webrtc-datachannel', 'a=recvonly')],
    ];
    for (const [why, sdp] of refused) {
      const ack = await act(oz.socket, ClientEvent.CallSignal, {
        to: ivy.endpoint,
        signal: { description: { type: 'offer', sdp } },
      });
      expect(ack, why).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
    expect(ivy.got).toHaveLength(0);
    // What Chromium writes for a receive-only page passes: recvonly or inactive sections, the
    // session's recvonly as a default, a rejected section that is inactive.
    const accepted = [
      description(...section('audio', 9, 'a=recvonly'), ...section('video', 9, 'a=inactive')),
      description('a=recvonly', ...section('audio', 9, 'a=mid:0')),
      description(...section('audio', 9, 'a=recvonly'), ...section('video', 0, 'a=inactive')),
    ];
    for (const sdp of accepted) {
      const ack = await act(oz.socket, ClientEvent.CallSignal, {
        to: ivy.endpoint,
        signal: { description: { type: 'answer', sdp } },
      });
      expect(ack, sdp).toEqual({ ok: true, data: null });
    }
    await eventually(() => expect(ivy.got).toHaveLength(accepted.length));
  });

  it('P-CALL-5: an endpoint id is its opener’s: an observer cannot take the id of someone who left, and their rejoin gets it back', async () => {
    const { room, cal, oz, ivy } = await callOfThree();
    // Cal's page drops (its socket closes): Cal is out of the call, the id stays Cal's.
    cal.socket.disconnect();
    await eventually(async () => {
      const ack = await act<CallConfig>(ivy.socket, ClientEvent.CallSignal, {
        to: cal.endpoint,
        signal: { bye: true },
      });
      expect(ack).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    });
    const taken = await act(oz.socket, ClientEvent.CallJoin, {
      endpoint: cal.endpoint,
      media: { audio: false, video: false },
    });
    expect(taken).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // Signals for Cal's page reach nobody meanwhile.
    const signal = { candidate: { candidate: '' } };
    expect(await act(ivy.socket, ClientEvent.CallSignal, { to: cal.endpoint, signal })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    expect(oz.got).toHaveLength(0);
    // Cal's page reconnects (same participant, same endpoint) and is in the call again.
    const back = t.control();
    const calGot = inbox(back);
    await joinOk(back, { roomId: room.roomId, secret: cal.secret });
    const rejoined = await act(back, ClientEvent.CallJoin, {
      endpoint: cal.endpoint,
      media: { audio: true, video: true },
    });
    expect(rejoined.ok).toBe(true);
    expect((await act(ivy.socket, ClientEvent.CallSignal, { to: cal.endpoint, signal })).ok).toBe(true);
    await eventually(() => expect(calGot).toHaveLength(1));
  });

  it('P-CALL-6: relay credentials go only to a seat in the call, last an hour, and are renewed over call:ice', async () => {
    const { ivy, oz } = await callOfThree();
    const seatJoin = await act<CallConfig>(ivy.socket, ClientEvent.CallJoin, {
      endpoint: ivy.endpoint,
      media: { audio: true, video: true },
    });
    if (!seatJoin.ok) throw new Error(seatJoin.error.message);
    const turnUrls = (config: CallConfig) =>
      config.iceServers.flatMap((s) => s.urls).filter((u) => /^turns?:/.test(u));
    expect(turnUrls(seatJoin.data).sort()).toEqual([
      'turn:127.0.0.1:3478?transport=udp',
      'turns:relay.example.org:5349',
    ]);
    // About an hour (TURN_TTL_SECONDS), not six.
    const left = (seatJoin.data.expiresAt ?? 0) - Date.now();
    expect(left).toBeGreaterThan(3590_000);
    expect(left).toBeLessThanOrEqual(3600_000);

    // An observer gets STUN only: no relay, neither ours nor the fixed one, and direct routes.
    const observerJoin = await act<CallConfig>(oz.socket, ClientEvent.CallJoin, {
      endpoint: oz.endpoint,
      media: { audio: false, video: false },
    });
    if (!observerJoin.ok) throw new Error(observerJoin.error.message);
    expect(observerJoin.data).toEqual({
      iceServers: [{ urls: ['stun:127.0.0.1:3478'] }],
      iceTransportPolicy: 'all',
      expiresAt: null,
    });
    expect(JSON.stringify(observerJoin.data)).not.toMatch(/fixed-secret|turn/);

    // A page in the call renews its credentials; a socket that is not in the call gets nothing.
    const renewed = await act<CallConfig>(ivy.socket, ClientEvent.CallIce, {});
    if (!renewed.ok) throw new Error(renewed.error.message);
    expect(renewed.data.expiresAt).toBeGreaterThanOrEqual(seatJoin.data.expiresAt ?? 0);
    expect(turnUrls(renewed.data)).toHaveLength(2);
    expect((await act<CallConfig>(oz.socket, ClientEvent.CallIce, {})).ok).toBe(true);
    const outsider = t.control();
    const room = await createRoom(t.server.url, { roundType: 'coding', name: 'Eve' });
    await joinOk(outsider, { roomId: room.roomId, secret: room.secret });
    expect(await act(outsider, ClientEvent.CallIce, {})).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
