import {
  CODE_DOC,
  type CreateSimulationRequest,
  codeTextHash,
  docName,
  isServerLanguage,
  type Persona,
  type Question,
  type SimLineKind,
  type SimulationActivity,
  type SimulationBrief,
  type SimulationView,
  type Track,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import type { DocEditor } from '../documents/DocEditor.js';
import type { RunService } from '../execution/RunService.js';
import type { InterviewService } from '../interview/InterviewService.js';
import { interviewerQuestion } from '../interview/interviewerQuestion.js';
import type { Logger } from '../logging/createLogger.js';
import type { QuestionBank } from '../questions/loadQuestionBank.js';
import { firstRound } from '../rooms/firstRound.js';
import type { RoomService } from '../rooms/RoomService.js';
import { mutateCurrentRound } from '../rounds/mutateCurrentRound.js';
import type { RoundService } from '../rounds/RoundService.js';
import type { ParticipantRecord, SimulationRecord, Store } from '../store/Store.js';
import { recordForRound, scriptStage, stageToPlay } from './simulatedLoop.js';
import { type ScriptStep, simulationScript } from './simulationScript.js';
import { simulationView } from './simulationView.js';

/** A candidate may say they are stuck this many times a round; the hints run out long before. */
const MAX_STUCK = 10;

export interface SimulationDeps {
  store: Store;
  bank: QuestionBank;
  rooms: RoomService;
  interview: InterviewService;
  rounds: RoundService;
  docs: DocEditor;
  /** Server runs, for the hidden tests at time-up on a server language (made after this service). */
  runs?: () => RunService;
  /** Sends the view to the room's sockets (the control plane's room channel). */
  publish: (roomId: string, view: SimulationView) => void;
  /** The round changed outside a control event (reveal, clock, end): re-send `room:state`. */
  roomChanged: (roomId: string) => void;
  /** One simulated minute (SIM_MINUTE_MS). */
  minuteMs: number;
  log: Logger;
  now?: () => number;
}

/**
 * The simulated interviewer of solo rooms (P-SIM-1..5): a state machine per room, stored, whose
 * schedule (simulationScript) is advanced by a ticker on whichever node runs it. Every step is an
 * action that is harmless to repeat (reveal, start the clock, end the round) followed by a write
 * of the record guarded by its revision: a line is said once, whoever races.
 */
export class SimulationService {
  private readonly now: () => number;
  /** Rooms with a running simulation, ticked by this node. */
  private readonly active = new Set<string>();
  /** The last activity reported per room since the record was written (written with the next step). */
  private readonly activity = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private ticking = false;

  constructor(private readonly deps: SimulationDeps) {
    this.now = deps.now ?? Date.now;
  }

  /** Resumes every simulation the store holds as running, and ticks them from now on. */
  async start(): Promise<void> {
    for (const roomId of await this.deps.store.listActiveSimulations()) {
      this.active.add(roomId);
      // A restart is not the candidate's silence: their page reconnects now.
      this.activity.set(roomId, this.now());
    }
    const every = Math.min(1000, Math.max(25, Math.floor(this.deps.minuteMs / 20)));
    this.timer = setInterval(() => void this.tickAll(), every);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  /** Creates the solo room: the interviewer seat is the persona, the caller the candidate (P-SIM-1). */
  async create(req: CreateSimulationRequest): Promise<{ roomId: string; secret: string }> {
    const track = this.deps.bank.tracks.find((t) => t.id === req.trackId);
    if (!track) throw new AppError('NOT_FOUND', 'There is no such track.');
    const persona = req.personaId ? track.personas.find((p) => p.id === req.personaId) : track.personas[0];
    if (!persona) throw new AppError('NOT_FOUND', 'This track has no such interviewer.');
    if (req.loop && req.questionId !== undefined) {
      throw new AppError('BAD_REQUEST', 'A simulated loop draws its own questions: leave questionId out.');
    }
    // A loop (P-SIM-6) opens on the plan's first stage with the question the room drew for it.
    const start = req.loop
      ? firstRound({ roundType: 'coding', loopTrackId: track.id, seen: req.seen }, this.deps.bank)
      : this.oneQuestion(track, req.questionId);
    const questionId = start.opening.questionId;
    if (!questionId) throw new AppError('BAD_REQUEST', 'This track has no question for that round.');
    const { roomId, participants } = await this.deps.rooms.createRoomWithSeats(start, [
      { name: persona.name, role: 'interviewer' },
      { name: req.name, role: 'candidate' },
    ]);
    const [bot, candidate] = participants;
    if (!bot || !candidate) throw new AppError('INTERNAL', 'The room could not be seated.');
    await this.deps.store.createSimulation({
      roomId,
      interviewerId: bot.id,
      trackId: track.id,
      personaId: persona.id,
      questionId,
      round: 1,
      minuteMs: this.deps.minuteMs,
      startedAt: null,
      steps: 0,
      lines: [],
      lastActivityAt: this.now(),
      nudgedAt: null,
      stuckCount: 0,
      endedAt: null,
      revision: 0,
    });
    this.active.add(roomId);
    return { roomId, secret: candidate.secret };
  }

  private oneQuestion(track: Track, questionId: string | undefined) {
    const questions = this.deps.bank.questions.filter((q) => q.trackId === track.id);
    const question: Question | undefined = questionId
      ? this.deps.bank.questions.find((q) => q.id === questionId)
      : (questions.find((q) => q.roundType === 'coding') ?? questions[0]);
    if (!question) throw new AppError('NOT_FOUND', 'There is no such question in the bank.');
    return firstRound({ roundType: question.roundType, questionId: question.id }, this.deps.bank);
  }

  /**
   * "Next round" in a simulated loop (P-SIM-6): the round's candidate, once the round has ended
   * and the brief has opened, has the interviewer open the plan's next stage, which it then runs.
   */
  async next(participant: ParticipantRecord): Promise<void> {
    const { sim, bot } = await this.context(participant.roomId);
    const rounds = await this.deps.store.listRounds(sim.roomId);
    const round = rounds.at(-1);
    if (participant.id !== round?.candidateId) {
      throw new AppError('FORBIDDEN', "Only this round's candidate starts the next simulated round.");
    }
    const stage = stageToPlay(await this.deps.store.getRoom(sim.roomId), rounds);
    if (!stage) throw new AppError('BAD_REQUEST', 'This simulation has no next round.');
    if (round.number !== sim.round || !(await this.briefOpen(sim))) {
      throw new AppError(
        'BAD_REQUEST',
        'The next round opens once this one has ended and your self-assessment is in.',
      );
    }
    // The interviewer's seat opens it, as a human interviewer's round:next would (P-LOOP-2).
    await this.deps.rounds.nextRound(bot, { roundType: stage.roundType, seats: 'same' });
    await this.followRound(sim.roomId);
  }

  /**
   * Moves the record to the room's newest round if the interviewer opened one it does not play
   * yet; harmless to repeat, so a restart between the two writes heals on the next join.
   */
  private async followRound(roomId: string): Promise<void> {
    // Every join of every room comes here: rooms without a simulation stop at the first read.
    const sim = await this.deps.store.getSimulation(roomId);
    if (!sim) return;
    const latest = (await this.deps.store.listRounds(roomId)).at(-1);
    if (!latest || latest.number <= sim.round || latest.interviewerId !== sim.interviewerId) return;
    await this.say(roomId, (fresh) =>
      latest.number > fresh.round && latest.interviewerId === fresh.interviewerId
        ? recordForRound(fresh, latest, this.now())
        : null,
    );
    this.active.add(roomId);
    this.activity.set(roomId, this.now());
    await this.tick(roomId);
  }

  /** Someone joined: the candidate's first join starts the round; everyone gets the view. */
  async arrived(participant: ParticipantRecord): Promise<void> {
    await this.followRound(participant.roomId);
    const sim = await this.deps.store.getSimulation(participant.roomId);
    if (!sim) return;
    const round = await this.deps.store.getRound(sim.roomId, sim.round);
    if (sim.startedAt === null && participant.id === round?.candidateId) {
      const now = this.now();
      await this.deps.store.updateSimulation({ ...sim, startedAt: now, lastActivityAt: now }, sim.revision);
      this.active.add(sim.roomId);
      await this.tick(sim.roomId);
    }
    await this.publish(sim.roomId);
  }

  /** The candidate reported activity: no nudge until another silent minute (P-SIM-4). */
  async noteActivity(participant: ParticipantRecord, _activity: SimulationActivity): Promise<void> {
    const sim = await this.deps.store.getSimulation(participant.roomId);
    if (!sim) throw new AppError('BAD_REQUEST', 'This room has no simulated interviewer.');
    this.activity.set(sim.roomId, this.now());
  }

  /** "I'm stuck": the next hint, gentlest first, revealed as a human interviewer would (P-SIM-3). */
  async stuck(participant: ParticipantRecord): Promise<void> {
    const { sim, question, bot } = await this.context(participant.roomId);
    const round = await this.deps.store.getRound(sim.roomId, sim.round);
    if (participant.id !== round?.candidateId) {
      throw new AppError('FORBIDDEN', "Only this round's candidate asks the interviewer for a hint.");
    }
    if (sim.startedAt === null || sim.endedAt !== null || round.endedAt !== null) {
      throw new AppError('BAD_REQUEST', 'The round is not running.');
    }
    if (sim.stuckCount >= MAX_STUCK) throw new AppError('RATE_LIMITED', 'No more hints this round.');
    this.activity.set(sim.roomId, this.now());
    const index = round.hintTimes.length;
    const hint = question.interviewer.hints[index];
    if (hint !== undefined) await this.deps.interview.revealHint(bot);
    await this.say(sim.roomId, (fresh) => ({
      ...fresh,
      stuckCount: fresh.stuckCount + 1,
      lines: [
        ...fresh.lines,
        hint !== undefined
          ? line(this.now(), 'hint', `A hint: ${hint}`)
          : line(
              this.now(),
              'no-hint',
              "I have no more hints; tell me where you are and what you'd try next.",
            ),
      ],
    }));
  }

  /** The brief, to this room's candidate, once the round ended and their self-assessment is in (P-SIM-5). */
  async brief(participant: ParticipantRecord): Promise<SimulationBrief> {
    const { sim, question, persona } = await this.context(participant.roomId);
    const round = await this.deps.store.getRound(sim.roomId, sim.round);
    if (participant.id !== round?.candidateId) {
      throw new AppError('FORBIDDEN', "Only this round's candidate reads the brief of a simulation.");
    }
    if (!(await this.briefOpen(sim))) {
      throw new AppError(
        'FORBIDDEN',
        'The brief opens once the round has ended and your self-assessment is in.',
      );
    }
    return {
      round: sim.round,
      question: interviewerQuestion(question),
      persona: {
        name: persona.name,
        title: persona.title,
        focus: persona.focus,
        guidance: persona.interviewerGuidance,
      },
    };
  }

  /** Sends the room its view now (after a join or a self-assessment). */
  async publish(roomId: string): Promise<void> {
    const view = await this.view(roomId);
    if (view) this.deps.publish(roomId, view);
  }

  async view(roomId: string): Promise<SimulationView | null> {
    const sim = await this.deps.store.getSimulation(roomId);
    if (!sim) return null;
    const { question, persona } = await this.context(roomId, sim);
    const rounds = await this.deps.store.listRounds(roomId);
    const round = rounds.find((r) => r.number === sim.round) ?? null;
    const briefOpen = await this.briefOpen(sim);
    const stage = briefOpen ? stageToPlay(await this.deps.store.getRoom(roomId), rounds) : null;
    return simulationView(
      sim,
      question,
      round,
      { name: persona.name, title: persona.title },
      briefOpen,
      stage && { label: stage.label, roundType: stage.roundType },
      this.now(),
    );
  }

  private async briefOpen(sim: SimulationRecord): Promise<boolean> {
    const round = await this.deps.store.getRound(sim.roomId, sim.round);
    if (!round || round.endedAt === null) return false;
    const feedback = await this.deps.store.listFeedback(sim.roomId);
    return feedback.some((f) => f.round === sim.round && f.kind === 'self-assessment');
  }

  private async tickAll(): Promise<void> {
    if (this.ticking) return;
    this.ticking = true;
    try {
      for (const roomId of [...this.active]) {
        try {
          await this.tick(roomId);
        } catch (err) {
          this.deps.log.error({ err }, 'simulation step failed');
        }
      }
    } finally {
      this.ticking = false;
    }
  }

  /** Does every step that is due, then a nudge if the candidate has been silent a minute. */
  async tick(roomId: string): Promise<void> {
    for (;;) {
      const sim = await this.deps.store.getSimulation(roomId);
      if (!sim || sim.endedAt !== null) {
        this.active.delete(roomId);
        this.activity.delete(roomId);
        return;
      }
      if (sim.startedAt === null) return;
      const { question, persona, bot } = await this.context(roomId, sim);
      const round = await this.deps.store.getRound(roomId, sim.round);
      if (round?.endedAt != null && sim.steps > 0) {
        // The candidate ended the round early: the interviewer stops there and says so.
        await this.finishEarly(sim, round.endedAt);
        continue;
      }
      const stage = scriptStage(await this.deps.store.getRoom(roomId), round);
      const script = simulationScript(question, persona, sim.minuteMs, stage);
      const step = script[sim.steps];
      const now = this.now();
      if (step && sim.startedAt + step.offsetMs <= now) {
        await this.perform(step, sim, bot);
        const last = sim.steps + 1 >= script.length;
        await this.say(roomId, (fresh) =>
          fresh.steps !== sim.steps
            ? null
            : {
                ...fresh,
                steps: fresh.steps + 1,
                lines: [...fresh.lines, line(now, step.kind, step.text)],
                ...(last ? { endedAt: now } : {}),
              },
        );
        continue;
      }
      await this.nudgeIfSilent(sim, now);
      return;
    }
  }

  private async finishEarly(sim: SimulationRecord, endedAt: number): Promise<void> {
    await this.say(sim.roomId, (fresh) =>
      fresh.endedAt !== null || fresh.revision !== sim.revision
        ? null
        : {
            ...fresh,
            endedAt,
            lines: [
              ...fresh.lines,
              line(
                this.now(),
                'wrap-up',
                'You ended the round. Thank you: fill in your self-assessment, then the brief opens.',
              ),
            ],
          },
    );
  }

  private async nudgeIfSilent(sim: SimulationRecord, now: number): Promise<void> {
    // Silence counts from the candidate's last activity or the interviewer's last line, whichever
    // is later: while the interviewer talks, the candidate listens.
    const lastActive = Math.max(
      sim.lastActivityAt,
      this.activity.get(sim.roomId) ?? 0,
      sim.startedAt ?? 0,
      sim.lines.filter((l) => l.kind !== 'nudge').at(-1)?.at ?? 0,
    );
    if (now - lastActive < sim.minuteMs) return;
    if (sim.nudgedAt !== null && sim.nudgedAt >= lastActive) return;
    await this.say(sim.roomId, (fresh) =>
      fresh.nudgedAt !== sim.nudgedAt
        ? null
        : {
            ...fresh,
            lastActivityAt: lastActive,
            nudgedAt: now,
            lines: [...fresh.lines, line(now, 'nudge', "Talk me through what you're weighing right now.")],
          },
    );
  }

  /** The server's side of a step: harmless to repeat, so it comes before the guarded write. */
  private async perform(step: ScriptStep, sim: SimulationRecord, bot: ParticipantRecord): Promise<void> {
    if (step.action === 'reveal') {
      await this.deps.interview.revealQuestion(bot);
      await this.startClock(sim);
    } else if (step.action === 'end') {
      await this.runHiddenTests(sim, bot);
      await this.deps.rounds.endRound(bot);
    }
  }

  /** The round's clock runs for the phases' total on the simulation's minute, from its start. */
  private async startClock(sim: SimulationRecord): Promise<void> {
    const { question } = await this.context(sim.roomId, sim);
    const durationMs = question.timeLimitMinutes * sim.minuteMs;
    const startedAt = sim.startedAt ?? this.now();
    await mutateCurrentRound(this.deps.store, sim.roomId, (round) =>
      round.number !== sim.round || round.timer.endsAt !== null || round.endedAt !== null
        ? { patch: null, result: null }
        : {
            patch: {
              timer: {
                durationMs,
                endsAt: startedAt + durationMs,
                remainingMs: Math.max(0, startedAt + durationMs - this.now()),
              },
            },
            result: null,
          },
    );
  }

  /**
   * At time-up on a server language, the interviewer runs the hidden tests (P-SRUN-2) and says
   * the count alone; elsewhere they run in the browser once the brief is open.
   */
  private async runHiddenTests(sim: SimulationRecord, bot: ParticipantRecord): Promise<void> {
    const { question } = await this.context(sim.roomId, sim);
    const room = await this.deps.store.getRoom(sim.roomId);
    const runs = this.deps.runs?.();
    if (!question.coding || !room || !runs || !isServerLanguage(room.language)) return;
    if (!runs.languages()[room.language]?.available) return;
    try {
      const code = await this.deps.docs.read(docName(sim.roomId, 'code', sim.round), (doc) =>
        doc.getText(CODE_DOC.text).toString(),
      );
      const result = await runs.request(
        bot,
        { kind: 'hidden-tests', language: room.language, textHash: codeTextHash(code) },
        'simulated-interviewer',
        () => {},
      );
      const passed = result.tests?.filter((t) => t.pass).length ?? 0;
      const total = result.tests?.length ?? 0;
      await this.say(sim.roomId, (fresh) => ({
        ...fresh,
        lines: [...fresh.lines, line(this.now(), 'tests', `The hidden tests: ${passed} of ${total} passed.`)],
      }));
    } catch (err) {
      this.deps.log.warn({ err }, 'the simulated hidden-test run failed');
    }
  }

  /** Writes a change to the record, guarded by its revision, then sends the room its view. */
  private async say(
    roomId: string,
    change: (fresh: SimulationRecord) => SimulationRecord | null,
  ): Promise<void> {
    for (let i = 0; i < 25; i++) {
      const fresh = await this.deps.store.getSimulation(roomId);
      if (!fresh) return;
      const next = change(fresh);
      if (!next) return;
      if ((await this.deps.store.updateSimulation(next, fresh.revision)) === 'written') {
        this.deps.roomChanged(roomId);
        await this.publish(roomId);
        return;
      }
    }
    throw new AppError('INTERNAL', 'The simulation is busy; try again.');
  }

  private async context(roomId: string, known?: SimulationRecord) {
    const sim = known ?? (await this.deps.store.getSimulation(roomId));
    if (!sim) throw new AppError('BAD_REQUEST', 'This room has no simulated interviewer.');
    const question = this.deps.bank.questions.find((q) => q.id === sim.questionId);
    const track = this.deps.bank.tracks.find((t) => t.id === sim.trackId);
    const persona: Persona | undefined = track?.personas.find((p) => p.id === sim.personaId);
    const bot = await this.deps.store.getParticipant(sim.interviewerId);
    if (!question || !persona || !bot) throw new AppError('NOT_FOUND', 'This simulation cannot go on.');
    return { sim, question, persona, bot };
  }
}

function line(at: number, kind: SimLineKind, text: string) {
  return { at, kind, text };
}
