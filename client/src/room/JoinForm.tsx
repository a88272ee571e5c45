import { ROLE_LABELS, ROUND_TYPE_LABELS, type RoomSummary } from '@mockloop/shared';
import { type FormEvent, useId, useState } from 'react';
import { checkName } from '../lib/displayName';
import { storage } from '../lib/storage';
import { BrandLink } from '../ui/BrandLink';

interface Props {
  summary: RoomSummary;
  busy: boolean;
  error?: string;
  onJoin(name: string): void;
}

/** The invite link's landing page: a name, then Join room. The seat is decided by the server. */
export function JoinForm({ summary, busy, error, onJoin }: Props) {
  const [name, setName] = useState(storage.name);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const nameId = useId();
  const seat = summary.openSeats[0];

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkName(name);
    if ('error' in checked) {
      setProblem(checked.error);
      return;
    }
    setProblem(undefined);
    onJoin(checked.name);
  }

  const shown = problem ?? error;
  return (
    <main className="centered">
      <form className="card narrow" onSubmit={onSubmit}>
        <BrandLink />
        <h1>Join the interview room</h1>
        <p className="muted">
          {ROUND_TYPE_LABELS[summary.roundType]} round ·{' '}
          {seat ? (
            <>
              you will join as <strong>{ROLE_LABELS[seat]}</strong>
            </>
          ) : (
            <>
              both seats are taken; you will join as an <strong>Observer</strong>
            </>
          )}
        </p>
        <label htmlFor={nameId}>Your name</label>
        <input
          id={nameId}
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={40}
          autoComplete="nickname"
          // biome-ignore lint/a11y/noAutofocus: the name is the only thing this page asks for
          autoFocus
          required
        />
        {shown && (
          <p role="alert" className="error">
            {shown}
          </p>
        )}
        <button className="button primary wide" type="submit" disabled={busy}>
          {busy ? 'Joining…' : 'Join room'}
        </button>
      </form>
    </main>
  );
}
