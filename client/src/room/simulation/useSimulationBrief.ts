import {
  type InterviewerBrief,
  isServerLanguage,
  type Language,
  type SimulationBrief,
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
