import { type LoopStageView, ROUND_TYPES, type RoundType } from '@mockloop/shared';
import { useId } from 'react';
import { oneOf } from '../../lib/oneOf';
import { roundTypeOptionLabel } from './roundTypeOptionLabel';

interface Props {
  value: RoundType;
  /** The loop's next stage, marked among the options. */
  planned: LoopStageView | undefined;
  onChange(roundType: RoundType): void;
}

export function RoundTypeSelect({ value, planned, onChange }: Props) {
  const id = useId();
  return (
    <>
      <label htmlFor={id}>Round type</label>
      <select id={id} value={value} onChange={(e) => onChange(oneOf(ROUND_TYPES, e.target.value) ?? value)}>
        {ROUND_TYPES.map((t) => (
          <option key={t} value={t}>
            {roundTypeOptionLabel(t, planned)}
          </option>
        ))}
      </select>
    </>
  );
}
