import { describe, expect, it } from 'vitest';
import { revealButtonLabel } from './revealButtonLabel';

describe('reveal button label', () => {
  it('names the next step of the reveal', () => {
    expect(revealButtonLabel({ revealed: false, detailsRevealed: false })).toBe('Reveal question');
    expect(revealButtonLabel({ revealed: true, detailsRevealed: false })).toBe(
      'Reveal signature and examples',
    );
    expect(revealButtonLabel({ revealed: true, detailsRevealed: true })).toBe('Question revealed ✓');
  });
});
