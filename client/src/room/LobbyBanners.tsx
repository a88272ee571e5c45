import type { LobbyStatus } from '@mockloop/shared';

interface Props {
  /** Who the lobby matched this person with, until they dismiss it (hidden while alone). */
  match: { partner: string; role: string } | null;
  onDismissMatch(): void;
  lobby: LobbyStatus | null;
  onLeaveQueue(): void;
}

/** What the lobby says in the room: whom it matched you with, or that you are queued again. */
export function LobbyBanners({ match, onDismissMatch, lobby, onLeaveQueue }: Props) {
  return (
    <>
      {match && (
        <div className="lobby-banner" role="status">
          The lobby matched you with {match.partner}:{' '}
          {match.role === 'interviewer' ? 'you interview' : 'you are the candidate'}.{' '}
          <button type="button" className="button small-button" onClick={onDismissMatch}>
            OK
          </button>
        </div>
      )}
      {lobby?.state === 'waiting' && (
        <div className="lobby-banner" role="status">
          Your partner did not arrive. You are back at the front of the queue (#{lobby.position}); we will
          move you to a new room as soon as someone is found.{' '}
          <button type="button" className="button small-button" onClick={onLeaveQueue}>
            Leave the queue
          </button>
        </div>
      )}
    </>
  );
}
