import { TIMER_WARNING_MS, type TimerView } from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { clock } from '../lib/serverClock';
import { formatDuration } from '../lib/time';
import { useAction } from '../lib/useAction';
import type { RoomActions } from './session/RoomActions';

function remaining(timer: TimerView): number {
  return timer.endsAt === null ? timer.remainingMs : Math.max(0, timer.endsAt - clock.now());
}

interface Props {
  timer: TimerView;
  /** The interviewer runs the clock; everyone else just sees it. */
  controls: boolean;
  ended: boolean;
  actions: RoomActions;
}

/**
 * The round's countdown: an end time on the server's clock, so every browser shows the same
 * time, and a refresh or a restart changes nothing. Warns at five minutes left and at zero.
 */
export function RoundTimer({ timer, controls, ended, actions }: Props) {
  const [left, setLeft] = useState(() => remaining(timer));
  const command = useAction(actions.timer);
  const running = timer.endsAt !== null;

  useEffect(() => {
    setLeft(remaining(timer));
    if (timer.endsAt === null) return;
    const tick = setInterval(() => setLeft(remaining(timer)), 250);
    return () => clearInterval(tick);
  }, [timer]);

  const level = left <= 0 ? 'over' : left <= TIMER_WARNING_MS ? 'warning' : 'ok';
  return (
    <div className={`round-timer ${level} ${running ? 'running' : 'paused'}`}>
      <div role="timer" aria-label="Time remaining" aria-live="off" className="time">
        {formatDuration(left)}
      </div>
      <span
        className={`timer-note ${level === 'ok' && !running && !ended ? 'quiet' : ''}`}
        aria-live="polite"
      >
        {level === 'over'
          ? "Time's up"
          : level === 'warning'
            ? '5 minutes left'
            : running
              ? ''
              : ended
                ? 'Ended'
                : 'Paused'}
      </span>
      {controls && !ended && (
        <div className="timer-controls">
          <button
            type="button"
            className="button small-button"
            disabled={command.busy}
            onClick={() => command.run({ action: running ? 'pause' : 'start' })}
          >
            {running ? 'Pause' : 'Start timer'}
          </button>
          <button
            type="button"
            className="button small-button"
            aria-label="Add 5 minutes"
            disabled={command.busy}
            onClick={() => command.run({ action: 'add', minutes: 5 })}
          >
            +5
          </button>
          <button
            type="button"
            className="button small-button"
            disabled={command.busy}
            onClick={() => command.run({ action: 'reset' })}
          >
            Reset
          </button>
        </div>
      )}
      {command.error && (
        <span role="alert" className="error small">
          {command.error}
        </span>
      )}
    </div>
  );
}
