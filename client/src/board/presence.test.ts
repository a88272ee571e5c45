import {
  BOARD_PRESENCE_FIELD,
  type BoardPresence,
  MAX_AWARENESS_STATE_BYTES,
  MAX_SHARED_SELECTION,
} from '@mockloop/shared';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { boardPeers, cursorId, followersOf, followViewport } from './boardPeers';
import { PresencePublisher } from './PresencePublisher';

const presence = (change: Partial<BoardPresence> = {}): BoardPresence => ({
  pointer: null,
  button: 'up',
  selectedElementIds: [],
  viewport: null,
  following: null,
  ...change,
});
const user = (name: string) => ({ id: `id-${name}`, name, color: '#6366f1', role: 'candidate' });

describe('board peers from awareness (P-BOARD-2)', () => {
  it('lists everyone but me with a stamped user, and ignores presence that does not parse', () => {
    const states = new Map<number, Record<string, unknown>>([
      [1, { user: user('Me'), [BOARD_PRESENCE_FIELD]: presence() }],
      [
        2,
        { user: user('Ivy'), [BOARD_PRESENCE_FIELD]: presence({ pointer: { x: 5, y: 6, tool: 'laser' } }) },
      ],
      [3, { user: user('Cal'), [BOARD_PRESENCE_FIELD]: { pointer: { x: 'evil' } } }],
      [4, { [BOARD_PRESENCE_FIELD]: presence() }],
    ]);
    const peers = boardPeers(states, 1);
    expect(peers.map((p) => p.user.name)).toEqual(['Ivy', 'Cal']);
    expect(peers[0]?.presence?.pointer).toEqual({ x: 5, y: 6, tool: 'laser' });
    expect(peers[1]?.presence).toBeNull();
  });

  it('says who follows me', () => {
    const states = new Map<number, Record<string, unknown>>([
      [2, { user: user('Ivy'), [BOARD_PRESENCE_FIELD]: presence({ following: 1 }) }],
      [3, { user: user('Obi'), [BOARD_PRESENCE_FIELD]: presence({ following: 2 }) }],
    ]);
    expect(followersOf(boardPeers(states, 1), 1)).toEqual(['Ivy']);
  });

  it("follows a leader's view: same zoom, same centre", () => {
    const leader = { scrollX: -100, scrollY: 50, zoom: 2, width: 800, height: 600 };
    expect(followViewport(leader, { width: 800, height: 600 })).toEqual({
      scrollX: -100,
      scrollY: 50,
      zoom: 2,
    });
    // A wider follower sees more around the same centre.
    const wide = followViewport(leader, { width: 1200, height: 600 });
    const centre = (v: { scrollX: number; zoom: number }, width: number) => -v.scrollX + width / 2 / v.zoom;
    expect(centre(wide, 1200)).toBeCloseTo(centre(leader, 800));
  });
});

describe('PresencePublisher', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('P-DOC-8: shares at most MAX_SHARED_SELECTION ids, so a select-all fits the awareness limit', () => {
    const sent: unknown[] = [];
    const publisher = new PresencePublisher({ setLocalStateField: (_f, value) => sent.push(value) });
    const ids = Array.from({ length: 2000 }, (_, i) => `element-id-${String(i).padStart(11, '0')}`);
    publisher.update({ selectedElementIds: ids, pointer: { x: 1e6, y: -1e6, tool: 'laser' } });
    const state = sent[0] as BoardPresence;
    expect(state.selectedElementIds).toHaveLength(MAX_SHARED_SELECTION);
    const stamped = {
      user: { id: 'p'.repeat(22), name: 'n'.repeat(40), role: 'interviewer', color: '#000000' },
    };
    const json = JSON.stringify({ ...stamped, [BOARD_PRESENCE_FIELD]: state, cursor: null });
    expect(new TextEncoder().encode(json).length).toBeLessThan(MAX_AWARENESS_STATE_BYTES);
    publisher.destroy();
  });

  it('sends the first change at once, merges the rest into one message per interval, drops no-ops', () => {
    vi.useFakeTimers();
    let clock = 0;
    const sent: BoardPresence[] = [];
    const publisher = new PresencePublisher(
      { setLocalStateField: (_field, value) => sent.push(value as BoardPresence) },
      33,
      () => clock,
    );
    publisher.update({ pointer: { x: 1, y: 1, tool: 'pointer' } });
    expect(sent).toHaveLength(1);
    for (let i = 2; i < 20; i++) {
      clock += 1;
      publisher.update({ pointer: { x: i, y: i, tool: 'pointer' } });
    }
    expect(sent).toHaveLength(1);
    clock += 40;
    vi.advanceTimersByTime(40);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.pointer).toEqual({ x: 19, y: 19, tool: 'pointer' });
    publisher.update({ pointer: { x: 19, y: 19, tool: 'pointer' } });
    vi.advanceTimersByTime(100);
    expect(sent).toHaveLength(2);
    publisher.destroy();
  });
});

describe('cursorId', () => {
  it("picks a stable id whose Excalidraw hue is the nearest to the person's colour", () => {
    const hash = (id: string) => {
      let h = 0;
      for (let i = 0; i < id.length; i++) h = (h << 5) - h + id.charCodeAt(i);
      return Math.abs(h);
    };
    // Orange (#f97316) is hue 24.6: Excalidraw's nearest step is 20.
    const id = cursorId('participant-1', '#f97316');
    expect(id).toBe(cursorId('participant-1', '#f97316'));
    expect((hash(id) % 37) * 10).toBe(20);
    expect((hash(cursorId('participant-2', '#22c55e')) % 37) * 10).toBe(140);
    expect(cursorId('participant-3', 'not a colour')).toBe('participant-3');
  });
});
