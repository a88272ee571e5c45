import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { DOC_RULES } from '../protocol/docRules.js';
import { STORED_LIMITS, scanUpdate } from './scanUpdate.js';

describe('the scan in a browser (no Node Buffer)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('P-REPLAY-3: the page accepts board rows, whose elements are map entries, as the server does', () => {
    const doc = new Y.Doc();
    const rows: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => rows.push(update));
    doc.getMap('elements').set('box-é', { id: 'box-é', type: 'rectangle', x: 0, y: 0 });
    vi.stubGlobal('Buffer', undefined);
    for (const row of rows) expect(() => scanUpdate(row, DOC_RULES.board, STORED_LIMITS)).not.toThrow();
  });
});
