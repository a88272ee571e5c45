import { ClientEvent } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { listOf, staleReason } from './queuedActions';

const playing = { round: 2, ended: false, role: 'interviewer' as const };

describe('staleReason: an action clicked offline goes only where it was meant', () => {
  it('lets an action go when the round and seat are those of the click', () => {
    expect(staleReason(ClientEvent.RevealHint, playing, playing)).toBeNull();
    expect(staleReason(ClientEvent.EndRound, playing, playing)).toBeNull();
  });

  it('never sends a round action to the next round', () => {
    const next = { ...playing, round: 3 };
    for (const event of [
      ClientEvent.RevealHint,
      ClientEvent.Timer,
      ClientEvent.EndRound,
      ClientEvent.NextRound,
    ]) {
      expect(staleReason(event, playing, next)).toMatch(/^Not sent: round 2 was over .* round 3\.$/);
    }
  });

  it('drops what needs a running round once that round has ended, but not what belongs to the break', () => {
    const ended = { ...playing, ended: true };
    expect(staleReason(ClientEvent.RevealHint, playing, ended)).toContain('the hint no longer applies');
    expect(staleReason(ClientEvent.Timer, playing, ended)).toContain('the timer');
    expect(staleReason(ClientEvent.ProposeSwap, playing, ended)).toBeNull();
    expect(staleReason(ClientEvent.NextRound, ended, ended)).toBeNull();
  });

  it('drops a round action when the clicker has another seat now', () => {
    expect(staleReason(ClientEvent.Timer, playing, { ...playing, role: 'candidate' })).toContain('your seat');
  });

  it('always sends feedback (it names its round) and the language (it is the room’s)', () => {
    const later = { round: 5, ended: false, role: 'candidate' as const };
    expect(staleReason(ClientEvent.SubmitScorecard, playing, later)).toBeNull();
    expect(staleReason(ClientEvent.SetLanguage, playing, later)).toBeNull();
  });
});

describe('listOf', () => {
  it('joins names as a sentence does', () => {
    expect(listOf([])).toBe('');
    expect(listOf(['the hint'])).toBe('the hint');
    expect(listOf(['the hint', 'the timer'])).toBe('the hint and the timer');
    expect(listOf(['a', 'b', 'c'])).toBe('a, b and c');
  });
});
