/**
 * A generated 60-minute interview, written into a real room's store as the server would have
 * written it: every keystroke and board edit one row with its time and author, the timeline's
 * events, the round's question, hints and end. Seeded, so every run replays the same interview.
 */
import { BOARD_DOC, CODE_DOC, docName, NOTES_DOC, seededRandom } from '@mockloop/shared';
import * as Y from 'yjs';
import { excalidrawElement } from '../../test-support/excalidrawElement.ts';

const MINUTE = 60_000;
const INTERVIEWER_COMMENTS =
  '# What is the complexity of this loop?\n# Consider an empty input.\n# Could a heap help here?\n';
/** As the DocManager's default. */
const COMPACT_AFTER_ROWS = 500;

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** The i-th key of an ordered list in Excalidraw's fractional indexing (a0, a1, … az, b00, …). */
function fractionalIndex(i) {
  return i < 62 ? `a${DIGITS[i]}` : `b${DIGITS[Math.floor((i - 62) / 62)]}${DIGITS[(i - 62) % 62]}`;
}

/** Excalidraw-shaped elements: the fields a real board stores, so rows have a real size. */
function element(random, id, type, version) {
  return excalidrawElement({
    id,
    type,
    x: Math.round(random() * 1600),
    y: Math.round(random() * 900),
    width: 40 + Math.round(random() * 260),
    height: 30 + Math.round(random() * 160),
    index: fractionalIndex(Number(id)),
    roundness: type === 'rectangle' ? { type: 3 } : null,
    seed: Math.floor(random() * 2 ** 31),
    version,
    versionNonce: Math.floor(random() * 2 ** 31),
    ...(type === 'arrow'
      ? {
          points: [
            [0, 0],
            [120, 60],
          ],
          startArrowhead: null,
          endArrowhead: 'arrow',
        }
      : {}),
    ...(type === 'text'
      ? {
          text: `service ${id}`,
          fontSize: 20,
          fontFamily: 5,
          textAlign: 'left',
          verticalAlign: 'top',
          containerId: null,
          originalText: `service ${id}`,
          autoResize: true,
          lineHeight: 1.25,
        }
      : {}),
  });
}

/** The start of the line that holds `index`. */
function lineStartNear(text, index) {
  return text.lastIndexOf('\n', Math.max(0, index - 1)) + 1;
}

/**
 * Writes the interview into round 1 of `roomId`.
 * @param {import('../../server/dist/store/Store.js').Store} store
 */
