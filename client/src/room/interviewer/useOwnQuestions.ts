import type { OwnQuestionSummary } from '@mockloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { myQuestionsApi } from '../../myQuestions/myQuestionsApi';

/** This browser's own questions for the question browser, with a reload (after writing one in another tab). */
export function useOwnQuestions() {
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
    loadOwn();
  }, [loadOwn]);
  return { own, ownError, loadOwn };
}
