import { CODE_DOC, NOTES_DOC } from '@mockloop/shared';
import type { Replay } from './Replay';
import type { ReplayFrame } from './replayFrame';

/** Which views a round's replay has anything for (at any moment, or at this one). */
export interface ReplayContents {
  board: boolean;
  code: boolean;
  sharedNotes: boolean;
  notes: boolean;
  runs: boolean;
}

/**
 * What the round ever held, from the documents built so far and the frame at the position (the
 * frame counts too: a document still loading may be empty yet).
 */
export function replayContents(replay: Replay, frame: ReplayFrame): ReplayContents {
  const textLength = (doc: 'code' | 'notes', name: string) =>
    replay.docs[doc]?.built.getText(name).length ?? 0;
  return {
    board: (replay.info.docs.board?.rows ?? 0) > 0,
    code: textLength('code', CODE_DOC.text) > 0 || frame.code !== '',
    sharedNotes: textLength('code', CODE_DOC.sharedNotes) > 0 || frame.sharedNotes !== '',
    notes: textLength('notes', NOTES_DOC.text) > 0 || !!frame.notes,
    runs: replay.runs.length > 0,
  };
}
