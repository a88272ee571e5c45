import { describe, expect, it } from 'vitest';
import { rejoinDecision } from './rejoinDecision';

const room = '/r/AAAAAAAAAAAAAAAAAAAAAA';

describe('rejoinDecision: the call comes back by itself only after a refresh', () => {
  it('rejoins after a reload of the room itself', () => {
    expect(rejoinDecision(true, { type: 'reload', path: room }, room)).toBe('rejoin');
  });

  it('asks on any other visit: a link back from the report, Back, a reload of another page', () => {
    expect(rejoinDecision(true, { type: 'navigate', path: room }, room)).toBe('ask');
    expect(rejoinDecision(true, { type: 'back_forward', path: room }, room)).toBe('ask');
    expect(rejoinDecision(true, { type: 'reload', path: `${room}/report` }, room)).toBe('ask');
    expect(rejoinDecision(true, null, room)).toBe('ask');
  });

  it('does nothing for someone who was not in the call', () => {
    expect(rejoinDecision(false, { type: 'reload', path: room }, room)).toBe('none');
  });
});
