import { type KeyboardEvent, useMemo } from 'react';
import { formatDuration } from '../lib/time';
import type { Replay } from './Replay';
import { type ReplayMarker, withMarkers } from './replayMarkers';
import type { ReplayPlayer } from './useReplayPlayer';

/** Columns in an activity track: enough to see bursts, few enough to draw at once. */
const BUCKETS = 240;

const clock = (ms: number) => formatDuration(ms, 'down');

/**
 * The timeline: markers for the round's moments (each one a button that jumps there), the
 * position slider, and one activity track per person. Arrow keys step a second (Shift: ten),
 * PageUp/PageDown a minute, Home/End the ends.
 */
export function ReplayTimeline({
  replay,
  player,
  version,
  moreMarkers = [],
}: {
  replay: Replay;
  player: ReplayPlayer;
  version: number;
  /** Markers from outside the round's record: a review's comments. */
  moreMarkers?: readonly ReplayMarker[];
}) {
  const duration = Math.max(1, replay.end - replay.start);
  const offset = player.position - replay.start;
  // The tracks stay as they are while the position moves; they grow as rows arrive.
  // biome-ignore lint/correctness/useExhaustiveDependencies: version (more rows) is the trigger
  const tracks = useMemo(
    () =>
      replay.info.people.map((person) => <ActivityTrack key={person.id} replay={replay} person={person} />),
    [replay, version],
  );
  const buffered = replay.loaded ? 100 : ((replay.loadedUntil - replay.start) / duration) * 100;
  const place = (at: number) =>
    `calc(var(--thumb) + (100% - 2 * var(--thumb)) * ${(at - replay.start) / duration})`;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const moves: Record<string, number> = {
      ArrowLeft: -1000,
      ArrowDown: -1000,
      ArrowRight: 1000,
      ArrowUp: 1000,
      PageDown: -60_000,
      PageUp: 60_000,
    };
    if (event.key === 'Home') player.seek(replay.start);
    else if (event.key === 'End') player.seek(replay.end);
    else if (event.key in moves)
      player.seek(player.position + (moves[event.key] as number) * (event.shiftKey ? 10 : 1));
    else return;
    event.preventDefault();
  }

  return (
    <div className="replay-timeline">
      <ol className="replay-markers" aria-label="Moments">
        {withMarkers(replay.markers, moreMarkers).map((marker) => (
          <li key={`${marker.kind}-${marker.at}-${marker.label}`} style={{ left: place(marker.at) }}>
            <button
              type="button"
              className={`replay-marker ${marker.kind}${marker.ok === false ? ' failed' : ''}`}
              aria-label={`${marker.label} at ${clock(marker.at - replay.start)}`}
              title={`${clock(marker.at - replay.start)} · ${marker.label}${marker.detail ? `: ${marker.detail}` : ''}`}
              data-at={marker.at - replay.start}
              onClick={() => player.seek(marker.at)}
            />
          </li>
        ))}
      </ol>
      <input
        type="range"
        className="replay-slider"
        aria-label="Replay position"
        aria-valuetext={`${clock(offset)} of ${clock(duration)}`}
        min={0}
        max={duration}
        step="any"
        value={offset}
        onChange={(e) => player.seek(replay.start + Number(e.target.value))}
        onKeyDown={onKeyDown}
      />
      {!replay.loaded && (
        <div className="replay-buffered" aria-hidden="true">
          <div style={{ width: `${buffered}%` }} />
        </div>
      )}
      <ul className="replay-tracks" aria-label="Activity">
        {tracks}
        <li className="replay-cursor" aria-hidden="true" style={{ left: place(player.position) }} />
      </ul>
    </div>
  );
}

function ActivityTrack({ replay, person }: { replay: Replay; person: Replay['info']['people'][number] }) {
  const mine = replay.activity.get(person.id) ?? {};
  const typed = [...(mine.code ?? []), ...(mine.notes ?? [])];
  const drew = mine.board ?? [];
  const summary = [
    typed.length > 0 ? `typed ${typed.length} times` : null,
    drew.length > 0 ? `drew ${drew.length} times` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li className="replay-track">
      <span className="replay-track-name" style={{ color: person.color }}>
        {person.name}
        <span className="muted small"> {person.role}</span>
      </span>
      <svg
        role="img"
        aria-label={`Activity of ${person.name}: ${summary || 'nothing written'}`}
        viewBox={`0 0 ${BUCKETS} 2`}
        preserveAspectRatio="none"
      >
        {buckets(typed, replay).map((i) => (
          <rect key={`t${i}`} x={i} y={0} width={1} height={1} fill={person.color} />
        ))}
        {buckets(drew, replay).map((i) => (
          <rect key={`d${i}`} x={i} y={1} width={1} height={1} fill={person.color} opacity={0.55} />
        ))}
      </svg>
    </li>
  );
}

/** Which of the track's columns have at least one of these times. */
function buckets(times: readonly number[], replay: Replay): number[] {
  const duration = Math.max(1, replay.end - replay.start);
  const hit = new Set<number>();
  for (const at of times)
    hit.add(Math.min(BUCKETS - 1, Math.floor(((at - replay.start) / duration) * BUCKETS)));
  return [...hit];
}
