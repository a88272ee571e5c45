import {
  type InterviewerBrief,
  isServerLanguage,
  type Language,
  type RoomState,
  type SimulationBrief,
  type SimulationView,
} from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { fetchSimulationBrief } from '../../lib/api';

/** The solo candidate's brief once it opens (P-SIM-5), or why it could not be fetched. */
export function useSimulationBrief(
  roomId: string,
  secret: string,
  open: boolean,
): { brief: SimulationBrief | null; problem: string | null } {
  const [brief, setBrief] = useState<SimulationBrief | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    // Closed again: a simulated loop's next round, whose brief is its own (P-SIM-6).
    if (!open) {
      setBrief(null);
      setProblem(null);
      return;
    }
    let cancelled = false;
    fetchSimulationBrief(roomId, secret).then(
      (b) => !cancelled && setBrief(b),
      (err: Error) => !cancelled && setProblem(err.message),
    );
    return () => {
      cancelled = true;
    };
  }, [open, roomId, secret]);
  return { brief, problem };
}

/**
 * The opened brief in the shape the code workspace reads hidden tests from, so the solo
 * candidate can run them in their browser once the brief is theirs. On a server language the
 * simulated interviewer ran them at time-up (the server runs hidden tests for the interviewer
 * seat only), so none are offered here.
 */
export function briefForRuns(brief: SimulationBrief | null, language: Language): InterviewerBrief | null {
  if (!brief || isServerLanguage(language)) return null;
  return {
    round: brief.round,
    selected: brief.question,
    revealed: true,
    detailsRevealed: true,
    hintsRevealed: 0,
    persona: brief.persona,
    screen: null,
    // Alone, nobody else has seen anything.
    candidateSeen: [],
  };
}

/**
 * A solo candidate's brief, once their self-assessment is in: what the round pane shows (null
 * for anyone else) and the brief the workspace runs hidden tests from (the interviewer's own, or
 * the opened one's).
 */
export function useSoloCandidateBrief(
  room: RoomState,
  selfId: string,
  secret: string,
  simulation: SimulationView | null,
  brief: InterviewerBrief | null,
) {
  const soloCandidate = simulation !== null && selfId === room.round.candidateId;
  const simBrief = useSimulationBrief(room.roomId, secret, soloCandidate && simulation.briefOpen);
  const runBrief = brief ?? briefForRuns(simBrief.brief, room.language);
  const paneBrief = soloCandidate ? { ...simBrief, runsHere: runBrief !== null && brief === null } : null;
  return { runBrief, paneBrief };
}
