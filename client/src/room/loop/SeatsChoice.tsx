export type Seats = 'same' | 'swapped';

interface Props {
  value: Seats;
  partnerName: string;
  onChange(seats: Seats): void;
}

/** Who interviews in the next round: the same person again, or the partner. */
export function SeatsChoice({ value, partnerName, onChange }: Props) {
  return (
    <fieldset className="segmented">
      <legend>Who interviews</legend>
      {(['same', 'swapped'] as const).map((choice) => (
        <label key={choice} className={value === choice ? 'selected' : undefined}>
          <input type="radio" name="seats" checked={value === choice} onChange={() => onChange(choice)} />
          {choice === 'same' ? 'You again' : `${partnerName} (swap)`}
        </label>
      ))}
    </fieldset>
  );
}
