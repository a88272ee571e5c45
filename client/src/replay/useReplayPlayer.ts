import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Replay } from './Replay';
import { frameMaker, type ReplayFrame } from './replayFrame';
import { countBefore, countUpTo } from './sortedTimes';
import { useReplayVersion } from './useReplay';

export const REPLAY_SPEEDS = [1, 4, 16] as const;
export type ReplaySpeed = (typeof REPLAY_SPEEDS)[number];

/** Skipping idle stretches jumps over any quiet longer than this (replay time)… */
const IDLE_MS = 3000;
/** …to just before the next thing that happens. */
const IDLE_LEAD_MS = 400;

export interface ReplayPlayer {
  /** Absolute time shown (ms). */
  position: number;
  frame: ReplayFrame;
  playing: boolean;
  speed: ReplaySpeed;
  skipIdle: boolean;
  seek(at: number): void;
  /** The previous or next moment something changed. */
  step(direction: -1 | 1): void;
  togglePlay(): void;
  setSpeed(speed: ReplaySpeed): void;
  setSkipIdle(skip: boolean): void;
}

/** Position, play state and the frame at the position, for one replay. */
export function useReplayPlayer(replay: Replay, initialAt?: number): ReplayPlayer {
  const clamp = useCallback((at: number) => Math.min(replay.end, Math.max(replay.start, at)), [replay]);
  const [position, setPosition] = useState(() => clamp(initialAt ?? replay.start));
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<ReplaySpeed>(1);
  const [skipIdle, setSkipIdle] = useState(true);
  const makeFrame = useMemo(() => frameMaker(replay), [replay]);
  // A new version (more rows arrived) can change what this position shows.
  const version = useReplayVersion(replay);
  // biome-ignore lint/correctness/useExhaustiveDependencies: version is the trigger, not an input
  const frame = useMemo(() => makeFrame(position), [makeFrame, position, version]);
  const positionRef = useRef(position);
  positionRef.current = position;

  const seek = useCallback((at: number) => setPosition(clamp(at)), [clamp]);

  const step = useCallback(
    (direction: -1 | 1) => {
      const { moments } = replay;
      const at = positionRef.current;
      if (direction > 0) seek(moments[countUpTo(moments, at)] ?? replay.end);
      else seek(moments[countBefore(moments, at) - 1] ?? replay.start);
    },
    [replay, seek],
  );

  const togglePlay = useCallback(() => {
    setPlaying((was) => {
      // Play from the start again once at the end.
      if (!was && positionRef.current >= replay.end) setPosition(replay.start);
      return !was;
    });
  }, [replay]);

  useEffect(() => {
    if (!playing) return;
    let last = performance.now();
    let handle = requestAnimationFrame(function tick(now) {
      let next = positionRef.current + (now - last) * speed;
      last = now;
      // Never past what has arrived: playing waits for the rows, like a video for its buffer.
      if (!replay.loaded) next = Math.min(next, Math.max(positionRef.current, replay.loadedUntil));
      if (skipIdle) {
        const upcoming = replay.moments[countUpTo(replay.moments, positionRef.current)] ?? replay.end;
        if (upcoming - next > IDLE_MS) next = upcoming - IDLE_LEAD_MS;
      }
      if (next >= replay.end) {
        setPosition(replay.end);
        setPlaying(false);
        return;
      }
      setPosition(next);
      handle = requestAnimationFrame(tick);
    });
    return () => cancelAnimationFrame(handle);
  }, [playing, speed, skipIdle, replay]);

  return { position, frame, playing, speed, skipIdle, seek, step, togglePlay, setSpeed, setSkipIdle };
}
