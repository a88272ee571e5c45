/** How far an audio element may drift from the timeline before it is moved back (seconds). */
export const AUDIO_DRIFT_S = 0.3;

export interface AudioStep {
  /** Where the audio should be, in seconds from its start (clamped into it). */
  time: number;
  /** Whether the timeline is inside the recording at all. */
  inside: boolean;
  /** Set `currentTime` to `time`: the element is too far from it. */
  seek: boolean;
  /** Whether the element should be playing. */
  play: boolean;
}

/**
 * What one recording's `<audio>` should do at a timeline position (P-AUDIO-6): its time is the
 * position less the recording's start; it plays while the replay plays inside it, and is moved
 * only when it drifts past `AUDIO_DRIFT_S` (moving it on every frame would stutter).
 */
export function audioStep(
  position: number,
  startedAt: number,
  durationS: number,
  playing: boolean,
  currentTime: number,
): AudioStep {
  const offset = (position - startedAt) / 1000;
  const inside = offset >= 0 && offset < durationS;
  const time = Math.min(Math.max(offset, 0), durationS);
  return { time, inside, seek: Math.abs(currentTime - time) > AUDIO_DRIFT_S, play: playing && inside };
}
