import type { Language, ReviewComment } from '@mockloop/shared';
import { lazy, Suspense, useEffect, useMemo } from 'react';
import { MomentLinkNotice } from './MomentLinkNotice';
import type { Replay } from './Replay';
import { ReplayAudio } from './ReplayAudio';
import { ReplayCode } from './ReplayCode';
import { ReplayControls } from './ReplayControls';
import { ReplayDetails } from './ReplayDetails';
import { ReplayLoadProgress } from './ReplayLoadProgress';
import { ReplayTimeline } from './ReplayTimeline';
import { replayContents } from './replayContents';
import { finalBoard } from './replayFrame';
import { commentMarkers } from './replayMarkers';
import { SharedNotesMoment } from './SharedNotesMoment';
import { useMomentLink } from './useMomentLink';
import { useMountAfterPaint } from './useMountAfterPaint';
import { useReplayVersion } from './useReplay';
import { useReplayPlayer } from './useReplayPlayer';

const NO_COMMENTS: readonly ReviewComment[] = [];

// Excalidraw is most of a megabyte: only rounds with a drawing load it.
const ReplayBoard = lazy(() => import('./ReplayBoard'));

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
  /** A friend's review comments, drawn on the timeline at their moments. */
  comments?: readonly ReviewComment[];
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
  comments = NO_COMMENTS,
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
  // A round without code (a screen, a design round) shows no empty editor: its notes take the place.
  const has = replayContents(replay, frame);
  // The board (Excalidraw: most of a megabyte to compile) mounts once the code has been painted.
  const boardMounted = useMountAfterPaint();
  // Past what has arrived, the views would show an incomplete moment: they say so instead.
  const waiting = !loaded && player.position > replay.loadedUntil;
  const { linkState, copyLink } = useMomentLink(roomId, secret);
  const commentMoments = useMemo(() => commentMarkers(comments, replay.start), [comments, replay.start]);

  return (
    <section className="replay no-print" aria-label={`Replay of round ${round}`}>
      <ReplayControls
        player={player}
        offsetMs={offset}
        durationMs={replay.end - replay.start}
        onCopyLink={() => copyLink(round, offset)}
      />
      {linkState && <MomentLinkNotice linkState={linkState} />}
      <ReplayAudio
        roomId={roomId}
        round={round}
        bearer={secret}
        people={replay.info.people}
        player={player}
      />
      {!loaded && <ReplayLoadProgress replay={replay} />}
      <ReplayTimeline replay={replay} player={player} version={version} moreMarkers={commentMoments} />
      <div
        className={`replay-views${has.board && has.code ? ' with-board' : ''}${waiting ? ' waiting' : ''}`}
        aria-busy={waiting}
      >
        {has.code && <ReplayCode text={frame.code} language={language} label="Code at this moment" />}
        {!has.code && has.sharedNotes && (
          <SharedNotesMoment text={frame.sharedNotes} className="replay-notes" />
        )}
        {has.board && !boardMounted && <p className="muted replay-board-loading">Loading the board…</p>}
        {has.board && boardMounted && (
          <Suspense fallback={<p className="muted replay-board-loading">Loading the board…</p>}>
            <ReplayBoard elements={frame.elements} fitTo={finalElements} roomId={roomId} secret={secret} />
          </Suspense>
        )}
      </div>
      <ReplayDetails frame={frame} has={has} notesOwner={notesOwner} />
    </section>
  );
}
