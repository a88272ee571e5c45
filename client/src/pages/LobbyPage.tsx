import type { PublicTrack } from '@mockloop/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { fetchTracks } from '../lib/api';
import { checkName } from '../lib/displayName';
import { storage } from '../lib/storage';
import { LobbyEntryForm } from './lobby/LobbyEntryForm';
import { LobbyWaitCard } from './lobby/LobbyWaitCard';
import { initialLobbyChoice, type LobbyChoice } from './lobby/lobbyChoice';
import { useLobbyQueue } from './lobby/useLobbyQueue';

/** /lobby: wait for a compatible stranger, then both land in a new room with roles set. */
export default function LobbyPage() {
  const [choice, setChoice] = useState<LobbyChoice>(() =>
    initialLobbyChoice(window.location.search, storage.name()),
  );
  const [tracks, setTracks] = useState<PublicTrack[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useLobbyQueue();

  useEffect(() => {
    document.title = 'Find a practice partner · Mockloop';
    fetchTracks().then(
      (list) => {
        setTracks(list);
        // The track asked for, when it is one of the list; else the first.
        setChoice((c) => ({
          ...c,
          trackId: list.some((t) => t.id === c.trackId) ? c.trackId : (list[0]?.id ?? ''),
        }));
      },
      (err: Error) => setError(err.message),
    );
  }, []);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (queue.entering) return; // a double click enters once
    const checked = checkName(choice.name);
    if ('error' in checked) return setError(checked.error);
    setError(null);
    storage.setName(checked.name);
    setError(await queue.enter({ ...choice, name: checked.name }));
  }

  return (
    <main className="centered">
      {queue.waiting ? (
        <LobbyWaitCard
          waiting={queue.waiting}
          roundType={choice.roundType}
          role={choice.role}
          onLeave={queue.leave}
        />
      ) : (
        <LobbyEntryForm
          choice={choice}
          onChange={(change) => setChoice((c) => ({ ...c, ...change }))}
          tracks={tracks}
          error={error}
          entering={queue.entering}
          onSubmit={onSubmit}
        />
      )}
    </main>
  );
}
