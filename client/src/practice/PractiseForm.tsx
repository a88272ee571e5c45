import type { CreateRoomRequest, CreateSimulationRequest, SeatRole } from '@mockloop/shared';
import { type Ref, useEffect, useId, useRef, useState } from 'react';
import { checkName } from '../lib/displayName';
import { startRoom, startRoomError, startSimulation } from '../lib/startRoom';
import { storage } from '../lib/storage';

/** What a practise button asks of the new room: its round type, and a question or a loop plan. */
export type PractiseRequest = Pick<CreateRoomRequest, 'roundType' | 'questionId' | 'loopTrackId'>;

/**
 * The state behind the track page's and the question preview's practise buttons: the creator's
 * name (the one remembered from last time first) and seat, and one room created at a time.
 */
export function usePractise() {
  const [name, setName] = useState(storage.name);
  const [role, setRole] = useState<SeatRole>('interviewer');
  /** Which button's room is being created (its key), so that one says so; null: none. */
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; name: boolean } | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  async function create(key: string, go: (name: string) => Promise<void>) {
    if (busy) return; // a double click creates one room
    const checked = checkName(name);
    if ('error' in checked) {
      setError({ message: checked.error, name: true });
      nameRef.current?.focus(); // the field may be a screen away from the button pressed
      return;
    }
    setBusy(key);
    setError(null);
    try {
      await go(checked.name);
    } catch (err) {
      setError({ message: startRoomError(err), name: false });
      setBusy(null);
    }
  }

  const start = (key: string, req: PractiseRequest) =>
    create(key, (checked) => startRoom({ ...req, creatorRole: role, name: checked }));
  /** A solo room with a simulated interviewer: the person is its candidate, whatever the seat chosen. */
  const simulate = (key: string, req: Omit<CreateSimulationRequest, 'name'>) =>
    create(key, (checked) => startSimulation({ ...req, name: checked }));

  return { name, setName, role, setRole, busy, error, nameRef, start, simulate };
}
export type Practise = ReturnType<typeof usePractise>;

/** The name field, as on the home page. */
export function NameField({
  value,
  onChange,
  inputRef,
  errorId,
}: {
  value: string;
  onChange: (name: string) => void;
  inputRef?: Ref<HTMLInputElement>;
  /** The id of the message saying the name is missing, while it is shown. */
  errorId?: string;
}) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Your name</label>
      <input
        id={id}
        ref={inputRef}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={40}
        autoComplete="nickname"
        placeholder="e.g. Ada"
        required
        aria-invalid={errorId ? true : undefined}
        aria-describedby={errorId}
      />
    </>
  );
}

/** Which seat the creator takes in the new room, as on the home page. */
export function RoleChoice({ value, onChange }: { value: SeatRole; onChange: (role: SeatRole) => void }) {
  const name = useId();
  return (
    <fieldset className="segmented">
      <legend>I will be the</legend>
      {(['interviewer', 'candidate'] as const).map((r) => (
        <label key={r} className={value === r ? 'selected' : undefined}>
          <input type="radio" name={name} value={r} checked={value === r} onChange={() => onChange(r)} />
          {r === 'interviewer' ? 'Interviewer' : 'Candidate'}
        </label>
      ))}
    </fieldset>
  );
}

/** The name, the seat and the error of a usePractise, for a page to put its buttons beside. */
export function PractiseFields({ practise }: { practise: Practise }) {
  const errorId = useId();
  const errorRef = useRef<HTMLParagraphElement>(null);
  const { error } = practise;
  useEffect(() => {
    // A button far down the page failed: bring its message into view.
    if (error && !error.name) errorRef.current?.scrollIntoView({ block: 'nearest' });
  }, [error]);
  return (
    <>
      <NameField
        value={practise.name}
        onChange={practise.setName}
        inputRef={practise.nameRef}
        errorId={error?.name ? errorId : undefined}
      />
      <RoleChoice value={practise.role} onChange={practise.setRole} />
      {error && (
        <p id={errorId} ref={errorRef} role="alert" className="error">
          {error.message}
        </p>
      )}
    </>
  );
}
