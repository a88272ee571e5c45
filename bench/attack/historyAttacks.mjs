import fs from 'node:fs';
import path from 'node:path';
import {
  ClientEvent,
  CODE_DOC,
  FRAGMENT_MESSAGE,
  fragmentMessage,
  REPLAY_API,
  REPORT_API,
} from '@mockloop/shared';
import * as encoding from 'lib0/encoding';
import { io } from 'socket.io-client';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { updateMessage } from '../../server/test/support/hostileUpdates.ts';

/**
 * The attacks of issue 23 on stored history and large replies: filling the store through the
 * replay's rows, fetching the largest replay and report a room can have, and holding the
 * fragment pool from read-only connections. Each `run(ctx)` resolves with a one-line outcome.
 */

const MiB = 1024 * 1024;

function openDoc(ctx, access) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`${ctx.wsUrl}/yjs/${access.name}?token=${encodeURIComponent(access.token)}`);
    const closed = new Promise((done) =>
      ws.on('close', (code, reason) => done({ code, reason: `${reason}` })),
    );
    ws.on('open', () => resolve({ ws, closed }));
    ws.on('error', reject);
  });
}

/** Sends an update as the browser does: in fragments when it is over a frame. */
function sendUpdate(ws, update) {
  for (const frame of fragmentMessage(updateMessage(update))) ws.send(frame);
}

/** Bytes of the data folder (the SQLite file and its WAL). */
function folderBytes(dir) {
  let total = 0;
  for (const name of fs.readdirSync(dir)) total += fs.statSync(path.join(dir, name)).size;
  return total;
}

/** A control connection that joins with `payload`; its socket stays open (the seat is live). */
async function join(ctx, payload) {
  const socket = io(ctx.url, { transports: ['websocket'], forceNew: true, reconnection: false });
  const ack = await socket.timeout(10_000).emitWithAck(ClientEvent.Join, payload);
  if (!ack.ok) throw new Error(`join: ${ack.error.message}`);
  return { socket, joined: ack.data };
}

/** One fragment frame (P-DOC-12) built by hand: any declared total, any piece. */
function fragmentFrame(total, piece) {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, FRAGMENT_MESSAGE);
  encoding.writeVarUint(encoder, total);
  encoding.writeVarUint8Array(encoder, piece);
  return encoding.toUint8Array(encoder);
}

/** Keeps the room whose history the churn filled, for the replay attack after it. */
const churned = {};

