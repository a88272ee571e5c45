import type { JsonValue, Language, PublicQuestion, Role, RoundView } from '@mockloop/shared';
import { Prose } from '../lib/Prose';
import { timeOfDay } from '../lib/time';

interface Props {
  round: RoundView;
  role: Role;
  language: Language;
}

/** The revealed question and hints, as everyone in the room sees them. */
export function QuestionPanel({ round, role, language }: Props) {
  const question = round.question;
  return (
    <section className="question-panel" aria-labelledby="question-heading">
      <h2 id="question-heading" className="panel-title">
        Question · round {round.number}
      </h2>
      {question ? (
        <QuestionBody question={question} language={language} />
      ) : (
        <div className="empty-state">
          {role === 'interviewer' ? (
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
              <li key={hint.index}>
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
  const signatureLanguage = language === 'javascript' || language === 'typescript' ? language : 'python';
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
      {coding && (
        <>
          <h4>Signature</h4>
          <pre className="code-block">{coding.signature[signatureLanguage]}</pre>
          <h4>Input</h4>
          <ul className="params">
            {coding.parameters.map((p) => (
              <li key={p.name}>
                <code>{p.name}</code> <span className="muted">({p.type})</span>: {p.description}
              </li>
            ))}
          </ul>
          <h4>Output</h4>
          <p>
            <span className="muted">({coding.returns.type})</span> {coding.returns.description}
          </p>
          <h4>Rules</h4>
          <ul className="constraints">
            {coding.constraints.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <h4>Examples</h4>
          {coding.examples.map((example, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: examples are static and ordered
            <div className="example" key={i}>
              <pre className="code-block">
                {`args:     ${json(example.args)}\nexpected: ${json(example.expected)}`}
              </pre>
              {example.explanation && <p className="muted small">{example.explanation}</p>}
            </div>
          ))}
        </>
      )}
    </article>
  );
}

function json(value: JsonValue | JsonValue[]): string {
  const text = JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
