import { describe, expect, it } from 'vitest';
import { initialLobbyChoice } from './lobbyChoice';

describe('the lobby form first choice', () => {
  it('takes the track and round type from the address', () => {
    expect(initialLobbyChoice('?track=netflix-mle&roundType=system-design', 'Ivy')).toEqual({
      name: 'Ivy',
      trackId: 'netflix-mle',
      roundType: 'system-design',
      role: 'either',
    });
  });

  it('falls back to coding and no track', () => {
    expect(initialLobbyChoice('?roundType=karaoke', '')).toEqual({
      name: '',
      trackId: '',
      roundType: 'coding',
      role: 'either',
    });
  });
});
