import type { InterviewerBrief } from '@mockloop/shared';
import { Prose } from '../../lib/Prose';
import type { RoomActions } from '../session/RoomActions';
import { HintList } from './HintList';
import { PersonaBrief } from './PersonaBrief';
import { ReferenceSolution } from './ReferenceSolution';
import { RevealControls } from './RevealControls';
import { RubricView } from './RubricView';

interface Props {
  brief: InterviewerBrief;
  actions: RoomActions;
  /** The round has ended: nothing more is revealed in it (P-SEAT-2). */
  ended?: boolean;
  /** Move focus to Reveal question once a picked question's brief is here (after Pick). */
  focusReveal?: boolean;
  onRevealFocused?: () => void;
}

/** What the interviewer needs to run the round: reveal controls, guidance, rubric, hints, follow-ups. */
export function BriefView({ brief, actions, ended = false, focusReveal = false, onRevealFocused }: Props) {
  const selected = brief.selected;
  if (!selected) {
    return (
      <div className="empty-state">
        <p>No question picked yet.</p>
        <p className="muted small">Open the Question bank tab, filter by round or tag, and pick one.</p>
      </div>
    );
  }
  const q = selected.question;
  return (
    <div className="brief">
      <h3 className="question-title">{q.title}</h3>
      <p className="muted small">
        {q.roundLabel} · {q.difficulty} · {q.timeLimitMinutes} min
      </p>
      {!brief.revealed && brief.candidateSeen.includes(q.id) && (
        <p className="warning small">
          The candidate’s browser has already opened or played this question: consider another.
        </p>
      )}
      <RevealControls
        brief={brief}
        selected={selected}
        actions={actions}
        ended={ended}
        focusReveal={focusReveal}
        onRevealFocused={onRevealFocused}
      />
      {!brief.revealed && (
        <section className="brief-section prompt-preview" aria-label="Prompt preview">
          <h4>The prompt, to read aloud</h4>
          <p className="muted small">
            Only you see this. The candidate sees nothing of the question until you reveal it.
          </p>
          <Prose className="small" text={q.prompt} />
        </section>
      )}
      {brief.persona && <PersonaBrief persona={brief.persona} />}
      <section className="brief-section">
        <h4>How to run it</h4>
        <Prose className="small" text={selected.guidance} />
        <ol className="phases small">
          {q.phases.map((phase) => (
            <li key={phase.name}>
              {phase.name}: {phase.minutes} min
            </li>
          ))}
        </ol>
      </section>
      <section className="brief-section">
        <h4>Rubric</h4>
        <RubricView rubric={selected.rubric} />
      </section>
      <HintList hints={selected.hints} revealed={brief.hintsRevealed} />
      <section className="brief-section">
        <h4>Follow-up questions</h4>
        <ul className="small">
          {selected.followUps.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </section>
      <section className="brief-section">
        <h4>Red flags</h4>
        <ul className="small red-flags">
          {selected.redFlags.map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ul>
      </section>
      {selected.solution && (
        <ReferenceSolution solution={selected.solution} hiddenTestCount={selected.hiddenTests.length} />
      )}
    </div>
  );
}
