import { describe, expect, it } from 'vitest';
import { AUDIO_DRIFT_S, audioStep } from './audioSync';

describe('audioStep (P-AUDIO-6)', () => {
  it('places the audio at the position less its start and plays it while the replay plays inside it', () => {
    expect(audioStep(12_500, 10_000, 30, true, 2.5)).toEqual({
      time: 2.5,
      inside: true,
      seek: false,
      play: true,
    });
    expect(audioStep(12_500, 10_000, 30, false, 2.5)).toMatchObject({ inside: true, play: false });
  });

  it('moves the audio only when it drifted past the tolerance', () => {
    expect(audioStep(12_500, 10_000, 30, true, 2.5 + AUDIO_DRIFT_S / 2).seek).toBe(false);
    expect(audioStep(12_500, 10_000, 30, true, 0).seek).toBe(true);
  });

  it('is silent before the recording started and after it ended, waiting at its nearer end', () => {
    expect(audioStep(9_000, 10_000, 30, true, 0)).toEqual({
      time: 0,
      inside: false,
      seek: false,
      play: false,
    });
    expect(audioStep(50_000, 10_000, 30, true, 0)).toMatchObject({
      time: 30,
      inside: false,
      seek: true,
      play: false,
    });
  });
});
