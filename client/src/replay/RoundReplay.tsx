import { type Language, languageLabel, type ReviewComment, type RoundType } from '@mockloop/shared';
import { type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { fetchFinalCode } from '../lib/api';
import { BoardPicture } from './BoardPicture';
import type { Replay } from './Replay';
import { ReplayPanel } from './ReplayPanel';
import { finalBoard } from './replayFrame';
import { useReplay, useReplayVersion } from './useReplay';

interface Props {
  roomId: string;
  secret: string;
  round: number;
  roundType: RoundType;
  language: Language;
  finalCode: string;
  /** The report holds only the start of the code: the rest loads on request. */
  codeTruncated: boolean;
  /** From a `?t=` link to this round: open the replay there and scroll to it. */
  linkedSeconds: number | undefined;
  /** Whose private notes the replay shows, by name; null when they are the reader's own. */
  notesOwner: string | null;
  /** Shown between what the round left and its replay (the round's feedback). */
  children?: ReactNode;
  /** Told where the replay's player is, in ms from its start (a review pins comments there). */
  onOffset?: (ms: number) => void;
  /** A friend's review comments on this round, drawn on its replay's timeline. */
  comments?: readonly ReviewComment[];
}

/**
 * What a round left, in the report: its final code and a picture of its final board (each only
 * when there is one; a system design round says so when nobody drew), then its replay.
 */
export function RoundReplay({
  roomId,
  secret,
  round,
  roundType,
  language,
  finalCode,
  codeTruncated,
  linkedSeconds,
  notesOwner,
  children,
  onOffset,
  comments,
}: Props) {
  const state = useReplay(roomId, round, secret);
  const host = useRef<HTMLDivElement>(null);
  const ready = state.status === 'ready';

  useEffect(() => {
    if (ready && linkedSeconds !== undefined) host.current?.scrollIntoView({ block: 'start' });
  }, [ready, linkedSeconds]);

  return (
    <div ref={host}>
      {finalCode.trim() !== '' && (
        <>
          <h3>Final code ({languageLabel(language)})</h3>
          <FinalCode
            roomId={roomId}
            secret={secret}
            round={round}
            start={finalCode}
            truncated={codeTruncated}
          />
        </>
      )}
      {state.status === 'ready' ? (
        <FinalBoard
          replay={state.replay}
          roomId={roomId}
          secret={secret}
          round={round}
          sayWhenEmpty={roundType === 'system-design'}
        />
      ) : (
        roundType === 'system-design' && (
          <p className="muted small">The board appears once the replay has loaded.</p>
        )
      )}

      {children}

      <h3 className="no-print">Replay</h3>
      {state.status === 'loading' && <p className="muted small no-print">Loading the replay…</p>}
      {state.status === 'error' && (
        <p className="error no-print">The replay could not load: {state.message}</p>
      )}
      {state.status === 'ready' && (
        <ReplayPanel
          replay={state.replay}
          roomId={roomId}
          secret={secret}
          language={language}
          initialSeconds={linkedSeconds}
          notesOwner={notesOwner}
          onOffset={onOffset}
          comments={comments}
        />
      )}
    </div>
  );
}

/** The final code; a very long one shows its start, and the whole of it on request. */
function FinalCode(props: {
  roomId: string;
  secret: string;
  round: number;
  start: string;
  truncated: boolean;
}) {
  const { roomId, secret, round, start, truncated } = props;
  const [whole, setWhole] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const text = whole ?? start;
  return (
    <>
      <pre className="code-block">{text}</pre>
      {truncated && whole === null && (
        <p className="muted small">
          The first {start.length.toLocaleString('en')} characters.{' '}
          <button
            type="button"
            className="button small-button"
            onClick={() =>
              fetchFinalCode(roomId, round, secret).then(setWhole, (err: Error) => setProblem(err.message))
            }
          >
            Show all of it
          </button>
          {problem && <span className="error"> {problem}</span>}
        </p>
      )}
    </>
  );
}

function FinalBoard({
  replay,
  roomId,
  secret,
  round,
  sayWhenEmpty,
}: {
  replay: Replay;
  roomId: string;
  secret: string;
  round: number;
  /** Say that nobody drew (a system design round), rather than leave the board out. */
  sayWhenEmpty: boolean;
}) {
  useReplayVersion(replay);
  const { loaded } = replay;
  const board = useMemo(() => (loaded ? finalBoard(replay) : []), [replay, loaded]);
  const drawn = (replay.info.docs.board?.rows ?? 0) > 0;
  if (!drawn && !sayWhenEmpty) return null;
  if (!loaded) {
    return (
      <>
        <h3>Final board</h3>
        <p className="muted small">The board appears once the replay has loaded.</p>
      </>
    );
  }
  if (board.length === 0) {
    return sayWhenEmpty ? (
      <>
        <h3>Final board</h3>
        <p className="muted small">No one drew on the board in this round.</p>
      </>
    ) : null;
  }
  return (
    <>
      <h3>Final board</h3>
      <BoardPicture elements={board} roomId={roomId} secret={secret} round={round} />
    </>
  );
}
