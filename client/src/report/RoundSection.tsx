import type { ReviewComment, RoundReport } from '@mockloop/shared';
import { dateTime, formatDuration, timeOfDay } from '../lib/time';
import { RoundReplay } from '../replay/RoundReplay';
import { stageName } from './loopSummary';
import { RoundScores } from './RoundScores';
import { runLine } from './reportMarkdown';

/** One round of the report: who, how long, its notes, hints and runs, its replay and its scores. */
export function RoundSection({
  round,
  roomId,
  secret,
  linkedSeconds,
  notesOwner,
  comments,
}: {
  round: RoundReport;
  roomId: string;
  secret: string;
  linkedSeconds: number | undefined;
  /** Whose private notes a replay shows, by name; null when they are the reader's own. */
  notesOwner: string | null;
  /** A friend's review comments on this round, drawn on its replay's timeline. */
  comments: readonly ReviewComment[];
}) {
  return (
    <section className="report-round" aria-labelledby={`round-${round.number}`}>
      <h2 id={`round-${round.number}`}>
        Round {round.number} · {stageName(round)}: {round.question?.title ?? 'no question revealed'}
      </h2>
      <p className="muted">
        {round.interviewer?.name ?? '—'} interviewed {round.candidate?.name ?? '—'} · time used{' '}
        {formatDuration(round.timeUsedMs)} ·{' '}
        {round.endedAt ? `ended ${dateTime(round.endedAt)}` : 'in progress'}
        {round.hints.length === 0 && round.question ? ' · no hints' : ''}
      </p>
      {round.question && <p className="prompt">{round.question.prompt}</p>}
      <RoundActivity round={round} />
      <RoundReplay
        roomId={roomId}
        secret={secret}
        round={round.number}
        roundType={round.roundType}
        language={round.code.language}
        finalCode={round.code.text}
        codeTruncated={round.code.truncated}
        linkedSeconds={linkedSeconds}
        notesOwner={notesOwner}
        comments={comments}
      >
        <RoundScores round={round} />
      </RoundReplay>
    </section>
  );
}

/** What happened in the round, as text: its shared notes, the hints revealed and the runs. */
function RoundActivity({ round }: { round: RoundReport }) {
  return (
    <>
      {round.sharedNotes.text.trim() && (
        <>
          <h3>Shared notes</h3>
          <pre className="notes-block">{round.sharedNotes.text}</pre>
          {round.sharedNotes.truncated && (
            <p className="muted small">The start of the notes: the replay below has all of them.</p>
          )}
        </>
      )}
      {round.hints.length > 0 && (
        <>
          <h3>Hints revealed</h3>
          <ol>
            {round.hints.map((h) => (
              <li key={h.index}>
                <span className="muted small">{timeOfDay(h.revealedAt)}</span> {h.text}
              </li>
            ))}
          </ol>
        </>
      )}
      {round.runs.length > 0 && (
        <>
          <h3>Runs</h3>
          <ol className="report-runs small">
            {round.runs.map((run) => (
              <li key={`${run.at}-${run.by}`}>
                <span className="muted">{timeOfDay(run.at)}</span>{' '}
                <span className={`run-status ${run.status}`}>{runLine(run)}</span>
              </li>
            ))}
          </ol>
        </>
      )}
    </>
  );
}
