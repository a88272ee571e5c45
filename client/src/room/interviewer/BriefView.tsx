import type { InterviewerBrief } from '@mockloop/shared';
import { useEffect, useRef } from 'react';
import { Prose } from '../../lib/Prose';
import { useAction } from '../../lib/useAction';
import type { RoomActions } from '../session/RoomActions';
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
  const reveal = useAction(actions.revealQuestion);
  const hint = useAction(actions.revealHint);
  const selected = brief.selected;
  const revealButton = useRef<HTMLButtonElement>(null);
  const hasSelection = selected !== null;
  useEffect(() => {
    if (!focusReveal || !hasSelection || !revealButton.current) return;
    revealButton.current.focus();
    onRevealFocused?.();
  }, [focusReveal, hasSelection, onRevealFocused]);
  if (!selected) {
    return (
      <div className="empty-state">
        <p>No question picked yet.</p>
        <p className="muted small">Open the Question bank tab, filter by round or tag, and pick one.</p>
      </div>
    );
  }
  const q = selected.question;
  const hintsLeft = selected.hints.length - brief.hintsRevealed;
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
      <div className="brief-actions">
        <button
          type="button"
          className="button primary"
          ref={revealButton}
          disabled={brief.detailsRevealed || ended || reveal.busy}
          onClick={() => reveal.run()}
        >
          {brief.detailsRevealed
            ? 'Question revealed ✓'
            : brief.revealed
              ? 'Reveal signature and examples'
              : 'Reveal question'}
        </button>
        {/* A coding question can go in steps: the prompt to talk through, then its signature. */}
        {q.coding && !brief.revealed && !ended && (
          <button
            type="button"
            className="button"
            disabled={reveal.busy}
            onClick={() => reveal.run('prompt')}
          >
            Reveal the prompt first
          </button>
        )}
        <button
          type="button"
          className="button"
          disabled={!brief.revealed || hintsLeft <= 0 || ended || hint.busy}
          onClick={() => hint.run()}
        >
          Reveal hint
        </button>
        <span className="muted small">
          {brief.hintsRevealed}/{selected.hints.length} hints shown
          {ended && ' · the round has ended'}
        </span>
      </div>
      {(reveal.error || hint.error) && (
        <p role="alert" className="error small">
          {reveal.error ?? hint.error}
        </p>
      )}
      {!brief.revealed && (
        <section className="brief-section prompt-preview" aria-label="Prompt preview">
          <h4>The prompt, to read aloud</h4>
          <p className="muted small">
            Only you see this. The candidate sees nothing of the question until you reveal it.
          </p>
          <Prose className="small" text={q.prompt} />
        </section>
      )}

      {brief.persona && (
        <section className="brief-section">
          <details>
            <summary>
              <h4>
                You play: {brief.persona.name} <span className="muted small">({brief.persona.title})</span>
              </h4>
            </summary>
            <Prose className="small" text={brief.persona.guidance} />
          </details>
        </section>
      )}
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
      <section className="brief-section">
        <h4>Hints, gentle to strong</h4>
        <ol className="hint-list small">
          {selected.hints.map((text, i) => (
            <li key={text} className={i < brief.hintsRevealed ? 'revealed' : undefined}>
              {text}
              {i < brief.hintsRevealed && <span className="muted"> (shown)</span>}
            </li>
          ))}
        </ol>
      </section>
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
        <section className="brief-section">
          <h4>Reference solution</h4>
          <Prose className="small" text={selected.solution.approach} />
          <p className="small muted">
            Time {selected.solution.complexity.time} · space {selected.solution.complexity.space}
          </p>
          {Object.entries(selected.solution.sources).map(([language, source]) => (
            <details key={language}>
              <summary className="small">{language === 'python' ? 'Python' : 'TypeScript'} solution</summary>
              <pre className="code-block">{source}</pre>
            </details>
          ))}
          {selected.hiddenTests.length > 0 && (
            <p className="small muted">{selected.hiddenTests.length} hidden test cases are kept for you.</p>
          )}
        </section>
      )}
    </div>
  );
}
