import type { RoomReport } from '@mockloop/shared';
import { count, dateTime, timeOfDay } from '../lib/time';
import { names, overallText, reportStory } from './reportStory';

/**
 * What a report opens on: when and who, every round in order with its interviewer's verdict (each
 * a link to its section), and the overall verdict per candidate.
 */
export function ReportSummary({ report }: { report: RoomReport }) {
  const story = reportStory(report);
  const sameDay =
    story.endedAt !== null &&
    new Date(story.endedAt).toDateString() === new Date(story.startedAt).toDateString();
  return (
    <section className="report-summary" aria-labelledby="report-summary-heading">
      <h2 id="report-summary-heading" className="visually-hidden">
        Summary
      </h2>
      <p className="report-when">
        <time dateTime={new Date(story.startedAt).toISOString()}>{dateTime(story.startedAt)}</time>
        {story.endedAt !== null && <> to {sameDay ? timeOfDay(story.endedAt) : dateTime(story.endedAt)}</>}
        {' · '}
        {names(story.people)} · {count(story.rounds.length, 'round')}
        {report.loop && (
          <>
            {' · '}
            {report.loop.title} loop ({report.loop.played.length} of {report.loop.stages.length} stages
            played)
          </>
        )}
      </p>
      <ol className="report-rounds" aria-label="Rounds">
        {story.rounds.map((r) => (
          <li key={r.number}>
            <a href={`#round-${r.number}`}>
              <span className="report-round-stage">
                Round {r.number} · {r.stage}
              </span>{' '}
              <span className="muted">
                {r.interviewer} interviewed {r.candidate}
                {r.title ? ` · ${r.title}` : ''}
              </span>
            </a>
            <strong className={`report-verdict ${r.recommendation ?? 'none'}`}>{r.verdict}</strong>
          </li>
        ))}
      </ol>
      {story.overall.map((verdict) => (
        <p key={verdict.candidate} className="report-overall">
          Overall for {verdict.candidate}: <strong>{overallText(verdict)}</strong>
        </p>
      ))}
    </section>
  );
}
