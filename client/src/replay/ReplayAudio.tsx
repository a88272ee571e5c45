import type { ReplayInfo } from '@mockloop/shared';
import { useEffect, useRef, useState } from 'react';
import { audioStep } from './audioSync';
import { type LoadedRecording, useRecordings } from './useRecordings';
import type { ReplayPlayer } from './useReplayPlayer';

interface Props {
  roomId: string;
  round: number;
  /** A participant secret, report key or review key: whoever may replay may listen (P-AUDIO-4). */
  bearer: string;
  people: ReplayInfo['people'];
  player: ReplayPlayer;
}

/**
 * The round's voices (P-AUDIO-6): one `<audio>` per recording, following the replay's position
 * and its Play. Skipping idle stretches would skip the talking, so it is turned off once there
 * is something to hear.
 */
export function ReplayAudio({ roomId, round, bearer, people, player }: Props) {
  const state = useRecordings(roomId, round, bearer);
  const { setSkipIdle } = player;
  const heard = state.status === 'ready' && state.recordings.length > 0;
  useEffect(() => {
    if (heard) setSkipIdle(false);
  }, [heard, setSkipIdle]);

  if (state.status === 'loading') return null;
  if (state.status === 'error') {
    return <p className="muted small">The round's recordings could not load: {state.message}</p>;
  }
  if (state.recordings.length === 0) return null;
  const nameOf = (id: string) => people.find((p) => p.id === id)?.name ?? 'Someone';
  return (
    <ul className="replay-voices" aria-label="Voices">
      {state.recordings.map((recording) => (
        <li key={recording.info.id}>
          <RecordingTrack recording={recording} name={nameOf(recording.info.participantId)} player={player} />
        </li>
      ))}
    </ul>
  );
}

function RecordingTrack({
  recording,
  name,
  player,
}: {
  recording: LoadedRecording;
  name: string;
  player: ReplayPlayer;
}) {
  const audio = useRef<HTMLAudioElement>(null);
  // MediaRecorder's files carry no duration: it is known once the browser has read to the end.
  const [duration, setDuration] = useState<number | null>(null);
  const { position, playing, speed } = player;
  const { startedAt } = recording.info;

  useEffect(() => {
    const element = audio.current;
    if (!element || duration === null) return;
    const step = audioStep(position, startedAt, duration, playing, element.currentTime);
    element.playbackRate = speed;
    if (step.seek) element.currentTime = step.time;
    if (step.play && element.paused) element.play().catch(() => {});
    if (!step.play && !element.paused) element.pause();
  }, [position, playing, speed, startedAt, duration]);

  function measure(element: HTMLAudioElement) {
    if (Number.isFinite(element.duration)) {
      if (duration === null) element.currentTime = 0;
      setDuration(element.duration);
    } else {
      // Seeking far past the end makes the browser read the whole file and learn its duration.
      element.currentTime = Number.MAX_SAFE_INTEGER;
    }
  }

  return (
    <>
      <span className="small">Voice of {name}</span>
      {/* biome-ignore lint/a11y/useMediaCaption: there is no transcript to caption with: recordings are never put through speech recognition (DESIGN 9a) */}
      <audio
        ref={audio}
        src={recording.url}
        preload="auto"
        aria-label={`Voice of ${name}`}
        data-started-at={startedAt}
        onLoadedMetadata={(e) => measure(e.currentTarget)}
        onDurationChange={(e) => {
          if (Number.isFinite(e.currentTarget.duration)) measure(e.currentTarget);
        }}
      />
      {duration === null && <span className="muted small"> (loading…)</span>}
    </>
  );
}
