import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  ClientEvent,
  type RoomReport,
  type RoomState,
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
import { withTestServer } from './support/withTestServer.js';

// The canary track's plan: a recruiter screen (which asks the behavioural canary-story: one
// 20-minute phase) then a coding round (canary-echo-length: Code 25, Wrap-up 5).
const MINUTE_MS = 200;
const t = withTestServer({ questionsDir: CANARY_BANK_DIR, simMinuteMs: MINUTE_MS });

type Ack = { ok: boolean; error?: { code: string } };
const act = (socket: ControlSocket, event: string, payload: unknown = {}) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack>)(event, payload);

async function createSimulation(url: string, body: Record<string, unknown>) {
  const res = await fetch(`${url}/api/simulations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { roomId: string; secret: string } };
}

/** Cal alone in a simulated loop of the canary track, recording everything they receive. */
async function soloLoop(url: string, socket: ControlSocket) {
  const created = await createSimulation(url, { trackId: 'canary', loop: true, name: 'Cal' });
  expect(created.status).toBe(201);
  const seen: string[] = [];
  socket.onAny((event, ...args) => seen.push(`${event} ${JSON.stringify(args)}`));
  const views: SimulationView[] = [];
  socket.on(ServerEvent.SimulationState, (v) => views.push(v));
  const states: RoomState[] = [];
  socket.on(ServerEvent.RoomState, (s) => states.push(s));
  const joined = await joinOk(socket, { roomId: created.body.roomId, secret: created.body.secret });
  seen.push(JSON.stringify(joined));
  const latest = () => {
    const view = views.at(-1);
    if (!view) throw new Error('no simulation view yet');
    return view;
  };
  const room = () => states.at(-1) ?? joined.room;
  const brief = (secret = created.body.secret) =>
    fetch(`${url}/api/rooms/${created.body.roomId}/simulation/brief`, {
      headers: { authorization: `Bearer ${secret}` },
    });
  return { ...created.body, joined, seen, latest, room, brief };
}

const kinds = (view: SimulationView) => view.lines.map((l) => l.kind).filter((k) => k !== 'nudge');
const assess = (round: number, criteria: string[]) => ({
  round,
  ratings: criteria.map((criterionId) => ({ criterionId, score: 3 })),
  interviewerClarity: 4,
  interviewerHelpfulness: 4,
  comment: '',
});
const STORY_CRITERIA = ['star', 'impact', 'reflection'];
const CODING_CRITERIA = ['correctness', 'clarity', 'testing'];

describe('a simulated loop (P-SIM-6)', () => {
  it('P-SIM-6 P-SIM-5: the plan round by round: the next stage only after the self-assessment, each round with its own question and its own brief', async () => {
    const socket = t.control();
    const cal = await soloLoop(t.server.url, socket);
    // Round 1 is the plan's first stage, run by the simulated interviewer.
    expect(cal.joined.room.roundType).toBe('recruiter-screen');
    expect(cal.joined.room.loop).toMatchObject({ trackId: 'canary', current: 0, next: 1 });
    await eventually(() => {
      expect(kinds(cal.latest())).toEqual(['intro', 'question', 'phases', 'phase']);
      expect(cal.room().round.question?.id).toBe('canary-story');
    });
    expect(cal.latest().lines[0]?.text).toContain('starting with the Recruiter screen');
    expect(cal.latest().nextStage).toBeNull();
    expect((await act(socket, ClientEvent.SimulationNext)).error?.code).toBe('BAD_REQUEST');

    await eventually(() => expect(cal.latest().status).toBe('ended'), 15_000);
    expect(kinds(cal.latest())).toEqual(['intro', 'question', 'phases', 'phase', 'follow-up', 'time-up']);
    // Ended, but no self-assessment yet: neither the brief nor the next round.
    expect((await cal.brief()).status).toBe(403);
    expect((await act(socket, ClientEvent.SimulationNext)).error?.code).toBe('BAD_REQUEST');
    expect(cal.room().round.number).toBe(1);
    // Nothing private reached Cal: round 1's asked follow-up only, nothing of round 2's question.
    expect(canariesIn(cal.seen.join('\n'))).toEqual(['CANARY_STORY_FOLLOWUP_8d2a']);

    expect((await act(socket, ClientEvent.SubmitSelfAssessment, assess(1, STORY_CRITERIA))).ok).toBe(true);
    await eventually(() => {
      expect(cal.latest().briefOpen).toBe(true);
      expect(cal.latest().nextStage).toEqual({ label: 'Coding', roundType: 'coding' });
    });
    const first = (await (await cal.brief()).json()) as SimulationBrief;
    expect(first.question.question.id).toBe('canary-story');
    // Only the candidate opens the next stage.
    const watcher = t.control();
    await joinOk(watcher, { roomId: cal.roomId, name: 'Obi' });
    expect((await act(watcher, ClientEvent.SimulationNext)).error?.code).toBe('FORBIDDEN');

    const beforeRound2 = cal.seen.length;
    expect((await act(socket, ClientEvent.SimulationNext)).ok).toBe(true);
    // Round 2 is the plan's next stage, its own question, and the simulation runs in it.
    await eventually(() => {
      expect(cal.room().round.number).toBe(2);
      expect(cal.room().roundType).toBe('coding');
      expect(cal.room().loop).toMatchObject({ current: 1, played: [0, 1], next: null });
      expect(cal.latest().round).toBe(2);
      expect(kinds(cal.latest())).toEqual(['intro', 'question', 'phases', 'phase']);
      expect(cal.room().round.question?.id).toBe('canary-echo-length');
    });
    expect(cal.latest().lines[0]?.text).toBe(
      "Next round: Coding (2 of 2). It's The Test Interviewer again, Senior Tester.",
    );
    expect(cal.room().round.timer.durationMs).toBe(30 * MINUTE_MS);
    // A second click lands on a running round: nothing opens.
    expect((await act(socket, ClientEvent.SimulationNext)).error?.code).toBe('BAD_REQUEST');
    // P-SIM-5 in round 2: the brief is closed again until round 2's self-assessment.
    expect((await cal.brief()).status).toBe(403);
    await eventually(() => expect(kinds(cal.latest())).toContain('follow-up'), 15_000);
    await eventually(() => expect(cal.latest().status).toBe('ended'), 15_000);
    expect((await cal.brief()).status).toBe(403);
    const round2 = cal.seen.slice(beforeRound2).join('\n');
    expect(canariesIn(round2).filter((c) => !c.startsWith('CANARY_STORY'))).toEqual(['CANARY_FOLLOWUP_3a6b']);

    expect((await act(socket, ClientEvent.SubmitSelfAssessment, assess(2, CODING_CRITERIA))).ok).toBe(true);
    await eventually(() => expect(cal.latest().briefOpen).toBe(true));
    expect(cal.latest().nextStage).toBeNull();
    const second = (await (await cal.brief()).json()) as SimulationBrief;
    expect(second.round).toBe(2);
    expect(second.question.redFlags.join(' ')).toContain('CANARY_REDFLAG_2d4f');
    // The plan is played out.
    expect((await act(socket, ClientEvent.SimulationNext)).error?.code).toBe('BAD_REQUEST');

    // The report shows the loop as for a live one: each round's type and stage.
    const report = (await (
      await fetch(`${t.server.url}/api/rooms/${cal.roomId}/report`, {
        headers: { authorization: `Bearer ${cal.secret}` },
      })
    ).json()) as RoomReport;
    expect(report.rounds.map((r) => [r.roundType, r.stageLabel, r.question?.id])).toEqual([
      ['recruiter-screen', 'Recruiter screen', 'canary-story'],
      ['coding', 'Coding', 'canary-echo-length'],
    ]);
    expect(report.loop).toMatchObject({ trackId: 'canary', played: [0, 1], next: null });
  });

  it('P-SIM-6: a loop draws its own questions: questionId with it is refused and creates nothing', async () => {
    const refused = await createSimulation(t.server.url, {
      trackId: 'canary',
      loop: true,
      questionId: 'canary-echo-length',
      name: 'Cal',
    });
    expect(refused.status).toBe(400);
    expect(await t.server.app.store.listActiveSimulations()).toEqual([]);
  });
});

describe('a simulated loop across a restart (P-SIM-6)', () => {
  const cleanup: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanup.splice(0).reverse()) await fn();
  });

  it('P-SIM-6: a restart in round 2 resumes round 2 at the same phase and says nothing twice', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mockloop-simloop-'));
    cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const store = storeOptions();
    if (store.databaseSchema) {
      const schema = store.databaseSchema;
      cleanup.push(() => dropSchema(schema));
    }
    // Slower minutes: the restart must land inside round 2's first phase (25 minutes = 10 s).
    const options = { dataDir, questionsDir: CANARY_BANK_DIR, simMinuteMs: 400, ...store };
    let app: App = await createApp(options);
    const port = await app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${port}`;
    const first = connectControl(url);
    const cal = await soloLoop(url, first);
    await eventually(() => expect(kinds(cal.latest())).toContain('phase'));
    // Cal ends round 1 early, assesses it and opens round 2.
    expect((await act(first, ClientEvent.EndRound)).ok).toBe(true);
    await eventually(() => expect(cal.latest().status).toBe('ended'));
    expect((await act(first, ClientEvent.SubmitSelfAssessment, assess(1, STORY_CRITERIA))).ok).toBe(true);
    await eventually(() => expect(cal.latest().nextStage).not.toBeNull());
    expect((await act(first, ClientEvent.SimulationNext)).ok).toBe(true);
    await eventually(() => {
      expect(cal.latest().round).toBe(2);
      expect(kinds(cal.latest())).toEqual(['intro', 'question', 'phases', 'phase']);
    });
    first.disconnect();
    await app.close();

    app = await createApp(options);
    cleanup.push(() => app.close());
    await app.listen(port, '127.0.0.1');
    const again = connectControl(url);
    cleanup.push(() => again.disconnect());
    const views: SimulationView[] = [];
    again.on(ServerEvent.SimulationState, (v) => views.push(v));
    const rejoined = await joinOk(again, { roomId: cal.roomId, secret: cal.secret });
    expect(rejoined.room.round.number).toBe(2);
    await eventually(() => {
      const view = views.at(-1);
      expect(view?.round).toBe(2);
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
    expect((await app.store.listRounds(cal.roomId)).map((r) => r.planStage)).toEqual([0, 1]);
  });
});
