import type { FieldProblem } from '@mockloop/shared';

/** What the last action on My questions said: a status line, or an error with the fields at fault. */
export type Notice = { kind: 'status' | 'error'; text: string; problems?: FieldProblem[] } | null;

export function QuestionNotice({ notice }: { notice: NonNullable<Notice> }) {
  return (
    <div
      role={notice.kind === 'error' ? 'alert' : 'status'}
      className={notice.kind === 'error' ? 'error' : 'muted'}
    >
      <p>{notice.text}</p>
      {notice.problems && notice.problems.length > 0 && (
        <ul aria-label="Problems">
          {notice.problems.map((p) => (
            <li key={`${p.document ?? 0}:${p.field}:${p.reason}`}>
              {p.document ? `Question ${p.document}, ` : ''}
              <code>{p.field}</code>: {p.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
