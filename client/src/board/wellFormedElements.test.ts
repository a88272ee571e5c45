import { describe, expect, it } from 'vitest';
import { wellFormedElements } from './wellFormedElements';

const base = {
  x: 10,
  y: 20,
  width: 100,
  height: 50,
  version: 3,
  versionNonce: 7,
  index: 'a0',
  isDeleted: false,
};

describe('wellFormedElements', () => {
  it('keeps the elements Excalidraw can restore, the same objects in the same order', () => {
    const rectangle = {
      ...base,
      id: 'r',
      type: 'rectangle',
      strokeColor: '#000',
      customField: { kept: true },
    };
    const arrow = {
      ...base,
      id: 'a',
      type: 'arrow',
      points: [
        [0, 0],
        [100, 50],
      ],
    };
    const text = { ...base, id: 't', type: 'text', text: 'cache', fontSize: 20 };
    const image = { ...base, id: 'i', type: 'image', fileId: 'x' };
    expect(wellFormedElements([rectangle, arrow, text, image])).toEqual([rectangle, arrow, text, image]);
    expect(wellFormedElements([rectangle])[0]).toBe(rectangle);
  });

  it('leaves out what a hostile peer can write into the board document', () => {
    const hostile = [
      { ...base, id: 'no-points', type: 'arrow' }, // restoreElements throws on this one
      { ...base, id: 'bad-points', type: 'freedraw', points: [['0', 0]] },
      { ...base, id: 'nan', type: 'rectangle', x: Number.NaN },
      { ...base, id: 'far', type: 'ellipse', y: Number.POSITIVE_INFINITY },
      { ...base, id: 'unknown', type: 'script' },
      { ...base, id: 'no-text', type: 'text' },
      { ...base, id: 7, type: 'rectangle' },
      { ...base, id: 'version', type: 'rectangle', version: 'many' },
      { ...base, id: 'bindings', type: 'rectangle', boundElements: [{ id: 'x', type: 'worm' }] },
      { ...base, id: 'too-many', type: 'line', points: Array.from({ length: 50_001 }, () => [0, 0]) },
      null,
      'rectangle',
      [],
    ];
    const good = { ...base, id: 'ok', type: 'diamond' };
    expect(wellFormedElements([...hostile, good])).toEqual([good]);
  });
});