export const HISTORY_ATTACKS = [
  {
    name: 'history churn: 900 KB typed and deleted, 6 tabs, 20 s',
    run: async (ctx) => {
      const seat = await ctx.seat();
      const { roomId } = seat.candidate.room;
      const tabs = [seat.candidate];
      const sockets = [];
      for (let i = 1; i < 6; i++) {
        const tab = await join(ctx, {
          roomId,
          secret: seat.candidate.secret,
          tab: `churn-tab-${i}-aaaaaaaaaaaa`,
        });
        sockets.push(tab.socket);
        tabs.push(tab.joined);
      }
      const before = folderBytes(ctx.dataDir);
      const started = performance.now();
      const codes = new Map();
      const big = 'x'.repeat(900 * 1024);
      // Each tab types and deletes 900 KB every 100 ms; told to slow down (4529) it reconnects at
      // once, as a client retries; told the history is full (4429) it stops.
      let fullAfter = null;
      await Promise.all(
        tabs.map(async (tab) => {
          const doc = new Y.Doc();
          doc.clientID = tab.documents.code.clientId;
          const text = doc.getText(CODE_DOC.text);
          let full = false;
          while (!full && performance.now() - started < 20_000) {
            const { ws, closed } = await openDoc(ctx, tab.documents.code);
            let open = true;
            void closed.then(({ code }) => {
              open = false;
              codes.set(code, (codes.get(code) ?? 0) + 1);
              if (code === 4429) {
                full = true;
                fullAfter ??= performance.now() - started;
              }
            });
            const send = (u) => {
              if (open && ws.readyState === WebSocket.OPEN) sendUpdate(ws, u);
            };
            doc.on('update', send);
            while (open && performance.now() - started < 20_000) {
              text.insert(0, big);
              text.delete(0, text.length);
              await new Promise((resolve) => setTimeout(resolve, 100));
            }
            doc.off('update', send);
            ws.close();
            await closed;
          }
        }),
      );
      for (const s of sockets) s.disconnect();
      churned.roomId = roomId;
      churned.secret = seat.candidate.secret;
      seat.close();
      const grew = (folderBytes(ctx.dataDir) - before) / MiB;
      const seconds = (performance.now() - started) / 1000;
      const full = fullAfter === null ? 'never full' : `full (4429) after ${(fullAfter / 1000).toFixed(1)} s`;
      return `closes ${[...codes].map(([c, n]) => `${c} ×${n}`).join(', ')} in ${seconds.toFixed(1)} s, ${full}; the data folder grew ${grew.toFixed(1)} MiB (quota 96 MiB per person)`;
    },
  },
  {
    name: 'the biggest replay: every page of that history',
    run: async (ctx) => {
      if (!churned.roomId) return 'skipped (needs the churn attack first)';
      let after = 0;
      let pages = 0;
      let biggest = 0;
      let rows = 0;
      const started = performance.now();
      for (;;) {
        const res = await fetch(`${ctx.url}${REPLAY_API.rows(churned.roomId, 1, 'code', after)}`, {
          headers: { authorization: `Bearer ${churned.secret}` },
        });
        const text = await res.text();
        biggest = Math.max(biggest, Buffer.byteLength(text));
        const body = JSON.parse(text);
        pages++;
        rows += body.rows.length;
        if (body.next === null) break;
        after = body.next;
      }
      return `${rows} rows in ${pages} pages, the largest reply ${(biggest / MiB).toFixed(2)} MiB, all in ${((performance.now() - started) / 1000).toFixed(1)} s`;
    },
  },
  {
    name: 'the biggest report: 24 rounds of 3 MB code',
    run: async (ctx) => {
      const seat = await ctx.seat();
      const control = seat.sockets[0];
      const code = 'y'.repeat(3 * 1000 * 1000);
      let round = seat.interviewer;
      const roomId = seat.interviewer.room.roomId;
      const storedLength = async (n) => {
        const res = await fetch(`${ctx.url}${REPORT_API.code(roomId, n)}`, {
          headers: { authorization: `Bearer ${seat.interviewer.secret}` },
        });
        return (await res.text()).length;
      };
      for (let n = 1; n <= 24; n++) {
        const doc = new Y.Doc();
        doc.clientID = round.documents.code.clientId;
        doc.getText(CODE_DOC.text).insert(0, code);
        // Sent again after a 4529 (the person's byte budget), as a client would, until stored.
        while ((await storedLength(n)) < code.length) {
          const { ws, closed } = await openDoc(ctx, round.documents.code);
          sendUpdate(ws, Y.encodeStateAsUpdate(doc));
          const { code: closeCode } = await Promise.race([
            closed,
            new Promise((resolve) => setTimeout(() => resolve({ code: 0 }), 2000)),
          ]);
          ws.close();
          if (closeCode === 4529) await new Promise((resolve) => setTimeout(resolve, 1500));
        }
        await control.timeout(10_000).emitWithAck(ClientEvent.EndRound, {});
        if (n === 24) break;
        const next = await control
          .timeout(10_000)
          .emitWithAck(ClientEvent.NextRound, { roundType: 'coding', seats: 'same' });
        if (!next.ok) return `next round ${n + 1} refused: ${next.error.message}`;
        const rejoined = await control.timeout(10_000).emitWithAck(ClientEvent.Join, {
          roomId: seat.interviewer.room.roomId,
          secret: seat.interviewer.secret,
        });
        round = rejoined.data;
      }
      const extra = await control
        .timeout(10_000)
        .emitWithAck(ClientEvent.NextRound, { roundType: 'coding', seats: 'same' });
      const started = performance.now();
      const res = await fetch(`${ctx.url}${REPORT_API.report(seat.interviewer.room.roomId)}`, {
        headers: { authorization: `Bearer ${seat.interviewer.secret}` },
      });
      const bytes = Buffer.byteLength(await res.text());
      const ms = performance.now() - started;
      seat.close();
      return `report ${(bytes / MiB).toFixed(2)} MiB in ${ms.toFixed(0)} ms (HTTP ${res.status}); a 25th round: ${extra.ok ? 'accepted' : extra.error.message}`;
    },
  },
  {
    name: 'fragment pool held by 8 observers, then a 1.5 MB paste',
    run: async (ctx) => {
      const held = await ctx.seat();
      const roomId = held.observer.room.roomId;
      const observers = [];
      const sockets = [];
      for (let i = 0; i < 8; i++) {
        const { socket, joined } = await join(ctx, { roomId, name: `Watcher ${i}` });
        sockets.push(socket);
        const { ws } = await openDoc(ctx, joined.documents.board);
        // Declares an 8 MiB message, sends one byte of it, and waits.
        ws.send(fragmentFrame(8 * MiB, new Uint8Array([7])));
        observers.push(ws);
      }
      const other = await ctx.seat();
      const { ws, closed } = await openDoc(ctx, other.interviewer.documents.code);
      const doc = new Y.Doc();
      doc.clientID = other.interviewer.documents.code.clientId;
      doc.on('update', (u) => sendUpdate(ws, u));
      doc.getText(CODE_DOC.text).insert(0, 'z'.repeat(1_500_000));
      const outcome = await Promise.race([
        closed.then(({ code }) => `the paste was refused (${code})`),
        new Promise((resolve) => setTimeout(() => resolve('the paste went through'), 3000)),
      ]);
      ws.close();
      for (const o of observers) o.close();
      for (const s of sockets) s.disconnect();
      held.close();
      other.close();
      return outcome;
    },
  },
];
