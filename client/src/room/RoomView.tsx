import {
  type JoinResult,
  type Language,
  ROLE_LABELS,
  ROUND_TYPE_LABELS,
  type RoomState,
} from '@mockloop/shared';
import { useEffect, useState } from 'react';
import { BrandLink } from '../pages/BrandLink';
import { CodeEditor } from './CodeEditor';
import { ConnectionStatus } from './ConnectionStatus';
import { InviteButton } from './InviteButton';
import { LanguageSelect } from './LanguageSelect';
import { ParticipantsList } from './ParticipantsList';
import { useSharedDoc } from './useSharedDoc';

interface Props {
  join: JoinResult;
  room: RoomState;
  controlConnected: boolean;
  onLanguage(language: Language): Promise<string | null>;
  onAway(away: boolean): void;
}

/** The live room: header with status and invite, the shared editor, and the people in the room. */
export function RoomView({ join, room, controlConnected, onLanguage, onAway }: Props) {
  const self = room.participants.find((p) => p.id === join.self.id) ?? join.self;
  const code = useSharedDoc(join.documents.code, self);
  const [languageError, setLanguageError] = useState<string | null>(null);
  const isObserver = self.role === 'observer';

  useEffect(() => {
    const onVisibility = () => onAway(document.visibilityState === 'hidden');
    document.addEventListener('visibilitychange', onVisibility);
    return () => document.removeEventListener('visibilitychange', onVisibility);
  }, [onAway]);

  useEffect(() => {
    document.title = `${ROUND_TYPE_LABELS[room.roundType]} room · Mockloop`;
  }, [room.roundType]);

  async function changeLanguage(language: Language) {
    setLanguageError(await onLanguage(language));
  }

  return (
    <div className="room">
      <header className="room-header">
        <BrandLink />
        <span className="badge">{ROUND_TYPE_LABELS[room.roundType]} round</span>
        <span className={`badge role-${self.role}`}>You: {ROLE_LABELS[self.role]}</span>
        <div className="spacer" />
        <ConnectionStatus connected={controlConnected && code.connected} />
        <InviteButton roomId={room.roomId} />
      </header>
      <div className="room-body">
        <section className="workspace" aria-label="Code">
          <div className="toolbar">
            <LanguageSelect value={room.language} disabled={isObserver} onChange={changeLanguage} />
            {languageError && (
              <span role="alert" className="error small">
                {languageError}
              </span>
            )}
            {isObserver && <span className="muted small">You are observing: the editor is read-only.</span>}
            <div className="spacer" />
            {!code.synced && <span className="muted small">Loading code…</span>}
          </div>
          {code.handle ? (
            <CodeEditor handle={code.handle} language={room.language} readOnly={isObserver} />
          ) : (
            <div className="editor-host" />
          )}
        </section>
        <aside className="sidebar">
          <ParticipantsList participants={room.participants} selfId={self.id} />
        </aside>
      </div>
    </div>
  );
}
