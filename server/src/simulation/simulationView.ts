import type { Question, SimLine, SimLineKind, SimulationView } from '@mockloop/shared';
import type { RoundRecord, SimulationRecord } from '../store/Store.js';
import { phaseAt, phaseSpans } from './simulationScript.js';

/**
 * What the solo candidate sees of the simulation: the lines already said and the phase the clock
 * is in. Built from the record and the round only, so nothing of the schedule ahead leaks.
 */
export function simulationView(
  sim: SimulationRecord,
  question: Question,
  round: RoundRecord | null,
  interviewer: { name: string; title: string },
  briefOpen: boolean,
  nextStage: SimulationView['nextStage'],
  now: number,
): SimulationView {
  const spans = phaseSpans(question, sim.minuteMs);
  const elapsed = sim.startedAt === null ? -1 : now - sim.startedAt;
  const phaseIndex = sim.endedAt !== null ? spans.length - 1 : phaseAt(spans, elapsed);
  const span = phaseIndex >= 0 ? spans[phaseIndex] : undefined;
  return {
    round: sim.round,
    status: sim.endedAt !== null ? 'ended' : sim.startedAt === null ? 'waiting' : 'running',
    interviewer,
    phases: spans.map((s) => ({ name: s.name, minutes: s.minutes })),
    phaseIndex,
    phaseEndsAt: span && sim.startedAt !== null && sim.endedAt === null ? sim.startedAt + span.endMs : null,
    minuteMs: sim.minuteMs,
    lines: sim.lines.map((l) => ({ at: l.at, kind: l.kind as SimLineKind, text: l.text }) satisfies SimLine),
    hintsLeft: Math.max(0, question.interviewer.hints.length - (round?.hintTimes.length ?? 0)),
    briefOpen,
    nextStage,
    serverNow: now,
  };
}
