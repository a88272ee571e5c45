import net from 'node:net';
import { API, ClientEvent } from '@mockloop/shared';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { hostileFrames, updateMessage } from '../../server/test/support/hostileUpdates.ts';
import { HISTORY_ATTACKS } from './historyAttacks.mjs';

/**
 * The attacks of issue 11, each as an attacker runs it from one address: `run(ctx)` resolves with
 * a one-line outcome. `ctx` has `url`, `host`, `port` and `seat()` (a room with its interviewer,
 * candidate and observer joined).
 */
const NAMES = hostileFrames().map((f) => f.name);

/** The corpus frame `name`, speaking for the attacker's own awareness client id. */
const corpusFrame = (name, clientId) => hostileFrames(clientId).find((f) => f.name === name);

/**
 * Sends the corpus frame `name` on `count` document connections in turn; tallies the close
 * codes.
 */
async function frames(ctx, name, count, who = 'interviewer') {
  const seat = await ctx.seat();
  const kind = corpusFrame(name, 0).kind;
  const access = seat[who].documents[kind] ?? seat[who].documents.code;
  const frame = corpusFrame(name, access.clientId).frame;
  const codes = new Map();
  for (let i = 0; i < count; i++) {
    const code = await new Promise((resolve) => {
      const ws = new WebSocket(`${ctx.wsUrl}/yjs/${access.name}?token=${encodeURIComponent(access.token)}`);
      ws.on('open', () => ws.send(frame));
      ws.on('close', (c) => resolve(c));
      ws.on('unexpected-response', (_req, res) => resolve(`HTTP ${res.statusCode}`));
      ws.on('error', () => {});
    });
    codes.set(code, (codes.get(code) ?? 0) + 1);
  }
  seat.close();
  return `closed ${[...codes].map(([c, n]) => `${c} ×${n}`).join(', ')}`;
}

function control(url) {
  return io(url, { transports: ['websocket'], forceNew: true, reconnection: false });
}

async function flood(emit, count) {
  const answers = { ok: 0, limited: 0, lost: 0 };
  await Promise.all(
    Array.from({ length: count }, () =>
      emit().then(
        (ack) => {
          if (ack.ok) answers.ok++;
          else if (ack.error.code === 'RATE_LIMITED') answers.limited++;
          else answers.lost++;
        },
        () => answers.lost++,
      ),
    ),
  );
  return answers;
}

function rawRequest(ctx, text, holdMs) {
  return new Promise((resolve) => {
    const socket = net.connect(ctx.port, ctx.host, () => socket.write(text));
    let reply = '';
    const started = performance.now();
    socket.on('data', (d) => {
      reply += d.toString('latin1');
    });
    socket.on('error', () => {});
    socket.on('close', () =>
      resolve({ status: reply.split('\r\n')[0] || 'closed', ms: performance.now() - started }),
    );
    if (holdMs) setTimeout(() => socket.destroy(), holdMs).unref();
  });
}

