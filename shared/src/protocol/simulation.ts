import { z } from 'zod';
import type { RoundType } from '../questions/roundTypes.js';
import { KebabId } from '../questions/text.js';
import { DisplayName, SeenQuestionIds } from './ids.js';
import type { InterviewerQuestion } from './interview.js';

/**
 * `POST /api/simulations`: a solo room where the one person is the candidate and the interviewer
 * is simulated by the server (P-SIM-1). `questionId` picks the question; without it the track's
 * first coding question is used. `personaId` picks who the interviewer plays (default: the first).
 * `loop: true` simulates the track's whole loop plan round by round instead (P-SIM-6): the room
 * draws a question for each stage, unseen ones (`seen`) first, and opens on the first stage.
 */
export const CreateSimulationRequest = z.object({
  trackId: KebabId,
  questionId: KebabId.optional(),
  personaId: KebabId.optional(),
  name: DisplayName,
  loop: z.boolean().optional(),
  seen: SeenQuestionIds.optional(),
});
export type CreateSimulationRequest = z.infer<typeof CreateSimulationRequest>;

export interface CreateSimulationResponse {
  roomId: string;
  /** The candidate's participant secret. */
  secret: string;
}

/** What kind of moment a transcript line marks (the client may style or speak them alike). */
export const SIM_LINE_KINDS = [
  'intro',
  'question',
  'phases',
  'phase',
  'follow-up',
  'hint',
  'no-hint',
  'nudge',
  'time-up',
  'tests',
  'wrap-up',
] as const;
export type SimLineKind = (typeof SIM_LINE_KINDS)[number];

/** One thing the simulated interviewer said, at server time `at`. */
export interface SimLine {
  at: number;
  kind: SimLineKind;
  text: string;
}

/**
 * The simulation as the candidate sees it (`simulation:state`): only what was already said,
 * never the schedule ahead (unasked follow-ups stay private until the brief opens).
 */
export interface SimulationView {
  round: number;
  status: 'waiting' | 'running' | 'ended';
  interviewer: { name: string; title: string };
  phases: Array<{ name: string; minutes: number }>;
  /** The phase now (-1 before the start), and when it ends, on the server's clock. */
  phaseIndex: number;
  phaseEndsAt: number | null;
  /** One simulated minute in milliseconds (60,000 unless the server runs faster for tests). */
  minuteMs: number;
  lines: SimLine[];
  hintsLeft: number;
  /** The candidate's self-assessment is in: `GET /api/rooms/:roomId/simulation/brief` answers. */
  briefOpen: boolean;
  /**
   * A simulated loop (P-SIM-6): the stage `simulation:next` opens, once the brief has opened and
   * while the plan has a stage left; null otherwise (and always in a one-question simulation).
   */
  nextStage: { label: string; roundType: RoundType } | null;
  serverNow: number;
}

/** What the candidate did, so the interviewer does not nudge them (speech from the mic's level). */
export const SimulationActivity = z.object({ source: z.enum(['speech', 'edit', 'board']) });
export type SimulationActivity = z.infer<typeof SimulationActivity>;

/** The brief, opened to the solo candidate after their self-assessment (P-SIM-5). */
export interface SimulationBrief {
  round: number;
  question: InterviewerQuestion;
  persona: { name: string; title: string; focus: string; guidance: string } | null;
}
