import {
  ClientEvent,
  EmptyRequest,
  FocusViewRequest,
  NextRoundRequest,
  PresenceUpdate,
  RefreshDocumentsRequest,
  RevealQuestionRequest,
  ScorecardInput,
  SelectQuestionRequest,
  SelfAssessmentInput,
  ServerEvent,
  SetLanguageRequest,
  SimulationActivity,
  SwapResponse,
  TimerCommand,
} from '@mockloop/shared';
import type { z } from 'zod';
import { AppError } from '../common/AppError.js';
import type { SimulationService } from '../simulation/SimulationService.js';
import type { ParticipantRecord } from '../store/Store.js';
import { roomChannel } from './controlTypes.js';
import { onEvent } from './onEvent.js';
import { grantsKey } from './pushGrants.js';
import type { SocketContext } from './SocketContext.js';

/** The events of a joined participant: settings, the interviewer's console, the clock, seats, feedback. */
export function attachRoomEvents(ctx: SocketContext): void {
  const { rooms, interview, rounds, presence } = ctx.deps;
  /** A room event: validated, run as the participant, then the room (and brief) re-broadcast. */
  const roomEvent = <S extends z.ZodType>(
    event: string,
    schema: S,
    run: (participant: ParticipantRecord, payload: z.infer<S>) => Promise<unknown>,
    after: { brief?: boolean } = {},
  ) =>
    onEvent(
      ctx.socket,
      event,
      schema,
      async (payload) => {
        const participant = await ctx.participantNow();
        ctx.deps.onActivity?.(participant.roomId);
        await run(participant, payload);
        await ctx.broadcast(participant.roomId, { brief: after.brief });
        return null;
      },
      ctx.log,
    );
  const brief = { brief: true };

  roomEvent(ClientEvent.SetLanguage, SetLanguageRequest, (p, { language }) => rooms.setLanguage(p, language));
  roomEvent(ClientEvent.Presence, PresenceUpdate, async (p, { away }) =>
    presence.setAway(p.roomId, p.id, away),
  );
  roomEvent(
    ClientEvent.SelectQuestion,
    SelectQuestionRequest,
    (p, { questionId, author }) => interview.selectQuestion(p, questionId, author),
    brief,
  );
  roomEvent(
    ClientEvent.RevealQuestion,
    RevealQuestionRequest,
    (p, req) => interview.revealQuestion(p, req.part),
    brief,
  );
  roomEvent(ClientEvent.RevealHint, EmptyRequest, (p) => interview.revealHint(p), brief);
  roomEvent(ClientEvent.Timer, TimerCommand, (p, command) => rounds.controlTimer(p, command));
  roomEvent(ClientEvent.ProposeSwap, EmptyRequest, (p) => rounds.proposeSwap(p), brief);
  roomEvent(ClientEvent.RespondSwap, SwapResponse, (p, { accept }) => rounds.respondSwap(p, accept), brief);
  roomEvent(ClientEvent.EndRound, EmptyRequest, (p) => rounds.endRound(p));
  roomEvent(ClientEvent.NextRound, NextRoundRequest, (p, req) => rounds.nextRound(p, req), brief);
  roomEvent(ClientEvent.SubmitScorecard, ScorecardInput, (p, input) => rounds.submitScorecard(p, input));
  roomEvent(ClientEvent.SubmitSelfAssessment, SelfAssessmentInput, async (p, input) => {
    await rounds.submitSelfAssessment(p, input);
    // A solo candidate's brief opens now (P-SIM-5): the simulation's view says so.
    await ctx.deps.simulation?.publish(p.roomId);
  });
  // The solo candidate and the simulated interviewer (P-SIM-3, P-SIM-4).
  roomEvent(ClientEvent.SimulationStuck, EmptyRequest, (p) => requireSimulation(ctx).stuck(p));
  // A simulated loop's next stage (P-SIM-6): the simulated interviewer opens it, as round:next.
  roomEvent(ClientEvent.SimulationNext, EmptyRequest, (p) => requireSimulation(ctx).next(p));
  onEvent(
    ctx.socket,
    ClientEvent.SimulationActivity,
    SimulationActivity,
    async (activity) => {
      await requireSimulation(ctx).noteActivity(await ctx.participantNow(), activity);
      return null;
    },
    ctx.log,
  );
  attachRefreshDocuments(ctx);
  attachFocusView(ctx);
}

/** Fresh tokens (same client ids) for the current round's documents, before the old expire. */
function attachRefreshDocuments(ctx: SocketContext): void {
  const { socket } = ctx;
  onEvent(
    socket,
    ClientEvent.RefreshDocuments,
    RefreshDocumentsRequest,
    async ({ tab }) => {
      const participant = await ctx.participantNow();
      const round = await ctx.deps.views.roundView(participant.roomId);
      const grants = ctx.deps.rooms.grants(participant, round, tab ?? socket.data.tab);
      if (!tab || tab === socket.data.tab) socket.data.grantsKey = grantsKey(grants);
      return grants;
    },
    ctx.log,
  );
}

/**
 * The interviewer brings the whole room to one view (P-VIEW-1). A command, not state: nothing
 * is stored and the room state is not re-sent; each person can switch away again.
 */
function attachFocusView(ctx: SocketContext): void {
  onEvent(
    ctx.socket,
    ClientEvent.FocusView,
    FocusViewRequest,
    async ({ view }) => {
      const participant = await ctx.participantNow();
      // The seat as it is now, not as it was when the participant was read (P-SEAT-1).
      if (!(await ctx.deps.rooms.isCurrentInterviewer(participant))) {
        throw new AppError('FORBIDDEN', 'Only the interviewer can bring everyone to a view.');
      }
      ctx.io.to(roomChannel(participant.roomId)).emit(ServerEvent.ViewFocused, {
        view,
        by: participant.id,
        byName: participant.name,
      });
      return null;
    },
    ctx.log,
  );
}

function requireSimulation(ctx: SocketContext): SimulationService {
  if (!ctx.deps.simulation) throw new AppError('BAD_REQUEST', 'This server runs no simulated interviewers.');
  return ctx.deps.simulation;
}
