import { CODE_DOC, type Language, NOTES_DOC } from '@mockloop/shared';
import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { fetchReportKey } from '../lib/api';
import { reportKeyFromLink } from '../lib/reportLink';
import { formatDuration } from '../lib/time';
import { OutputPanel } from '../runner/OutputPanel';
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
  /** Whose private notes these are, by name; null when they are the reader's own. */
  notesOwner?: string | null;
  /** Told where the player is, in ms from the start (a review pins comments there). */
  onOffset?: (ms: number) => void;
}

/** One round's replay: controls, timeline, and the code, board, notes and runs at the position. */
export function ReplayPanel({
  replay,
  roomId,
  secret,
  language,
  initialSeconds,
  notesOwner = null,
  onOffset,
}: Props) {
  const player = useReplayPlayer(
    replay,
    initialSeconds === undefined ? undefined : replay.start + initialSeconds * 1000,
  );
  const { frame } = player;
  const round = replay.info.round;
  const offset = player.position - replay.start;
  useEffect(() => onOffset?.(offset), [offset, onOffset]);
  const version = useReplayVersion(replay);
  const { loaded } = replay;
  // The whole drawing, to frame the board view on: known once every board row is in.
  const finalElements = useMemo(() => (loaded ? finalBoard(replay) : []), [replay, loaded]);
  const hasBoard = (replay.info.docs.board?.rows ?? 0) > 0;
  const hasSharedNotes =
    (replay.docs.code?.built.getText(CODE_DOC.sharedNotes).length ?? 0) > 0 || frame.sharedNotes !== '';
  // A round without code (a screen, a design round) shows no empty editor: its notes take the place.
  const hasCode = (replay.docs.code?.built.getText(CODE_DOC.text).length ?? 0) > 0 || frame.code !== '';
  const hasNotes = (replay.docs.notes?.built.getText(NOTES_DOC.text).length ?? 0) > 0 || !!frame.notes;
  const hasRuns = replay.runs.length > 0;
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

  /**
   * A link to this moment that opens in any browser: it carries a report key (the one this page
   * was opened with, or this person's own), like Copy report link (P-PRIV-6).
   */
  async function copyLink() {
    const url = new URL(window.location.href);
    // Rounded up: the link shows at least what is on screen now, never a second before it.
    url.search = `?round=${round}&t=${Math.ceil(offset / 1000)}`;
    try {
      const key = reportKeyFromLink(url.hash) ?? (await fetchReportKey(roomId, secret));
      url.hash = `key=${key}`;
    } catch {
      url.hash = ''; // no key to be had: a link for the browsers that took part
    }
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
          {linkState.copied ? 'Link copied. ' : 'Copy this link. '}
          {linkState.url.includes('#key=')
            ? 'Anyone with it can read this report, read-only, in any browser: '
            : ''}
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
        className={`replay-views${hasBoard && hasCode ? ' with-board' : ''}${waiting ? ' waiting' : ''}`}
        aria-busy={waiting}
      >
        {hasCode && <ReplayCode text={frame.code} language={language} label="Code at this moment" />}
        {!hasCode && hasSharedNotes && (
          <section aria-label="Shared notes at this moment" className="replay-notes">
            <h4>Shared notes</h4>
            <pre className="notes-block">{frame.sharedNotes || ' '}</pre>
          </section>
        )}
        {hasBoard && !boardMounted && <p className="muted replay-board-loading">Loading the board…</p>}
        {hasBoard && boardMounted && (
          <Suspense fallback={<p className="muted replay-board-loading">Loading the board…</p>}>
            <ReplayBoard elements={frame.elements} fitTo={finalElements} roomId={roomId} secret={secret} />
          </Suspense>
        )}
      </div>
      <div className="replay-details">
        {hasCode && hasSharedNotes && (
          <section aria-label="Shared notes at this moment">
            <h4>Shared notes</h4>
            <pre className="notes-block">{frame.sharedNotes || ' '}</pre>
          </section>
        )}
        {frame.notes !== null && hasNotes && (
          <section aria-label="Private notes at this moment">
            <h4>{notesOwner === null ? 'Your private notes' : `${notesOwner}'s private notes`}</h4>
            <pre className="notes-block">{frame.notes || '(none yet)'}</pre>
          </section>
        )}
        {(hasCode || hasRuns) && (
          <div>
            <h4>Runs so far</h4>
            <OutputPanel
              runs={frame.runs}
              state={IDLE_RUNNER}
              label="Runs at this moment"
              emptyText="No runs yet at this moment."
            />
          </div>
        )}
      </div>
    </section>
  );
}
