import { describe, expect, it } from 'vitest';
import { BoardFileType, BoardPresence } from './board.js';
import { docName, parseDocName } from './documents.js';
import { defaultView, FocusViewRequest } from './workspace.js';

const ROOM = 'AAAAAAAAAAAAAAAAAAAAAA';

describe('board and workspace protocol', () => {
  it('names the round board document and parses it back', () => {
    expect(docName(ROOM, 'board', 3)).toBe(`${ROOM}.board-3`);
    expect(parseDocName(`${ROOM}.board-3`)).toEqual({ roomId: ROOM, kind: 'board', round: 3 });
    expect(parseDocName(`${ROOM}.boards-3`)).toBeNull();
  });

  it('opens each round type on its view', () => {
    expect(defaultView('coding')).toBe('code');
    expect(defaultView('system-design')).toBe('board');
    expect(defaultView('behavioral')).toBe('notes');
    expect(defaultView('technical')).toBe('notes');
  });

  it('P-VIEW-1: a focus request names one of the views, nothing else', () => {
    expect(FocusViewRequest.safeParse({ view: 'board' }).success).toBe(true);
    expect(FocusViewRequest.safeParse({ view: 'slides' }).success).toBe(false);
    expect(FocusViewRequest.safeParse({}).success).toBe(false);
  });

  it('P-BOARD-2: parses a peer presence, and refuses absurd numbers and unknown tools', () => {
    const ok = {
      pointer: { x: 10, y: -5, tool: 'laser' },
      button: 'down',
      selectedElementIds: ['a'],
      viewport: { scrollX: 0, scrollY: 0, zoom: 1, width: 800, height: 600 },
      following: 12,
    };
    expect(BoardPresence.parse(ok)).toEqual(ok);
    expect(BoardPresence.safeParse({ ...ok, pointer: { x: 1, y: 1, tool: 'pen' } }).success).toBe(false);
    expect(
      BoardPresence.safeParse({ ...ok, pointer: { x: Number.NaN, y: 1, tool: 'pointer' } }).success,
    ).toBe(false);
    expect(BoardPresence.safeParse({ ...ok, viewport: { ...ok.viewport, zoom: 0 } }).success).toBe(false);
  });

  it('P-BOARD-3: only image types may be uploaded', () => {
    expect(BoardFileType.options).toEqual([
      'image/png',
      'image/jpeg',
      'image/gif',
      'image/webp',
      'image/svg+xml',
    ]);
    expect(BoardFileType.safeParse('text/html').success).toBe(false);
  });
});
