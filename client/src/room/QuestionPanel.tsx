import type { Language, PublicQuestion, Role, RoundView } from '@mockloop/shared';
import { Prose } from '../lib/Prose';
import { timeOfDay } from '../lib/time';
import { CodingDetails } from '../questions/CodingDetails';

interface Props {
  round: RoundView;
  role: Role;
  language: Language;
  /** A hint just revealed (useQuestionNews): announced in a notice and marked in the list. */
  newHint?: number | null;
  /** The interviewer's own pick, not yet revealed (from their brief; null for everyone else). */
  picked?: string | null;
}

/** The revealed question and hints, as everyone in the room sees them. */
export function QuestionPanel({ round, role, language, newHint = null, picked = null }: Props) {
  const question = round.question;
  return (
    <section className="question-panel" aria-labelledby="question-heading">
      {newHint !== null && (
        <p className="hint-notice" role="status">
          Hint {newHint + 1} revealed
        </p>
      )}
      <h2 id="question-heading" className="panel-title" tabIndex={-1}>
        Question · round {round.number}
      </h2>
      {question ? (
        <>
          <QuestionBody question={question} language={language} />
          {round.morePending && (
            <p className="muted small more-pending">
              {role === 'interviewer'
                ? 'Its signature and examples are still hidden: reveal them from your brief.'
                : 'More of the question (its signature and examples) comes when your interviewer reveals it.'}
            </p>
          )}
        </>
      ) : (
        <div className="empty-state">
          {role === 'interviewer' && picked ? (
            <p>
              <strong>{picked}</strong> is picked for this round: read its brief in the{' '}
              <strong>Interviewer panel</strong>, then reveal it when your candidate is ready.
            </p>
          ) : role === 'interviewer' ? (
            <p>
              Pick a question in the <strong>Interviewer panel</strong>, then reveal it when your candidate is
              ready.
            </p>
          ) : (
            <p>Your interviewer will reveal the question when you are ready.</p>
          )}
          <p className="muted small">
            Think out loud: explain your thought process before you write code or draw architecture.
          </p>
        </div>
      )}
      {round.hints.length > 0 && (
        <section className="hints" aria-label="Revealed hints">
          <h3>Hints</h3>
          <ol>
            {round.hints.map((hint) => (
              <li key={hint.index} className={hint.index === newHint ? 'new-hint' : undefined}>
                <span className="muted small">
                  Hint {hint.index + 1} · {timeOfDay(hint.revealedAt)}
                </span>
                <Prose text={hint.text} />
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

function QuestionBody({ question, language }: { question: PublicQuestion; language: Language }) {
  const coding = question.coding;
  // Python + numpy answers in Python; a compiled language shows its generated signature when the
  // question has one (typed parameters), else Python's.
  const own = language === 'python-numpy' ? 'python' : language;
  const signatureLanguage = coding?.signature[own] !== undefined ? own : 'python';
  return (
    <article className="question">
      <h3 className="question-title">{question.title}</h3>
      <div className="chips">
        <span className="chip">{question.roundLabel}</span>
        <span className={`chip difficulty-${question.difficulty}`}>{question.difficulty}</span>
        {question.tags.map((tag) => (
          <span key={tag} className="chip tag">
            #{tag}
          </span>
        ))}
      </div>
      <Prose className="prompt" text={question.prompt} />
      {coding && <CodingDetails coding={coding} language={signatureLanguage} heading="h4" />}
    </article>
  );
}
