import type { InterviewerBrief } from '@mockloop/shared';
import { Prose } from '../../lib/Prose';

/**
 * A recruiter screen is a conversation, not code: what to cover, and the company's values and
 * unwritten rules to listen for while the candidate tells their stories.
 */
export function ScreenGuide({ screen }: { screen: NonNullable<InterviewerBrief['screen']> }) {
  return (
    <section className="screen-guide" aria-label="Recruiter screen guide">
      <h3>Recruiter screen at {screen.company}</h3>
      <ol className="small">
        <li>
          Introduce yourself and the role in a minute; ask for a two-minute walk through their background.
        </li>
        <li>Ask the behavioural question below; follow the story until you hear what they did themselves.</li>
        <li>Listen for the values; note in the shared notes where a story showed one, or missed it.</li>
        <li>Leave five minutes for their questions, then end the round and score it.</li>
      </ol>
      <h4 className="subhead">Values to listen for</h4>
      <ul className="chips">
        {screen.values.map((value) => (
          <li key={value} className="chip tag">
            {value}
          </li>
        ))}
      </ul>
      {screen.unwrittenRules.length > 0 && (
        <>
          <h4 className="subhead">Unwritten rules</h4>
          {screen.unwrittenRules.map((rule) => (
            <div key={rule.title} className="small">
              <strong>{rule.title}</strong>
              <Prose text={rule.description} />
            </div>
          ))}
        </>
      )}
    </section>
  );
}
