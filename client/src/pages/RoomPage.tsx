import { JoinForm } from '../room/JoinForm';
import { RoomView } from '../room/RoomView';
import { useRoomSession } from '../room/useRoomSession';
import { FullPageMessage } from '../ui/FullPageMessage';
import { NotFoundPage } from './NotFoundPage';

/** /r/:roomId: finds the room, asks for a name if this browser has no seat, then shows the room. */
export default function RoomPage({ roomId }: { roomId: string }) {
  const { session, connected, brief, lobby, simulation, joinWithName, actions, offline } =
    useRoomSession(roomId);

  switch (session.status) {
    case 'loading':
      return <FullPageMessage text="Looking up the room…" />;
    case 'not-found':
      return <NotFoundPage what="room" />;
    case 'deleted':
      return (
        <FullPageMessage
          title="This room was deleted"
          text="Someone seated in it deleted the room: its code, board, notes, feedback and images are gone from the server."
        />
      );
    case 'error':
      return <FullPageMessage title="The room could not be opened" text={session.message} />;
    case 'needs-name':
    case 'joining':
      return (
        <JoinForm
          summary={session.summary}
          busy={session.status === 'joining'}
          error={session.status === 'needs-name' ? session.error : undefined}
          onJoin={joinWithName}
        />
      );
    case 'joined':
      return (
        <RoomView
          join={session.join}
          documents={session.grants.documents}
          room={session.room}
          brief={brief}
          lobby={lobby}
          simulation={simulation}
          controlConnected={connected}
          actions={actions}
          offline={offline}
        />
      );
  }
}
