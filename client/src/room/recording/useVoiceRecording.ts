import { useEffect, useState } from 'react';
import { type RecorderStatus, VoiceRecorder } from './VoiceRecorder';

export interface VoiceRecording {
  /** The person said yes to recording this round. */
  consented: boolean;
  setConsented(on: boolean): void;
  status: RecorderStatus | null;
}

/**
 * Records this person's voice while they consent and the round runs (P-AUDIO-6): a new
 * recording for each round, stopped at its end (consent is asked again for the next one) and
 * when the person turns it off or leaves the page.
 */
export function useVoiceRecording(
  roomId: string,
  secret: string,
  round: number,
  running: boolean,
): VoiceRecording {
  const [consented, setConsented] = useState(false);
  const [status, setStatus] = useState<RecorderStatus | null>(null);
  const active = consented && running;

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new round is a new recording
  useEffect(() => {
    if (!active) return;
    const recorder = new VoiceRecorder(roomId, secret, setStatus);
    void recorder.start();
    return () => recorder.stop();
  }, [active, roomId, secret, round]);

  // The round ended or another began: this round's consent ends with it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: round is the trigger
  useEffect(() => {
    if (!running) setConsented(false);
  }, [running, round]);

  return { consented, setConsented, status };
}
