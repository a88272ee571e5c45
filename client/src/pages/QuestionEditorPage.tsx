import { DIFFICULTIES, type FieldProblem, ROUND_TYPE_LABELS, ROUND_TYPES, ROUTES } from '@mockloop/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { oneOf } from '../lib/oneOf';
import { CodingFields } from '../myQuestions/CodingFields';
import { FormField, TextField } from '../myQuestions/FormField';
import { myQuestionsApi, QuestionApiError } from '../myQuestions/myQuestionsApi';
import { draftOf, newDraft, type QuestionDraft, questionOf } from '../myQuestions/questionDraft';
import { RubricFields } from '../myQuestions/RubricFields';
import { TestsFields } from '../myQuestions/TestsFields';
import { BrandLink } from '../ui/BrandLink';
import { FullPageMessage } from '../ui/FullPageMessage';

type Load = { status: 'loading' } | { status: 'missing'; message: string } | { status: 'ready' };

/**
 * /my-questions/:key (or `new`): the question form. Every field of the bank's format a person
 * writes; the server checks it with the bank's schema and each problem shows under its field.
 */
export default function QuestionEditorPage({ questionKey }: { questionKey: string }) {
  const isNew = questionKey === 'new';
  const [draft, setDraft] = useState<QuestionDraft>(newDraft);
  const [load, setLoad] = useState<Load>(isNew ? { status: 'ready' } : { status: 'loading' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    document.title = `${isNew ? 'New question' : 'Edit question'} · Mockloop`;
    if (isNew) return;
    myQuestionsApi.get(questionKey).then(
      (entry) => {
        setDraft(draftOf(entry.question));
        setLoad({ status: 'ready' });
      },
      (err: Error) => setLoad({ status: 'missing', message: err.message }),
    );
  }, [isNew, questionKey]);

  if (load.status === 'loading') return <FullPageMessage text="Loading the question…" />;
  if (load.status === 'missing')
    return <FullPageMessage text={`This question cannot be opened: ${load.message}`} />;

  const patch = (p: Partial<QuestionDraft>) => setDraft((d) => ({ ...d, ...p }));

  async function onSubmit(e: FormEvent) {
    e.preventDefault();
    const { question, problems: local } = questionOf(draft);
    if (local.length > 0) {
      setProblems(local);
      setMessage('Some fields need fixing before the question can be saved.');
      return;
    }
    setSaving(true);
    try {
      const saved = isNew
        ? await myQuestionsApi.create(question)
        : await myQuestionsApi.update(questionKey, question);
      setProblems([]);
      setMessage(`Saved “${saved.question.title}”.`);
      window.location.assign(ROUTES.myQuestions);
    } catch (err) {
      const body = err instanceof QuestionApiError ? err.body : undefined;
      setProblems(body?.problems ?? []);
      setMessage((err as Error).message);
    } finally {
      setSaving(false);
    }
  }

  const text = (
    label: string,
    field: string,
    key: keyof QuestionDraft,
    extra: { hint?: string; rows?: number } = {},
  ) => (
    <TextField
      label={label}
      field={field}
      problems={problems}
      value={String(draft[key])}
      onChange={(value) => patch({ [key]: value })}
      {...extra}
    />
  );

  return (
    <main className="editor-page">
      <header className="report-header">
        <BrandLink />
        <nav aria-label="Your questions">
          <a href={ROUTES.myQuestions}>My questions</a>
        </nav>
      </header>
      <h1>{isNew ? 'Write a question' : `Edit “${draft.title}”`}</h1>
      <p className="muted">
        The candidate sees the title, prompt, coding contract and public tests once you reveal it in a room;
        the rubric, hints, follow-ups, red flags, notes and hidden tests stay yours.
      </p>
      <form
        className="question-form"
        onSubmit={onSubmit}
        noValidate
        aria-describedby={message ? 'editor-message' : undefined}
      >
        {message && (
          <div
            id="editor-message"
            role={problems.length ? 'alert' : 'status'}
            className={problems.length ? 'error' : 'muted'}
          >
            <p>{message}</p>
            {problems.length > 0 && (
              <ul aria-label="Problems">
                {problems.map((p) => (
                  <li key={`${p.field}:${p.reason}`}>
                    <code>{p.field}</code>: {p.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
        <fieldset className="editor-group">
          <legend>Question</legend>
          {text('Title', 'title', 'title')}
          <FormField label="Round type" field="roundType" problems={problems}>
            {(control) => (
              <select
                {...control}
                value={draft.roundType}
                onChange={(e) => {
                  const roundType = oneOf(ROUND_TYPES, e.target.value) ?? draft.roundType;
                  patch({ roundType, roundLabel: ROUND_TYPE_LABELS[roundType] });
                }}
              >
                {ROUND_TYPES.map((t) => (
                  <option key={t} value={t}>
                    {ROUND_TYPE_LABELS[t]}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          <FormField label="Difficulty" field="difficulty" problems={problems}>
            {(control) => (
              <select
                {...control}
                value={draft.difficulty}
                onChange={(e) =>
                  patch({ difficulty: oneOf(DIFFICULTIES, e.target.value) ?? draft.difficulty })
                }
              >
                {DIFFICULTIES.map((d) => (
                  <option key={d} value={d}>
                    {d}
                  </option>
                ))}
              </select>
            )}
          </FormField>
          {text('Tags', 'tags', 'tags', { hint: 'comma-separated: arrays, hashing' })}
          {text('Minutes', 'timeLimitMinutes', 'timeLimitMinutes')}
          {text('Prompt', 'prompt', 'prompt', {
            rows: 8,
            hint: 'Markdown, no HTML; put code in `backticks`',
          })}
        </fieldset>
        <fieldset className="editor-group">
          <legend>For the interviewer only</legend>
          {text('Notes', 'interviewer.guidance', 'guidance', {
            rows: 4,
            hint: 'what a good answer looks like, how to run the round',
          })}
          {text('Hints', 'interviewer.hints', 'hints', {
            rows: 4,
            hint: 'one per line, gentlest first (at least 3)',
          })}
          {text('Follow-ups', 'interviewer.followUps', 'followUps', { rows: 3, hint: 'one per line' })}
          {text('Red flags', 'interviewer.redFlags', 'redFlags', { rows: 3, hint: 'one per line' })}
        </fieldset>
        <RubricFields rubric={draft.rubric} problems={problems} onChange={(rubric) => patch({ rubric })} />
        {draft.roundType === 'coding' && (
          <>
            <CodingFields draft={draft} problems={problems} onChange={patch} />
            <TestsFields tests={draft.tests} problems={problems} onChange={(tests) => patch({ tests })} />
          </>
        )}
        <div className="editor-actions">
          <button type="submit" className="button primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save question'}
          </button>
          <a className="button" href={ROUTES.myQuestions}>
            Cancel
          </a>
        </div>
      </form>
    </main>
  );
}
