import { type PublicTrack, ROLE_PREFERENCES, ROUND_TYPE_LABELS, ROUND_TYPES } from '@mockloop/shared';
import { type FormEvent, useId } from 'react';
import { oneOf } from '../../lib/oneOf';
import { BrandLink } from '../../ui/BrandLink';
import type { LobbyChoice } from './lobbyChoice';
import { ROLE_CHOICES } from './roleChoices';

interface Props {
  choice: LobbyChoice;
  onChange(change: Partial<LobbyChoice>): void;
  /** Null while loading. */
  tracks: PublicTrack[] | null;
  error: string | null;
  entering: boolean;
  onSubmit(event: FormEvent): void;
}

/** What to practise and as whom: the form that enters the lobby's queue. */
export function LobbyEntryForm({ choice, onChange, tracks, error, entering, onSubmit }: Props) {
  const { name, trackId, roundType, role } = choice;
  const ids = { name: useId(), track: useId(), round: useId() };
  return (
    <form className="card narrow" onSubmit={onSubmit} aria-labelledby="lobby-heading">
      <BrandLink />
      <h1 id="lobby-heading">Find a practice partner</h1>
      <p className="muted">We pair you with someone practising the same round, first come first served.</p>
      <label htmlFor={ids.name}>Your name</label>
      <input
        id={ids.name}
        value={name}
        maxLength={40}
        onChange={(e) => onChange({ name: e.target.value })}
        required
      />
      <label htmlFor={ids.track}>Track</label>
      <select
        id={ids.track}
        value={trackId}
        onChange={(e) => onChange({ trackId: e.target.value })}
        disabled={!tracks}
      >
        {(tracks ?? []).map((t) => (
          <option key={t.id} value={t.id}>
            {t.company.name} · {t.role}
          </option>
        ))}
      </select>
      <label htmlFor={ids.round}>Round type</label>
      <select
        id={ids.round}
        value={roundType}
        onChange={(e) => onChange({ roundType: oneOf(ROUND_TYPES, e.target.value) ?? roundType })}
      >
        {ROUND_TYPES.map((t) => (
          <option key={t} value={t}>
            {ROUND_TYPE_LABELS[t]}
          </option>
        ))}
      </select>
      <fieldset className="segmented">
        <legend>Preferred role</legend>
        {ROLE_PREFERENCES.map((r) => (
          <label key={r} className={role === r ? 'selected' : undefined}>
            <input
              type="radio"
              name="lobby-role"
              value={r}
              checked={role === r}
              onChange={() => onChange({ role: r })}
            />
            {ROLE_CHOICES[r]}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <button className="button primary wide" type="submit" disabled={!trackId || entering}>
        Find a partner
      </button>
    </form>
  );
}
