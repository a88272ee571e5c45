import type { InterviewerBrief } from '@mockloop/shared';

/**
 * The main reveal button's words: a question goes out in up to two steps (the prompt, then its
 * signature and examples), so the button names the step it takes next.
 */
export function revealButtonLabel(brief: Pick<InterviewerBrief, 'revealed' | 'detailsRevealed'>): string {
  if (brief.detailsRevealed) return 'Question revealed ✓';
  return brief.revealed ? 'Reveal signature and examples' : 'Reveal question';
}
