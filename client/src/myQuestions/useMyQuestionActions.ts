import { type OwnQuestionList, ROUTES } from '@mockloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { downloadText } from '../lib/downloadText';
import { myQuestionsApi, QuestionApiError } from './myQuestionsApi';
import type { Notice } from './QuestionNotice';

export type SharedLink = { key: string; url: string; notice: string };

/**
 * My questions' list and what can be done to it: each action reloads the list after it and says
 * what happened (or what went wrong, with the fields at fault) in `notice`.
 */
export function useMyQuestionActions() {
  const [list, setList] = useState<OwnQuestionList | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice>(null);
  const [shared, setShared] = useState<SharedLink | null>(null);

  const reload = useCallback(
    () => myQuestionsApi.list().then(setList, (err: Error) => setLoadError(err.message)),
    [],
  );
  useEffect(() => {
    reload();
  }, [reload]);

  const fail = (err: unknown) => {
    const body = err instanceof QuestionApiError ? err.body : undefined;
    setNotice({ kind: 'error', text: (err as Error).message, problems: body?.problems });
  };

  async function remove(key: string, title: string) {
    if (!window.confirm(`Delete “${title}”? Rooms that used it lose it too.`)) return;
    try {
      await myQuestionsApi.remove(key);
      setNotice({ kind: 'status', text: `Deleted “${title}”.` });
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  async function exportYaml(keys?: string[]) {
    try {
      downloadText(
        await myQuestionsApi.exportYaml(keys),
        keys?.length === 1 ? `question-${keys[0]}.yaml` : 'my-questions.yaml',
        'application/yaml',
      );
    } catch (err) {
      fail(err);
    }
  }

  async function share(key: string) {
    try {
      const { shareKey, notice: warning } = await myQuestionsApi.share(key);
      setShared({
        key,
        url: new URL(ROUTES.sharedQuestion(shareKey), window.location.href).href,
        notice: warning,
      });
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  /** `imported` runs once the text went in (the box clears its pasted text then). */
  async function importText(text: string, imported: () => void) {
    try {
      const { questions } = await myQuestionsApi.importYaml(text);
      setNotice({ kind: 'status', text: `Imported ${questions.map((q) => `“${q.title}”`).join(', ')}.` });
      imported();
      await reload();
    } catch (err) {
      fail(err);
    }
  }

  return { list, loadError, notice, shared, remove, exportYaml, share, importText };
}
