import { CODE_DOC } from '@mockloop/shared';
import type { useSharedDoc } from '../../docs/useSharedDoc';
import { CodeEditor } from '../CodeEditor';

interface Props {
  code: ReturnType<typeof useSharedDoc>;
  readOnly: boolean;
}

/**
 * Shared notes for behavioral and technical rounds: prose both players see and edit live, kept in
 * the round's code document under its own text. Not the interviewer's private notes.
 */
export function SharedNotesView({ code, readOnly: seatReadOnly }: Props) {
  const readOnly = seatReadOnly || code.problem?.frozen === true;
  return (
    <section className="workspace shared-notes" aria-label="Notes">
      <div className="toolbar">
        <span className="muted small">
          Both of you see these notes: jot down the story, the trade-offs, the numbers.
        </span>
        <div className="spacer" />
        {!code.synced && <span className="muted small">Loading notes…</span>}
      </div>
      {code.handle ? (
        <CodeEditor
          handle={code.handle}
          textName={CODE_DOC.sharedNotes}
          ariaLabel="Shared notes"
          variant="prose"
          readOnly={readOnly}
          placeholderText={
            readOnly ? 'Nothing written yet.' : 'Start typing; your partner sees it as you write.'
          }
        />
      ) : (
        <div className="editor-host prose" />
      )}
    </section>
  );
}
