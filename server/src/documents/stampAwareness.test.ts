import { describe, expect, it } from 'vitest';
import { type AwarenessEntry, stampEntry } from './stampAwareness.js';

const ann = { id: 'p-ann', name: 'Ann', role: 'candidate', color: '#f97316', colorLight: '#f9731633' };
const entry = (state: string): AwarenessEntry => ({
  clientId: 7,
  clock: 3,
  json: new TextEncoder().encode(state),
});

describe('stampEntry (P-ID-3)', () => {
  it('replaces the user a client claims with the connection identity, in the state and its JSON', () => {
    const claimed = JSON.stringify({
      user: { id: 'p-bob', name: 'Bob', role: 'interviewer' },
      cursor: { anchor: 4, head: 9 },
    });
    const stamped = stampEntry(entry(claimed), ann);
    expect(stamped).toMatchObject({ clientId: 7, clock: 3 });
    expect(stamped.state).toEqual({ user: ann, cursor: { anchor: 4, head: 9 } });
    expect(JSON.parse(stamped.json)).toEqual(stamped.state);
  });

  it('stamps a state that holds nothing else', () => {
    for (const state of ['{}', '{"user":"me"}']) {
      expect(JSON.parse(stampEntry(entry(state), ann).json)).toEqual({ user: ann });
    }
  });

  it('keeps a removal as null', () => {
    expect(stampEntry(entry('null'), ann)).toMatchObject({ state: null, json: 'null' });
  });

  it('refuses a state that is not an object', () => {
    for (const state of ['[1]', '3', '"x"', '{broken']) {
      expect(() => stampEntry(entry(state), ann)).toThrow();
    }
  });
});
