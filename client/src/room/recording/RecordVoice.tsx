import { useVoiceRecording } from './useVoiceRecording';
import './recording.css';

interface Props {
  roomId: string;
  secret: string;
  round: number;
  /** The round runs: recording can start. */
  running: boolean;
}

/**
 * Think out loud, recorded (P-AUDIO-6): the person's explicit consent (`Record my voice`), and a
 * visible sign for as long as their microphone is being recorded. Only their own voice, for this
 * round; the replay plays it back to whoever may watch it.
 */
export function RecordVoice({ roomId, secret, round, running }: Props) {
  const { consented, setConsented, status } = useVoiceRecording(roomId, secret, round, running);
  const recording = consented && status?.phase === 'recording';
  const kib = Math.round((status?.uploadedBytes ?? 0) / 1024);
  return (
    <section className="panel recording-panel" aria-label="Voice recording">
      <button
        type="button"
        className="button small-button"
        aria-pressed={consented}
        disabled={!running && !consented}
        onClick={() => setConsented(!consented)}
      >
        Record my voice
      </button>
      {recording && (
        <>
          <p role="status" className="recording-indicator">
            <span aria-hidden="true" className="recording-dot" /> Recording your voice
          </p>
          {/* Outside the status: a count that changes every few seconds is not worth announcing. */}
          <p className="muted small">{kib} KiB saved</p>
        </>
      )}
      {!consented && (
        <p className="muted small">
          Records only your microphone, for this round; it plays in the round's replay for whoever may watch
          it, and is deleted with the room.
        </p>
      )}
      {status?.problem && (
        <p className="error small" role="alert">
          {status.problem}
        </p>
      )}
    </section>
  );
}
