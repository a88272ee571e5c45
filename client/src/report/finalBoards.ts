import { DOC_RULES, STORED_LIMITS, scanUpdate } from '@mockloop/shared';
import * as Y from 'yjs';
import { fetchReplayInfo, fetchReplayRows } from '../lib/api';
import { describeBoard } from '../replay/describeBoard';
import { boardElements } from '../replay/replayFrame';
import type { BoardPicture } from './reportMarkdown';

/** A round's board as it ended: its rows fetched and applied (each scanned first, P-REPLAY-3). */
async function finalElements(roomId: string, round: number, secret: string) {
  const info = await fetchReplayInfo(roomId, round, secret);
  if (!info.docs.board?.rows) return [];
  const doc = new Y.Doc();
  try {
    let after = 0;
    for (;;) {
      const page = await fetchReplayRows(roomId, round, 'board', after, secret);
      for (const [, , , data] of page.rows) {
        const update = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
        try {
          scanUpdate(update, DOC_RULES.board, STORED_LIMITS);
          Y.applyUpdate(doc, update);
        } catch {
          // a row the scan refuses or Yjs throws on is left out, as the replay does
        }
      }
      if (page.next === null) return boardElements(doc);
      after = page.next;
    }
  } finally {
    doc.destroy();
  }
}

/**
 * Each drawn-on round's final board as an SVG picture, for the Markdown export. A round whose
 * board cannot be drawn is left out rather than failing the export.
 */
export async function finalBoards(
  roomId: string,
  rounds: readonly number[],
  secret: string,
): Promise<Map<number, BoardPicture>> {
  const pictures = new Map<number, BoardPicture>();
  const { boardSvg } = await import('../replay/boardSvg');
  for (const round of rounds) {
    try {
      const elements = await finalElements(roomId, round, secret);
      if (elements.length === 0) continue;
      const svg = await boardSvg(elements, roomId, secret);
      pictures.set(round, {
        svg: new XMLSerializer().serializeToString(svg),
        description: describeBoard(elements),
      });
    } catch {
      // the Markdown says nothing of a board it could not draw; the report page still shows it
    }
  }
  return pictures;
}
