import type { InterviewerBrief } from '@mockloop/shared';
import { Prose } from '../../lib/Prose';

/** The character the interviewer plays in this round (a recruiter, a hiring manager), folded. */
export function PersonaBrief({ persona }: { persona: NonNullable<InterviewerBrief['persona']> }) {
  return (
    <section className="brief-section">
      <details>
        <summary>
          <h4>
            You play: {persona.name} <span className="muted small">({persona.title})</span>
          </h4>
        </summary>
        <Prose className="small" text={persona.guidance} />
      </details>
    </section>
  );
}
