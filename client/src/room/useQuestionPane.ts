import type { RoundView } from '@mockloop/shared';
import { useCallback, useEffect, useState } from 'react';
import { storage } from '../lib/storage';
import { useQuestionNews } from './useQuestionNews';

interface PaneContext {
  roomId: string;
  round: RoundView;
  isInterviewer: boolean;
  /** The board is the view shown. */
  onBoard: boolean;
  phone: boolean;
}

/**
 * Whether the question (or, once the round ended, feedback) pane is open, and how to toggle it.
 * Beside the code and the notes the pane is a column, open or folded as the person chose (kept
 * for the tab; a phone starts folded, so the editor starts high). Over the board it floats, so
 * the board keeps its size and viewport: folded until opened, news arrives or the round ends.
 */
export function useQuestionPane({ roomId, round: roundView, isInterviewer, onBoard, phone }: PaneContext) {
  const ended = roundView.endedAt !== null;
  const [questionShown, setQuestionShownState] = useState<boolean | null>(() =>
    storage.questionShown(roomId),
  );
  const setQuestionShown = useCallback(
    (shown: boolean) => {
      setQuestionShownState(shown);
      storage.setQuestionShown(roomId, shown);
    },
    [roomId],
  );
  // Per round: a new round starts with the board clear of it.
  const round = roundView.number;
  const [boardPane, setBoardPane] = useState(() => ({ round, shown: storage.boardPaneShown(roomId, round) }));
  const overBoard = boardPane.round === round ? boardPane.shown : storage.boardPaneShown(roomId, round);
  const setOverBoard = useCallback(
    (shown: boolean) => {
      setBoardPane({ round, shown });
      storage.setBoardPaneShown(roomId, round, shown);
    },
    [roomId, round],
  );
  // The round's end opens the feedback over the board (the board itself stays as it is).
  const endedAt = roundView.endedAt;
  useEffect(() => {
    if (endedAt !== null) setBoardPane({ round, shown: true });
  }, [endedAt, round]);
  const paneOpen = onBoard && !phone ? overBoard : ended || (questionShown ?? !phone);
  const questionHidden = !paneOpen;
  const togglePane =
    onBoard && !phone
      ? () => setOverBoard(!overBoard)
      : ended
        ? undefined
        : () => setQuestionShown(!paneOpen);
  // Focus waits for the render that unfolds the pane: a folded heading cannot take focus.
  const [focusQuestion, setFocusQuestion] = useState(false);
  const newHint = useQuestionNews(roundView, (news) => {
    // The interviewer did it: only the others are taken to the question.
    if (isInterviewer) return;
    if (onBoard && !phone) setOverBoard(true);
    else setQuestionShown(true);
    // After the pane has unfolded, a reveal takes the reader to the question, unless they are
    // typing or drawing somewhere (focus is never pulled out of the editor).
    const idle = document.activeElement === null || document.activeElement === document.body;
    if (news === 'revealed' && idle) setFocusQuestion(true);
  });
  useEffect(() => {
    if (!focusQuestion || questionHidden) return;
    document.getElementById('question-heading')?.focus();
    setFocusQuestion(false);
  }, [focusQuestion, questionHidden]);
  return { questionHidden, togglePane, newHint };
}
