import { type DocAccess, NOTES_DOC, type ParticipantView } from '@mockloop/shared';
import { useSharedDoc } from '../../docs/useSharedDoc';
import { CodeEditor } from '../CodeEditor';
import { DocProblemBanner } from '../DocProblemBanner';

/** The interviewer's private notes for this round: a document only their token can open. */
export function PrivateNotes({ access, self }: { access: DocAccess; self: ParticipantView }) {
  const notes = useSharedDoc(access, self);
  return (
    <div className="notes">
      <p className="muted small">
        Only you can see these notes. They are saved as you type and kept with this round.
        {!notes.synced && ' Loading…'}
      </p>
      <DocProblemBanner problem={notes.problem} onReconnect={notes.reconnect} />
      {notes.handle && (
        <CodeEditor
          handle={notes.handle}
          textName={NOTES_DOC.text}
          ariaLabel="Private notes"
          variant="prose"
          readOnly={notes.problem?.frozen === true}
          placeholderText="What did the candidate do well? Where did they need help?"
        />
      )}
    </div>
  );
}
