import { BOARD_DOC, CODE_DOC, NOTES_DOC } from '@mockloop/shared';
import type * as Y from 'yjs';
import { byIndex, type SyncedElement } from '../board/BoardBinding';
import type { SharedRun } from '../runner/sharedRuns';
import type { Replay } from './Replay';

/** What the round looked like at one moment. */
export interface ReplayFrame {
  /** Absolute time (ms). */
  at: number;
  code: string;
  sharedNotes: string;
  /** The interviewer's private notes; null for anyone else (they never receive them). */
  notes: string | null;
  /** Board elements in z-order, deleted ones left out; the same array while the board is unchanged. */
  elements: readonly SyncedElement[];
  /** Every run so far, oldest first. */
  runs: SharedRun[];
}

/**
 * Builds frames for one replay. Remembers the board's last row count, so a frame whose board did
 * not change hands back the same elements array (the board view redraws only on a real change).
 */
export function frameMaker(replay: Replay): (at: number) => ReplayFrame {
  let board: { rows: number; elements: readonly SyncedElement[] } = { rows: -1, elements: [] };
  return (at) => {
    const { code, notes } = replay.docs;
    const codeDoc = code?.docAfter(code.countAt(at));
    const boardTimeline = replay.docs.board;
    if (boardTimeline) {
      const rows = boardTimeline.countAt(at);
      if (rows !== board.rows) {
        board = { rows, elements: boardElements(boardTimeline.docAfter(rows)) };
      }
    }
    return {
      at,
      code: codeDoc?.getText(CODE_DOC.text).toString() ?? '',
      sharedNotes: codeDoc?.getText(CODE_DOC.sharedNotes).toString() ?? '',
      notes: notes ? notes.docAfter(notes.countAt(at)).getText(NOTES_DOC.text).toString() : null,
      elements: board.elements,
      runs: replay.runs.filter((r) => r.at <= at).map((r) => r.run),
    };
  };
}

/** A board document's elements in z-order, deleted ones left out. */
export function boardElements(doc: Y.Doc): SyncedElement[] {
  const map = doc.getMap<SyncedElement>(BOARD_DOC.elements);
  return [...map.values()].filter((e) => !e.isDeleted).sort(byIndex);
}

/** The round's board as it ended: every row applied. */
export function finalBoard(replay: Replay): SyncedElement[] {
  return replay.docs.board ? boardElements(replay.docs.board.built) : [];
}