export async function writeInterview(
  store,
  { roomId, interviewerId, candidateId, keystrokes, boardEdits, corpus, seed = 7 },
) {
  const random = seededRandom(seed);
  const start = Date.now() - 62 * MINUTE;
  const end = start + 60 * MINUTE;
  const rows = { code: [], board: [], notes: [] };

  // Two people's editors, kept in sync the way the server relays updates.
  const editors = [new Y.Doc(), new Y.Doc()];
  const ids = [candidateId, interviewerId];
  let at = start + MINUTE;
  editors.forEach((doc, who) => {
    doc.on('update', (update, origin) => {
      if (origin === 'peer') return;
      rows.code.push({ data: update, at, author: ids[who] });
      Y.applyUpdate(editors[1 - who], update, 'peer');
    });
  });

  // Keystrokes in bursts (a key every 80-300 ms, pauses of seconds to a minute between bursts),
  // typing real code: the bank's reference solutions, over and over, with typos fixed by a
  // backspace and now and then a jump to another line. The interviewer types now and then too.
  const span = end - MINUTE - at;
  const meanGap = span / keystrokes;
  // Each person's cursor as a Yjs relative position, so the other's typing does not move it.
  const cursors = editors.map((doc) => Y.createRelativePositionFromTypeIndex(doc.getText(CODE_DOC.text), 0));
  const read = [0, 0];
  const typo = [false, false];
  let run = 0;
  for (let i = 0; i < keystrokes; i++) {
    const who = random() < 0.8 ? 0 : 1; // the candidate types most
    const doc = editors[who];
    const text = doc.getText(CODE_DOC.text);
    at += random() < 0.05 ? meanGap * 12 * random() : 80 + random() * 220;
    at = Math.min(at, end - MINUTE);
    let index = Y.createAbsolutePositionFromRelativePosition(cursors[who], doc)?.index ?? text.length;
    if (typo[who] && index > 0) {
      text.delete(index - 1, 1);
      index--;
      typo[who] = false;
    } else if (random() < 0.05) {
      text.insert(index, 'q');
      index++;
      typo[who] = true;
    } else {
      if (random() < 0.01) index = lineStartNear(text.toString(), Math.floor(random() * (text.length + 1)));
      // The interviewer writes comments; the candidate, the bank's solutions.
      const source = who === 0 ? corpus : INTERVIEWER_COMMENTS;
      text.insert(index, source.charAt(read[who] % source.length));
      read[who]++;
      index++;
    }
    // Just after what was typed: assoc -1 keeps the cursor after its own insertion.
    cursors[who] = Y.createRelativePositionFromTypeIndex(text, index, -1);
    // A run every 1,500 keystrokes or so.
    if (i > 0 && i % 1500 === 0) {
      run++;
      editors[0].getArray(CODE_DOC.runs).push([
        {
          id: `run-${run}`,
          by: { id: candidateId, name: 'Cal' },
          at,
          language: 'python',
          kind: run % 2 ? 'run' : 'tests',
          status: 'ok',
          durationMs: 40,
          output: `run ${run}\n`,
          ...(run % 2
            ? {}
            : { tests: [{ name: 't1', input: '1', expected: '1', got: '1', timeMs: 1, pass: run > 4 }] }),
        },
      ]);
    }
  }

  // Board edits through the interview: shapes added, then moved and resized (whole element each).
  const board = new Y.Doc();
  const elements = board.getMap(BOARD_DOC.elements);
  const versions = new Map();
  let boardAt = start + 2 * MINUTE;
  board.on('update', (update) =>
    rows.board.push({ data: update, at: boardAt, author: random() < 0.7 ? candidateId : interviewerId }),
  );
  for (let i = 0; i < boardEdits; i++) {
    boardAt = Math.min(end - MINUTE, boardAt + (random() < 0.1 ? 20_000 * random() : 150 + random() * 900));
    const id = String(i < 80 ? i : Math.floor(random() * 80));
    const version = (versions.get(id) ?? 0) + 1;
    versions.set(id, version);
    elements.set(id, element(random, id, ['rectangle', 'ellipse', 'arrow', 'text'][Number(id) % 4], version));
  }

  // The interviewer's private notes.
  const notes = new Y.Doc();
  let notesAt = start + MINUTE;
  notes.on('update', (update) => rows.notes.push({ data: update, at: notesAt, author: interviewerId }));
  for (let i = 0; i < 600; i++) {
    notesAt += 5000 * random();
    notes.getText(NOTES_DOC.text).insert(notes.getText(NOTES_DOC.text).length, 'noted '.charAt(i % 6));
  }

  // Stored as the server stores them: rows, and a checkpoint every COMPACT_AFTER_ROWS rows (the
  // DocManager's compaction), which is what a load (the report's final code, say) starts from.
  for (const [kind, list] of Object.entries(rows)) {
    const name = docName(roomId, kind, 1);
    const state = new Y.Doc();
    for (let i = 0; i < list.length; i += COMPACT_AFTER_ROWS) {
      const chunk = list.slice(i, i + COMPACT_AFTER_ROWS);
      const lastSeq = (await store.appendUpdates(new Map([[name, chunk]]))).get(name);
      for (const row of chunk) Y.applyUpdate(state, row.data);
      if (chunk.length === COMPACT_AFTER_ROWS) {
        await store.writeCheckpoint(name, {
          uptoSeq: lastSeq,
          state: Y.encodeStateAsUpdate(state),
          at: chunk.at(-1).at,
        });
      }
    }
  }

  const round = await store.getRound(roomId, 1);
  const hintTimes = [start + 15 * MINUTE, start + 30 * MINUTE];
  await store.updateRound(
    roomId,
    1,
    { questionId: 'netflix-mle-top-k-trending', revealedAt: start + MINUTE, hintTimes, endedAt: end },
    round.revision,
  );
  const event = (offset, type, data = {}) =>
    store.appendEvent({ roomId, round: 1, at: start + offset, type, data });
  await event(MINUTE, 'question-revealed', { questionId: 'netflix-mle-top-k-trending' });
  await event(MINUTE, 'timer', { action: 'start' });
  await event(15 * MINUTE, 'hint-revealed', { questionId: 'netflix-mle-top-k-trending', index: 0 });
  await event(30 * MINUTE, 'hint-revealed', { questionId: 'netflix-mle-top-k-trending', index: 1 });
  await event(40 * MINUTE, 'timer', { action: 'pause' });
  await event(41 * MINUTE, 'timer', { action: 'start' });
  await event(60 * MINUTE, 'round-ended');

  return {
    rows: { code: rows.code.length, board: rows.board.length, notes: rows.notes.length },
    finalCode: editors[0].getText(CODE_DOC.text).toString(),
    elements: elements.size,
  };
}
