import { type PublicQuestion, ROUND_TYPE_LABELS } from '@mockloop/shared';
import { useState } from 'react';
import { Prose } from '../lib/Prose';
import { storage } from '../lib/storage';
import { CodingDetails } from './CodingDetails';

/** A question's public view on its preview page: its chips, the prompt behind a spoiler guard, its pacing. */
export function QuestionPreviewBody({ question }: { question: PublicQuestion }) {
  // No spoilers (P-SEEN-1): the prompt opens on request, and then counts as seen in this browser.
  const [shown, setShown] = useState(false);
  const show = () => {
    storage.markSeen(question.id);
    setShown(true);
  };
  return (
    <article className="question-body" aria-label="The question">
      <div className="chips">
        <span className="chip">{ROUND_TYPE_LABELS[question.roundType]}</span>
        <span className={`chip difficulty-${question.difficulty}`}>{question.difficulty}</span>
        <span className="chip tag">{question.timeLimitMinutes} min</span>
        {question.tags.map((tag) => (
          <span key={tag} className="chip tag">
            {tag}
          </span>
        ))}
      </div>
      {shown ? (
        <>
          <Prose className="prompt" text={question.prompt} />
          {question.coding && (
            <div className="coding-details">
              <CodingDetails coding={question.coding} language="python" heading="h2" />
            </div>
          )}
        </>
      ) : (
        <div className="warning spoiler-guard">
          <p>
            This shows the whole prompt. If you may be asked this question as a candidate, reading it now
            spoils the practice: rooms of this browser will then prefer other questions.
          </p>
          <button type="button" className="button" onClick={show}>
            Show the prompt
          </button>
        </div>
      )}
      {question.phases.length > 0 && (
        <>
          <h2>Pacing</h2>
          <ol className="plan-rounds">
            {question.phases.map((phase) => (
              <li key={phase.name}>
                {phase.name} · {phase.minutes} min
              </li>
            ))}
          </ol>
        </>
      )}
    </article>
  );
}
