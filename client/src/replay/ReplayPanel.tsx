import { CODE_DOC, type Language } from '@mockloop/shared';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { OutputPanel } from '../room/OutputPanel';
import { formatDuration } from '../room/RoundTimer';
import type { Replay } from './Replay';
import { ReplayCode } from './ReplayCode';
import { ReplayTimeline } from './ReplayTimeline';
import { finalBoard } from './replayFrame';
import { useReplayVersion } from './useReplay';
import { REPLAY_SPEEDS, type ReplaySpeed, useReplayPlayer } from './useReplayPlayer';

// Excalidraw is most of a megabyte: only rounds with a drawing load it.
const ReplayBoard = lazy(() => import('./ReplayBoard'));

const IDLE_RUNNER = { running: false, stage: null, live: '', hidden: null, notice: null };
const clock = (ms: number) => formatDuration(ms, 'down');

interface Props {
  replay: Replay;
  roomId: string;
  secret: string;
  language: Language;
  /** Where to start, in seconds from the beginning (a `?t=` link). */
  initialSeconds?: number;
}

/** One round's replay: controls, timeline, and the code, board, notes and runs at the position. */
export function ReplayPanel({ replay, roomId, secret, language, initialSeconds }: Props) {
  const player = useReplayPlayer(
    replay,
    initialSeconds === undefined ? undefined : replay.start + initialSeconds * 1000,
  );
  const { frame } = player;
  const round = replay.info.round;
  const offset = player.position - replay.start;
  const version = useReplayVersion(replay);
  const { loaded } = replay;
  // The whole drawing, to frame the board view on: known once every board row is in.
  const finalElements = useMemo(() => (loaded ? finalBoard(replay) : []), [replay, loaded]);
  const hasBoard = (replay.info.docs.board?.rows ?? 0) > 0;
  const hasSharedNotes =
    (replay.docs.code?.built.getText(CODE_DOC.sharedNotes).length ?? 0) > 0 || frame.sharedNotes !== '';
  // The board (Excalidraw: most of a megabyte to compile) mounts once the code has been painted.
  const [boardMounted, setBoardMounted] = useState(false);
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => setBoardMounted(true), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, []);
  // Past what has arrived, the views would show an incomplete moment: they say so instead.
  const waiting = !loaded && player.position > replay.loadedUntil;
  const [linkState, setLinkState] = useState<{ copied: boolean; url: string } | null>(null);

  async function copyLink() {
    const url = new URL(window.location.href);
    url.search = `?round=${round}&t=${Math.floor(offset / 1000)}`;
    url.hash = '';
    try {
      await navigator.clipboard.writeText(url.href);
      setLinkState({ copied: true, url: url.href });
    } catch {
      setLinkState({ copied: false, url: url.href }); // no clipboard: show it to copy by hand
    }
  }

  return (
    <section className="replay no-print" aria-label={`Replay of round ${round}`}>
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
        <button
          type="button"
          className="button replay-step"
          onClick={() => player.step(1)}
          title="Next change"
        >
          <svg viewBox="0 0 16 16" aria-hidden="true">
            <path d="M11 2h2v12h-2zM2 2v12l8-6z" />
          </svg>
          <span className="visually-hidden">Next change</span>
        </button>
        <span className="replay-clock" aria-hidden="true">
          {clock(offset)} / {clock(replay.end - replay.start)}
        </span>
        <label className="small">
          Replay speed{' '}
          <select
            value={player.speed}
            onChange={(e) => player.setSpeed(Number(e.target.value) as ReplaySpeed)}
          >
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
        <button type="button" className="button" onClick={copyLink}>
          Copy link to this moment
        </button>
      </div>
      {linkState && (
        <p className="small replay-link" role="status">
          {linkState.copied ? 'Link copied: ' : 'Copy this link: '}
          <input
            readOnly
            aria-label="Link to this moment"
            value={linkState.url}
            onFocus={(e) => e.target.select()}
          />
        </p>
      )}
      {!loaded && (
        <p className="replay-progress small muted" role="status">
          {replay.error ? (
            <span className="error">The rest of the replay could not load: {replay.error}</span>
          ) : (
            <>
              Loading the replay: {replay.loadedRows.toLocaleString()} of {replay.totalRows.toLocaleString()}{' '}
              changes{' '}
              <progress aria-label="Replay loaded" max={replay.totalRows || 1} value={replay.loadedRows} />
            </>
          )}
        </p>
      )}
      <ReplayTimeline replay={replay} player={player} version={version} />
      <div
        className={`replay-views${hasBoard ? ' with-board' : ''}${waiting ? ' waiting' : ''}`}
        aria-busy={waiting}
      >
        <ReplayCode text={frame.code} language={language} label="Code at this moment" />
        {hasBoard && !boardMounted && <p className="muted replay-board-loading">Loading the board…</p>}
        {hasBoard && boardMounted && (
          <Suspense fallback={<p className="muted replay-board-loading">Loading the board…</p>}>
            <ReplayBoard elements={frame.elements} fitTo={finalElements} roomId={roomId} secret={secret} />
          </Suspense>
        )}
      </div>
      <div className="replay-details">
        {hasSharedNotes && (
          <section aria-label="Shared notes at this moment">
            <h4>Shared notes</h4>
            <pre className="code-block">{frame.sharedNotes || ' '}</pre>
          </section>
        )}
        {frame.notes !== null && (
          <section aria-label="Private notes at this moment">
            <h4>Your private notes</h4>
            <pre className="code-block">{frame.notes || '(none yet)'}</pre>
          </section>
        )}
        <div>
          <h4>Runs so far</h4>
          <OutputPanel
            runs={frame.runs}
            state={IDLE_RUNNER}
            label="Runs at this moment"
            emptyText="No runs yet at this moment."
          />
        </div>
      </div>
    </section>
  );
}
