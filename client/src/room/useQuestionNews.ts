import type { RoundView } from '@mockloop/shared';
import { useEffect, useRef, useState } from 'react';

/** How long a new hint stays marked and announced. */
const HINT_NOTICE_MS = 8000;

/**
 * Watches the round's question for news while this person is in the room (not what was already
 * there when it opened): calls `onNews` when the question is revealed or a hint is added, and
 * returns the index of a hint revealed in the last few seconds, for the notice, else null.
 */
export function useQuestionNews(
  round: RoundView,
  onNews: (news: 'revealed' | 'hint') => void,
): number | null {
  const seen = useRef<{ round: number; revealed: boolean; hints: number } | null>(null);
  const callback = useRef(onNews);
  callback.current = onNews;
  const [freshHint, setFreshHint] = useState<number | null>(null);
  const revealed = round.question !== null;
  const hints = round.hints.length;
  useEffect(() => {
    const before = seen.current;
    seen.current = { round: round.number, revealed, hints };
    if (!before || before.round !== round.number) return;
    if (revealed && !before.revealed) callback.current('revealed');
    else if (hints > before.hints) {
      callback.current('hint');
      setFreshHint(hints - 1);
      const timer = setTimeout(() => setFreshHint(null), HINT_NOTICE_MS);
      return () => clearTimeout(timer);
    }
  }, [round.number, revealed, hints]);
  return freshHint;
}
