import type { InterviewerBrief, ParticipantView, RoomState, SimulationView } from '@mockloop/shared';
import { lazy, Suspense, useEffect, useState } from 'react';
import { EarlierRoundFeedback, FeedbackPanel, NextRoundForm, preloadBetweenRounds } from './betweenRounds';
import { owesEarlierFeedback } from './feedback/owedFeedback';
import { QuestionPanel } from './QuestionPanel';
import type { RoomActions } from './session/RoomActions';
import type { useSimulationBrief } from './simulation/useSimulationBrief';

interface Props {
  room: RoomState;
  self: ParticipantView;
  brief: InterviewerBrief | null;
  actions: RoomActions;
  /** Folded (the person's choice, or the board is shown). */
  hidden: boolean;
  /** The hint that just arrived, to mark as new. */
  newHint: number | null;
  isPlayer: boolean;
  /** A solo room's simulated interviewer (P-SIM-2), else null. */
  simulation: SimulationView | null;
  /** The solo candidate's brief after the self-assessment, else null. */
  simBrief: (ReturnType<typeof useSimulationBrief> & { runsHere: boolean }) | null;
}

// From the second round on: loaded when it shows.
const RoundsList = lazy(() => import('./RoundsList').then((m) => ({ default: m.RoundsList })));

// Only a solo candidate's pane shows the simulated interviewer's brief: loaded apart.
const SimulationBriefPanel = lazy(() =>
  import('./simulation/SimulationBriefPanel').then((m) => ({ default: m.SimulationBriefPanel })),
);
const SimulationNextRound = lazy(() =>
  import('./simulation/SimulationNextRound').then((m) => ({ default: m.SimulationNextRound })),
);

/**
 * The round's pane beside the work: the question, and once the round ended its feedback and the
 * next round's form; feedback still owed for an earlier round; the room's earlier rounds.
 */
export function RoundPane({
  room,
  self,
  brief,
  actions,
  hidden,
  newHint,
  isPlayer,
  simulation,
  simBrief,
}: Props) {
  const ended = room.round.endedAt !== null;
  // Feedback owed for an earlier round: its card stays once shown (it thanks after a submission).
  const owesEarlier = owesEarlierFeedback(room, self.id);
  const [earlierSeen, setEarlierSeen] = useState(false);
  if (owesEarlier && !earlierSeen) setEarlierSeen(true);
  const earlierShown = owesEarlier || earlierSeen;
  // The between-rounds forms load while the round runs, so the end shows them at once.
  useEffect(() => {
    const idle = window.setTimeout(preloadBetweenRounds, 3000);
    return () => window.clearTimeout(idle);
  }, []);
  return (
    <aside className={`left-pane ${ended ? 'wide' : ''}`} hidden={hidden}>
      <Suspense fallback={null}>
        {ended && <FeedbackPanel room={room} self={self} brief={brief} actions={actions} />}
        {ended && simulation && simBrief && (
          <SimulationBriefPanel
            open={simulation.briefOpen}
            brief={simBrief.brief}
            problem={simBrief.problem}
            runsHere={simBrief.runsHere}
          />
        )}
        {ended && simulation?.nextStage && (
          <SimulationNextRound stage={simulation.nextStage} actions={actions} />
        )}
        {ended && isPlayer && !simulation && (
          <NextRoundForm key={room.round.number} room={room} self={self} actions={actions} />
        )}
        {earlierShown && <EarlierRoundFeedback room={room} self={self} actions={actions} />}
      </Suspense>
      <QuestionPanel
        round={room.round}
        role={self.role}
        language={room.language}
        newHint={newHint}
        picked={brief?.round === room.round.number ? (brief.selected?.question.title ?? null) : null}
      />
      {room.rounds.length > 1 && (
        <Suspense fallback={null}>
          <RoundsList roomId={room.roomId} rounds={room.rounds} participants={room.participants} />
        </Suspense>
      )}
    </aside>
  );
}
