import { type FieldProblem, ROUTES } from '@mockloop/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { myQuestionsApi, QuestionApiError } from './myQuestionsApi';
import { draftOf, newDraft, type QuestionDraft, questionOf } from './questionDraft';

type Load = { status: 'loading' } | { status: 'missing'; message: string } | { status: 'ready' };

/**
 * The question form's state: the draft (loaded for an existing question, blank for `new`), the
 * problems the browser or the server found, and saving (back to My questions once saved).
 */
export function useQuestionEditor(questionKey: string) {
  const isNew = questionKey === 'new';
  const [draft, setDraft] = useState<QuestionDraft>(newDraft);
  const [load, setLoad] = useState<Load>(isNew ? { status: 'ready' } : { status: 'loading' });
  const [problems, setProblems] = useState<FieldProblem[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (isNew) return;
    myQuestionsApi.get(questionKey).then(
      (entry) => {
        setDraft(draftOf(entry.question));
        setLoad({ status: 'ready' });
      },
      (err: Error) => setLoad({ status: 'missing', message: err.message }),
    );
  }, [isNew, questionKey]);

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

  return { isNew, draft, load, problems, message, saving, patch, onSubmit };
}
