import { ROUND_TYPE_LABELS, ROUND_TYPES, ROUTES, type RoundType, type SeatRole } from '@mockloop/shared';
import { type FormEvent, useId, useState } from 'react';
import { checkName } from '../../lib/displayName';
import { oneOf } from '../../lib/oneOf';
import { startRoom, startRoomError } from '../../lib/startRoom';
import { storage } from '../../lib/storage';
import { NameField, RoleChoice } from '../../practice/PractiseForm';

const ROUND_HINTS: Record<RoundType, string> = {
  'recruiter-screen': 'A fit conversation: shared notes, behavioural questions, the company values.',
  coding: 'Shared editor with highlighting for six languages.',
  'system-design': 'Architecture discussion with a shared editor for notes.',
  behavioral: 'Story-driven questions; the editor holds shared notes.',
  technical: 'Domain deep dive: ML, databases, debugging.',
};

/** The home page's "Start a room": name, round type and seat, then the new room. */
export function CreateRoomForm() {
  const [name, setName] = useState(storage.name);
  const [roundType, setRoundType] = useState<RoundType>('coding');
  const [role, setRole] = useState<SeatRole>('interviewer');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const roundId = useId();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const checked = checkName(name);
    if ('error' in checked) {
      setError(checked.error);
      return;
    }
    const trimmed = checked.name;
    setBusy(true);
    setError(null);
    try {
      await startRoom({ roundType, creatorRole: role, name: trimmed });
    } catch (err) {
      setError(startRoomError(err));
      setBusy(false);
    }
  }

  return (
    <form
      className="card create-form"
      onSubmit={onSubmit}
      aria-describedby={error ? 'create-error' : undefined}
    >
      <h2>Start a room</h2>
      <NameField value={name} onChange={setName} />
      <label htmlFor={roundId}>Round type</label>
      <select
        id={roundId}
        value={roundType}
        onChange={(e) => setRoundType(oneOf(ROUND_TYPES, e.target.value) ?? roundType)}
      >
        {ROUND_TYPES.map((type) => (
          <option key={type} value={type}>
            {ROUND_TYPE_LABELS[type]}
          </option>
        ))}
      </select>
      <p className="hint">{ROUND_HINTS[roundType]}</p>
      <RoleChoice value={role} onChange={setRole} />
      {error && (
        <p id="create-error" role="alert" className="error">
          {error}
        </p>
      )}
      <button className="button primary wide" type="submit" disabled={busy}>
        {busy ? 'Creating…' : 'Create room'}
      </button>
      <p className="or">
        No partner yet? <a href={ROUTES.lobby()}>Find a practice partner</a>
      </p>
    </form>
  );
}