export const ATTACKS = [
  ...HISTORY_ATTACKS,
  {
    name: '40 frames declaring 3e7 structs',
    run: (ctx) => frames(ctx, '3e7 structs declared in 10 bytes', 40),
  },
  {
    name: '15 MB of subdocument updates',
    run: (ctx) => frames(ctx, '2,000 subdocuments', 130),
  },
  {
    name: 'truncated delete set (half-applied)',
    run: (ctx) => frames(ctx, 'a truncated delete set', 40),
  },
  {
    name: 'awareness nested 400k deep, by an observer',
    run: (ctx) => frames(ctx, 'awareness state nested 400k deep', 40, 'observer'),
  },
  {
    name: 'the whole corpus, 10 times each',
    run: async (ctx) => {
      const outcomes = [];
      for (const name of NAMES) outcomes.push(await frames(ctx, name, 10));
      return [...new Set(outcomes)].join('; ');
    },
  },
  {
    name: '5,000 document updates in a burst',
    run: async (ctx) => {
      const seat = await ctx.seat();
      const access = seat.interviewer.documents.code;
      const doc = new Y.Doc();
      const updates = [];
      doc.on('update', (u) => updates.push(u));
      for (let i = 0; i < 5000; i++) doc.getText('code').insert(i, 'x');
      const code = await new Promise((resolve) => {
        const ws = new WebSocket(`${ctx.wsUrl}/yjs/${access.name}?token=${encodeURIComponent(access.token)}`);
        ws.on('open', () => {
          for (const u of updates) ws.send(updateMessage(u));
        });
        ws.on('close', (c) => resolve(c));
        ws.on('error', () => {});
      });
      seat.close();
      return `closed ${code} after the burst budget`;
    },
  },
  {
    name: '20,000 presence:update from one socket',
    run: async (ctx) => {
      const seat = await ctx.seat();
      const socket = seat.sockets[0];
      const answers = await flood(
        () => socket.timeout(5000).emitWithAck(ClientEvent.Presence, { away: false }),
        20_000,
      );
      seat.close();
      return `${answers.ok} accepted, ${answers.limited} RATE_LIMITED, ${answers.lost} unanswered (disconnected)`;
    },
  },
  {
    name: '1,500 sockets that never join',
    run: async (ctx) => {
      const sockets = Array.from({ length: 1500 }, () => control(ctx.url));
      const outcomes = await Promise.all(
        sockets.map(
          (s) =>
            new Promise((resolve) => {
              s.once('connect_error', () => resolve('refused'));
              s.once('connect', () => s.once('disconnect', () => resolve('closed by the join deadline')));
            }),
        ),
      );
      const tally = new Map();
      for (const o of outcomes) tally.set(o, (tally.get(o) ?? 0) + 1);
      return [...tally].map(([o, n]) => `${n} ${o}`).join(', ');
    },
  },
  {
    name: '500 half-open HTTP requests',
    run: async (ctx) => {
      const results = await Promise.all(
        Array.from({ length: 500 }, () =>
          rawRequest(ctx, 'GET /api/questions HTTP/1.1\r\nHost: x\r\nX-Slow: '),
        ),
      );
      const dropped = results.filter((r) => r.status.includes('408')).length;
      const max = Math.max(...results.map((r) => r.ms));
      return `${dropped} answered 408 and closed, ${500 - dropped} refused at connect; all gone within ${(max / 1000).toFixed(1)} s`;
    },
  },
  {
    name: 'GET /yjs/%E0%A4%A with Upgrade, 100 times',
    run: async (ctx) => {
      const results = await Promise.all(
        Array.from({ length: 100 }, () =>
          rawRequest(
            ctx,
            'GET /yjs/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
          ),
        ),
      );
      return [...new Set(results.map((r) => r.status))].join(', ');
    },
  },
  {
    name: 'Socket.IO long-polling, 100 times',
    run: async (ctx) => {
      const statuses = await Promise.all(
        Array.from({ length: 100 }, () =>
          fetch(`${ctx.url}/socket.io/?EIO=4&transport=polling`).then((r) => r.status),
        ),
      );
      return `HTTP ${[...new Set(statuses)].join(', ')}`;
    },
  },
  {
    name: 'lobby: 100 anonymous pairs',
    run: async (ctx) => {
      const sockets = Array.from({ length: 200 }, () => control(ctx.url));
      const answers = await flood(
        (() => {
          let i = 0;
          return () =>
            sockets[i++ % sockets.length].timeout(10_000).emitWithAck(ClientEvent.LobbyEnter, {
              name: `Anon ${i}`,
              trackId: 'netflix-mle',
              roundType: 'coding',
              role: 'either',
            });
        })(),
        200,
      );
      for (const s of sockets) s.disconnect();
      return `${answers.ok} entries accepted (${Math.floor(answers.ok / 2)} rooms at most), ${answers.limited} RATE_LIMITED, ${answers.lost} sockets refused at connect`;
    },
  },
  {
    name: '3,000 POST /api/rooms',
    run: async (ctx) => {
      const tally = new Map();
      for (let i = 0; i < 3000; i += 100) {
        const statuses = await Promise.all(
          Array.from({ length: 100 }, () =>
            fetch(`${ctx.url}${API.rooms}`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: '{"roundType":"coding"}',
            }).then((r) => r.status),
          ),
        );
        for (const s of statuses) tally.set(s, (tally.get(s) ?? 0) + 1);
      }
      return [...tally].map(([s, n]) => `${n} × ${s}`).join(', ');
    },
  },
];
