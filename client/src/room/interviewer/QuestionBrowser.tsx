import type { PublicQuestion, RoundType } from '@mockloop/shared';
import { useEffect, useMemo, useState } from 'react';
import { fetchQuestions } from '../../lib/api';
import { OwnQuestionsSection } from './OwnQuestionsSection';
import { QuestionFilters } from './QuestionFilters';
import { QuestionRow } from './QuestionRow';
import { bankQuestionsShown, ownQuestionsShown, type QuestionFilter } from './questionFilter';
import { useOwnQuestions } from './useOwnQuestions';

interface Props {
  roomRoundType: RoundType;
  selectedId: string | null;
  locked: boolean;
  /** Questions the candidate's browser has opened or played (P-SEEN-1), marked in the lists. */
  candidateSeen?: readonly string[];
  onPick(questionId: string): void;
}

/**
 * Browse and filter the bank (public fields only) and this browser's own questions (My questions,
 * listed first), then pick the round's question.
 */
export function QuestionBrowser({ roomRoundType, selectedId, locked, candidateSeen = [], onPick }: Props) {
  const seenMark = (id: string) => (candidateSeen.includes(id) ? ' · the candidate has seen it' : '');
  const [questions, setQuestions] = useState<PublicQuestion[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [filter, setFilter] = useState<QuestionFilter>({
    roundType: roomRoundType,
    difficulty: 'all',
    tag: 'all',
    text: '',
  });
  const { own, ownError, loadOwn } = useOwnQuestions();

  useEffect(() => {
    fetchQuestions().then(setQuestions, (err: Error) => setLoadError(err.message));
  }, []);

  const ownShown = useMemo(() => ownQuestionsShown(own ?? [], filter), [own, filter]);
  const tags = useMemo(() => [...new Set((questions ?? []).flatMap((q) => q.tags))].sort(), [questions]);
  const shown = useMemo(() => bankQuestionsShown(questions ?? [], filter), [questions, filter]);

  if (loadError) return <p className="error">Could not load the question bank: {loadError}</p>;
  if (!questions) return <p className="muted">Loading the question bank…</p>;

  return (
    <div className="browser">
      <QuestionFilters
        filter={filter}
        tags={tags}
        onChange={(patch) => setFilter((f) => ({ ...f, ...patch }))}
      />
      <OwnQuestionsSection
        own={own}
        ownError={ownError}
        shown={ownShown}
        selectedId={selectedId}
        locked={locked}
        seenMark={seenMark}
        onReload={loadOwn}
        onPick={onPick}
      />
      <p className="muted small" aria-live="polite">
        {shown.length} of {questions.length} questions in the bank
      </p>
      <ul className="question-list" aria-label="Questions in the bank">
        {shown.map((q) => (
          <QuestionRow
            key={q.id}
            title={q.title}
            picked={q.id === selectedId}
            locked={locked}
            onPick={() => onPick(q.id)}
            details={`${q.roundLabel} · ${q.difficulty} · ${q.timeLimitMinutes} min${seenMark(q.id)}`}
            tags={q.tags}
          />
        ))}
      </ul>
    </div>
  );
}
