import {
  DIFFICULTIES,
  type Difficulty,
  type OwnQuestionSummary,
  type PublicQuestion,
  questionFits,
  ROUND_TYPE_LABELS,
  ROUND_TYPES,
  ROUTES,
  type RoundType,
} from '@mockloop/shared';
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
import { fetchQuestions } from '../../lib/api';
import { myQuestionsApi } from '../../myQuestions/myQuestionsApi';

interface Props {
  roomRoundType: RoundType;
  selectedId: string | null;
  locked: boolean;
  /** Questions the candidate's browser has opened or played (P-SEEN-1), marked in the lists. */
  candidateSeen?: readonly string[];
  onPick(questionId: string): void;
}

type Filter<T> = T | 'all';

/**
 * Browse and filter the bank (public fields only) and this browser's own questions (My questions,
 * listed first), then pick the round's question.
 */
export function QuestionBrowser({ roomRoundType, selectedId, locked, candidateSeen = [], onPick }: Props) {
  const seenMark = (id: string) => (candidateSeen.includes(id) ? ' · the candidate has seen it' : '');
  const [questions, setQuestions] = useState<PublicQuestion[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [roundType, setRoundType] = useState<Filter<RoundType>>(roomRoundType);
  const [difficulty, setDifficulty] = useState<Filter<Difficulty>>('all');
  const [tag, setTag] = useState<Filter<string>>('all');
  const [text, setText] = useState('');
  const ids = { type: useId(), difficulty: useId(), tag: useId(), text: useId(), own: useId() };
  const [own, setOwn] = useState<OwnQuestionSummary[] | null>(null);
  const [ownError, setOwnError] = useState<string | null>(null);
  const loadOwn = useCallback(
    () =>
      myQuestionsApi.list().then(
        (list) => {
          setOwn(list.questions);
          setOwnError(null);
        },
        (err: Error) => setOwnError(err.message),
      ),
    [],
  );

  useEffect(() => {
    fetchQuestions().then(setQuestions, (err: Error) => setLoadError(err.message));
    loadOwn();
  }, [loadOwn]);

  const ownShown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (own ?? []).filter(
      (q) =>
        (roundType === 'all' || questionFits(roundType, q.roundType)) &&
        (difficulty === 'all' || q.difficulty === difficulty) &&
        (!needle || q.title.toLowerCase().includes(needle)),
    );
  }, [own, roundType, difficulty, text]);

  const tags = useMemo(() => [...new Set((questions ?? []).flatMap((q) => q.tags))].sort(), [questions]);
  const shown = useMemo(() => {
    const needle = text.trim().toLowerCase();
    return (questions ?? []).filter(
      (q) =>
        (roundType === 'all' || questionFits(roundType, q.roundType)) &&
        (difficulty === 'all' || q.difficulty === difficulty) &&
        (tag === 'all' || q.tags.includes(tag)) &&
        (!needle || `${q.title} ${q.prompt} ${q.tags.join(' ')}`.toLowerCase().includes(needle)),
    );
  }, [questions, roundType, difficulty, tag, text]);

  if (loadError) return <p className="error">Could not load the question bank: {loadError}</p>;
  if (!questions) return <p className="muted">Loading the question bank…</p>;

  return (
    <div className="browser">
      <div className="filters">
        <label htmlFor={ids.type}>Round</label>
        <select
          id={ids.type}
          value={roundType}
          onChange={(e) => setRoundType(e.target.value as Filter<RoundType>)}
        >
          <option value="all">All rounds</option>
          {ROUND_TYPES.map((t) => (
            <option key={t} value={t}>
              {ROUND_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
        <label htmlFor={ids.difficulty}>Difficulty</label>
        <select
          id={ids.difficulty}
          value={difficulty}
          onChange={(e) => setDifficulty(e.target.value as Filter<Difficulty>)}
        >
          <option value="all">Any</option>
          {DIFFICULTIES.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
        <label htmlFor={ids.tag}>Tag</label>
        <select id={ids.tag} value={tag} onChange={(e) => setTag(e.target.value)}>
          <option value="all">Any tag</option>
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
        <label htmlFor={ids.text}>Search</label>
        <input
          id={ids.text}
          type="search"
          value={text}
          placeholder="Words in the title or prompt"
          onChange={(e) => setText(e.target.value)}
        />
      </div>
      <section className="browser-own" aria-labelledby={ids.own}>
        <div className="editor-actions">
          <h4 id={ids.own}>My questions</h4>
          <a className="button small-button" href={ROUTES.myQuestion('new')} target="_blank" rel="noreferrer">
            Write a question
          </a>
          <a className="button small-button" href={ROUTES.myQuestions} target="_blank" rel="noreferrer">
            Open My questions
          </a>
          <button type="button" className="button small-button" onClick={loadOwn}>
            Refresh my questions
          </button>
        </div>
        {ownError && <p className="error small">Could not load your questions: {ownError}</p>}
        {own && own.length === 0 && (
          <p className="muted small">None yet: write one (it opens in a new tab), then refresh.</p>
        )}
        {ownShown.length > 0 && (
          <ul className="question-list" aria-label="My questions">
            {ownShown.map((q) => (
              <QuestionRow
                key={q.id}
                title={q.title}
                picked={q.id === selectedId}
                locked={locked}
                onPick={() => onPick(q.id)}
                details={`${ROUND_TYPE_LABELS[q.roundType]} · ${q.difficulty} · yours${seenMark(q.id)}`}
              />
            ))}
          </ul>
        )}
      </section>
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

interface RowProps {
  title: string;
  /** Round type, difficulty, length or owner, and whether the candidate has seen it. */
  details: string;
  tags?: string[];
  picked: boolean;
  /** Picking is off (the round has ended, or a pick is on its way). */
  locked: boolean;
  onPick(): void;
}

/** One question of the browser, the bank's or one of My questions, with its Pick button. */
function QuestionRow({ title, details, tags, picked, locked, onPick }: RowProps) {
  return (
    <li className={picked ? 'selected' : undefined}>
      <div className="question-list-main">
        <strong>{title}</strong>
        <span className="muted small">{details}</span>
        {tags && <span className="small tags-line">{tags.map((t) => `#${t}`).join(' ')}</span>}
      </div>
      <button
        type="button"
        className="button small-button"
        disabled={locked || picked}
        aria-label={`Pick ${title}`}
        onClick={onPick}
      >
        {picked ? 'Picked' : 'Pick'}
      </button>
    </li>
  );
}
