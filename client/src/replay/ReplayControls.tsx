import { formatDuration } from '../lib/time';
import { REPLAY_SPEEDS, type ReplayPlayer, type ReplaySpeed } from './useReplayPlayer';

const clock = (ms: number) => formatDuration(ms, 'down');

interface Props {
  player: ReplayPlayer;
  /** Where the player is, and how long the round is, in milliseconds from its start. */
  offsetMs: number;
  durationMs: number;
  onCopyLink(): void;
}

/** The replay's control bar: play, step between changes, speed, idle skipping, and a link to the moment. */
export function ReplayControls({ player, offsetMs, durationMs, onCopyLink }: Props) {
  return (
    <div className="replay-controls">
      <button type="button" className="button primary replay-play" onClick={player.togglePlay}>
        {player.playing ? 'Pause' : 'Play'}
      </button>
      <button
        type="button"
        className="button replay-step"
        onClick={() => player.step(-1)}
        title="Previous change"
      >
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M3 2h2v12H3zM14 2v12L6 8z" />
        </svg>
        <span className="visually-hidden">Previous change</span>
      </button>
      <button type="button" className="button replay-step" onClick={() => player.step(1)} title="Next change">
        <svg viewBox="0 0 16 16" aria-hidden="true">
          <path d="M11 2h2v12h-2zM2 2v12l8-6z" />
        </svg>
        <span className="visually-hidden">Next change</span>
      </button>
      <span className="replay-clock" aria-hidden="true">
        {clock(offsetMs)} / {clock(durationMs)}
      </span>
      <label className="small">
        Replay speed{' '}
        <select value={player.speed} onChange={(e) => player.setSpeed(Number(e.target.value) as ReplaySpeed)}>
          {REPLAY_SPEEDS.map((speed) => (
            <option key={speed} value={speed}>
              {speed}x
            </option>
          ))}
        </select>
      </label>
      <label className="small">
        <input
          type="checkbox"
          checked={player.skipIdle}
          onChange={(e) => player.setSkipIdle(e.target.checked)}
        />{' '}
        Skip idle stretches
      </label>
      <span className="spacer" />
      <button type="button" className="button" onClick={onCopyLink}>
        Copy link to this moment
      </button>
    </div>
  );
}
