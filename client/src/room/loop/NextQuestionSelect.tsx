import type { PublicQuestion } from '@mockloop/shared';
import { useId } from 'react';

interface Props {
  value: string;
  /** The bank's questions that fit the chosen round type. */
  questions: readonly PublicQuestion[];
  /** The loop plans this round type next, so leaving it empty takes the loop's suggestion. */
  plannedHere: boolean;
  onChange(questionId: string): void;
}

/** The interviewer's private pick of the next round's question (or none, to pick it in the round). */
export function NextQuestionSelect({ value, questions, plannedHere, onChange }: Props) {
  const ids = { question: useId(), note: useId() };
  return (
    <>
      <label htmlFor={ids.question}>Question</label>
      <select
        id={ids.question}
        value={value}
        aria-describedby={ids.note}
        onChange={(e) => onChange(e.target.value)}
      >
        <option value="">{plannedHere ? "The loop's suggestion" : 'Pick it in the round'}</option>
        {questions.map((q) => (
          <option key={q.id} value={q.id}>
            {q.title}
          </option>
        ))}
      </select>
      <p id={ids.note} className="muted small">
        Only you see it until you reveal it.
      </p>
    </>
  );
}
