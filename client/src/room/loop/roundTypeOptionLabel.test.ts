import { ROUND_TYPE_LABELS } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { roundTypeOptionLabel } from './roundTypeOptionLabel';

describe('round type option label', () => {
  const coding = ROUND_TYPE_LABELS.coding;

  it('is the plain type name off the plan', () => {
    expect(roundTypeOptionLabel('coding', undefined)).toBe(coding);
    expect(roundTypeOptionLabel('coding', { roundType: 'system-design', label: 'Design', minutes: 45 })).toBe(
      coding,
    );
  });

  it("marks the loop's next stage, naming it when its name differs", () => {
    expect(roundTypeOptionLabel('coding', { roundType: 'coding', label: coding, minutes: 45 })).toBe(
      `${coding} (next in the loop)`,
    );
    expect(roundTypeOptionLabel('coding', { roundType: 'coding', label: 'Onsite 2', minutes: 45 })).toBe(
      `${coding} (next in the loop: Onsite 2)`,
    );
  });
});
