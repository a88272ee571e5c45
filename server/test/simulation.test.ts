import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ClientEvent,
  type JoinResult,
  ServerEvent,
  type SimulationBrief,
  type SimulationView,
} from '@mockloop/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { type App, createApp } from '../src/createApp.js';
import { CANARY_BANK_DIR, canariesIn } from './fixtures/canary-bank/canaries.js';
import { type ControlSocket, connectControl, joinOk } from './support/clients.js';
import { eventually } from './support/eventually.js';
import { dropSchema, storeOptions } from './support/pg.js';
import { startTestServer } from './support/testServer.js';
import { withTestServer } from './support/withTestServer.js';

/** One simulated minute: the canary question's 30 minutes (Code 25, Wrap-up 5) take 6 s. */
const MINUTE_MS = 200;
const t = withTestServer({ questionsDir: CANARY_BANK_DIR, simMinuteMs: MINUTE_MS });

const act = (socket: ControlSocket, event: string, payload: unknown) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }>)(
    event,
    payload,
  );

async function createSimulation(url: string, body: Record<string, unknown>) {
  const res = await fetch(`${url}/api/simulations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { roomId: string; secret: string } };
}

/** The solo candidate in a simulation of the canary coding question, recording all they receive. */
async function soloCandidate(url: string, socket: ControlSocket) {
  const created = await createSimulation(url, {
    trackId: 'canary',
    questionId: 'canary-echo-length',
    name: 'Cal',
  });
  expect(created.status).toBe(201);
  const seen: string[] = [];
  socket.onAny((event, ...args) => seen.push(`${event} ${JSON.stringify(args)}`));
  const views: SimulationView[] = [];
  socket.on(ServerEvent.SimulationState, (v) => views.push(v));
  const joined: JoinResult = await joinOk(socket, {
    roomId: created.body.roomId,
    secret: created.body.secret,
  });
  seen.push(JSON.stringify(joined));
  const latest = () => {
    const view = views.at(-1);
    if (!view) throw new Error('no simulation view yet');
    return view;
  };
  return { ...created.body, joined, seen, views, latest };
}

/** The scheduled lines said (a nudge depends on silence, so tests of the schedule leave them out). */
const kinds = (view: SimulationView) => view.lines.map((l) => l.kind).filter((k) => k !== 'nudge');
const selfAssessment = {
  round: 1,
  ratings: ['correctness', 'clarity', 'testing'].map((criterionId) => ({ criterionId, score: 3 })),
  interviewerClarity: 4,
  interviewerHelpfulness: 4,
  comment: '',
};

describe('a simulated interviewer (P-SIM-1..5)', () => {
  it('P-SIM-1 P-SIM-2: creates a solo room, introduces itself, reveals, advances phases, asks the follow-up, ends', async () => {
    const cal = await soloCandidate(t.server.url, t.control());
    expect(cal.joined.self.role).toBe('candidate');
    const interviewer = cal.joined.room.participants.find((p) => p.role === 'interviewer');
    expect(interviewer?.name).toBe('The Test Interviewer');

    await eventually(() => {
      const view = cal.latest();
      expect(view.status).toBe('running');
      expect(kinds(view)).toEqual(['intro', 'question', 'phases', 'phase']);
      expect(view.phaseIndex).toBe(0);
      expect(view.phases).toEqual([
        { name: 'Code', minutes: 25 },
        { name: 'Wrap-up', minutes: 5 },
      ]);
    });
    expect(cal.latest().lines[0]?.text).toContain('The Test Interviewer, Senior Tester');
    // The reveal is the room's own: the question and the running clock reach the candidate.
    const state = await joinOk(t.control(), { roomId: cal.roomId, secret: cal.secret });
    expect(state.room.round.question?.id).toBe('canary-echo-length');
    expect(state.room.round.timer.durationMs).toBe(30 * MINUTE_MS);
    expect(state.room.round.timer.endsAt).not.toBeNull();

    await eventually(() => {
      const view = cal.latest();
      expect(view.phaseIndex).toBe(1);
      expect(kinds(view)).toContain('follow-up');
    }, 15_000);
    await eventually(() => {
      expect(cal.latest().status).toBe('ended');
      expect(kinds(cal.latest()).at(-1)).toBe('time-up');
    }, 15_000);
    // Each scheduled line once, in order.
    expect(kinds(cal.latest())).toEqual([
      'intro',
      'question',
      'phases',
      'phase',
      'phase',
      'follow-up',
      'time-up',
    ]);
    const round = await t.server.app.store.getRound(cal.roomId, 1);
    expect(round?.endedAt).not.toBeNull();
  });

  it('P-SIM-2: the candidate ending the round early stops the interviewer there', async () => {
    const socket = t.control();
    const cal = await soloCandidate(t.server.url, socket);
    await eventually(() => expect(kinds(cal.latest())).toContain('phase'));
    expect((await act(socket, ClientEvent.EndRound, {})).ok).toBe(true);
    await eventually(() => {
      expect(cal.latest().status).toBe('ended');
      expect(kinds(cal.latest()).at(-1)).toBe('wrap-up');
    });
    expect(await t.server.app.store.listActiveSimulations()).not.toContain(cal.roomId);
    expect((await act(socket, ClientEvent.SimulationStuck, {})).error?.code).toBe('BAD_REQUEST');
  });

  it('P-SIM-1: bad input and unknown ids are refused and create nothing', async () => {
    expect((await createSimulation(t.server.url, { trackId: 'canary', name: '' })).status).toBe(400);
    expect((await createSimulation(t.server.url, { trackId: 'Nope!', name: 'Cal' })).status).toBe(400);
    expect((await createSimulation(t.server.url, { trackId: 'nope', name: 'Cal' })).status).toBe(404);
    expect(
      (await createSimulation(t.server.url, { trackId: 'canary', personaId: 'nobody', name: 'Cal' })).status,
    ).toBe(404);
    expect(await t.server.app.store.listActiveSimulations()).toEqual([]);
  });

  it('P-SIM-3: a hint only on request, gentlest first, logged with its time like a human reveal', async () => {
    const socket = t.control();
    const cal = await soloCandidate(t.server.url, socket);
    await eventually(() => expect(kinds(cal.latest())).toContain('phase'));
    expect(kinds(cal.latest())).not.toContain('hint');
    expect((await act(socket, ClientEvent.SimulationStuck, {})).ok).toBe(true);
    await eventually(() => {
      const hint = cal.latest().lines.find((l) => l.kind === 'hint');
      expect(hint?.text).toContain('REVEALED_HINT_MARKER');
      expect(cal.latest().hintsLeft).toBe(2);
    });
    const events = await t.server.app.store.listEvents(cal.roomId);
    const revealed = events.filter((e) => e.type === 'hint-revealed');
    expect(revealed).toHaveLength(1);
    expect(revealed[0]?.data).toMatchObject({ index: 0 });
    expect(revealed[0]?.at).toBeGreaterThan(0);
    // Only the round's candidate asks; an observer is refused.
    const watcher = t.control();
    await joinOk(watcher, { roomId: cal.roomId, name: 'Obi' });
    expect((await act(watcher, ClientEvent.SimulationStuck, {})).error?.code).toBe('FORBIDDEN');
  });

  it('P-SIM-4: nudges after a silent minute, not while the candidate is active', async () => {
    // A server of its own with slower minutes, so that a busy machine's delays between two
    // reports of speech stay well inside one simulated minute.
    const minuteMs = 1000;
    const server = await startTestServer({ questionsDir: CANARY_BANK_DIR, simMinuteMs: minuteMs });
    const socket = connectControl(server.url);
    try {
      const cal = await soloCandidate(server.url, socket);
      await eventually(() => expect(kinds(cal.latest())).toContain('phase'));
      // Speaking (reported from the mic's level) for three simulated minutes: no nudge.
      for (let i = 0; i < 12; i++) {
        expect((await act(socket, ClientEvent.SimulationActivity, { source: 'speech' })).ok).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, minuteMs / 4));
      }
      expect(cal.latest().lines.map((l) => l.kind)).not.toContain('nudge');
      // Then silence: a nudge.
      await eventually(() => expect(cal.latest().lines.map((l) => l.kind)).toContain('nudge'));
      expect((await act(socket, ClientEvent.SimulationActivity, { source: 'shout' })).error?.code).toBe(
        'BAD_REQUEST',
      );
    } finally {
      socket.disconnect();
      await server.close();
    }
  });

  it('P-SIM-5: the brief reaches the candidate only after the self-assessment; no canary before', async () => {
    const socket = t.control();
    const cal = await soloCandidate(t.server.url, socket);
    await eventually(() => expect(kinds(cal.latest())).toContain('phase'));
    await act(socket, ClientEvent.SimulationStuck, {});
    const brief = (secret: string) =>
      fetch(`${t.server.url}/api/rooms/${cal.roomId}/simulation/brief`, {
        headers: { authorization: `Bearer ${secret}` },
      });
    const early = await brief(cal.secret);
    expect(early.status).toBe(403);
    cal.seen.push(await early.text());
    await eventually(() => expect(cal.latest().status).toBe('ended'), 15_000);
    const ended = await brief(cal.secret);
    expect(ended.status).toBe(403);
    cal.seen.push(await ended.text());
    // Everything received before the self-assessment: the asked follow-up is the only private
    // text, said aloud by the interviewer as it would be by a person.
    expect(canariesIn(cal.seen.join('\n'))).toEqual(['CANARY_FOLLOWUP_3a6b']);

    expect((await act(socket, ClientEvent.SubmitSelfAssessment, selfAssessment)).ok).toBe(true);
    await eventually(() => expect(cal.latest().briefOpen).toBe(true));
    const open = await brief(cal.secret);
    expect(open.status).toBe(200);
    const body = (await open.json()) as SimulationBrief;
    expect(body.question.redFlags.join(' ')).toContain('CANARY_REDFLAG_2d4f');
    expect(body.question.hiddenTests.length).toBe(5);
    expect(canariesIn(JSON.stringify(body))).toContain('CANARY_RUBRIC_SCORE_1b2c');
    // Not for a stranger or an observer.
    expect((await brief('x'.repeat(43))).status).toBe(401);
  });
});

describe('a simulated interviewer across a restart (P-SIM-2)', () => {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  it('P-SIM-2: resumes at the same phase and says nothing twice', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-sim-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const store = storeOptions();
    if (store.databaseSchema) {
      const schema = store.databaseSchema;
      cleanup.push(() => dropSchema(schema));
    }
    // Slower minutes here: the restart must land inside the first phase (25 minutes = 10 s).
    const options = { dataDir, questionsDir: CANARY_BANK_DIR, simMinuteMs: 400, ...store };
    let app: App = await createApp(options);
    const port = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    const first = connectControl(url);
    const cal = await soloCandidate(url, first);
    await eventually(() => expect(kinds(cal.latest())).toEqual(['intro', 'question', 'phases', 'phase']));
    first.disconnect();
    await app.close();

    app = await createApp(options);
    cleanup.push(() => app.close());
    await app.listen(port, '127.0.0.1');
    const again = connectControl(url);
    cleanup.push(() => again.disconnect());
    const views: SimulationView[] = [];
    again.on(ServerEvent.SimulationState, (v) => views.push(v));
    await joinOk(again, { roomId: cal.roomId, secret: cal.secret });
    await eventually(() => {
      const view = views.at(-1);
      expect(view?.phaseIndex).toBe(0);
      expect(view && kinds(view)).toEqual(['intro', 'question', 'phases', 'phase']);
    });
    await eventually(() => expect(views.at(-1)?.status).toBe('ended'), 30_000);
    expect(kinds(views.at(-1) as SimulationView)).toEqual([
      'intro',
      'question',
      'phases',
      'phase',
      'phase',
      'follow-up',
      'time-up',
    ]);
  });
});
