import { OutputPanel } from '../runner/OutputPanel';
import type { ReplayContents } from './replayContents';
import type { ReplayFrame } from './replayFrame';
import { SharedNotesMoment } from './SharedNotesMoment';

/** The output panel's state when nothing is running: a replay only shows past runs. */
const IDLE_RUNNER = { running: false, stage: null, live: '', hidden: null, notice: null };

interface Props {
  frame: ReplayFrame;
  has: ReplayContents;
  /** Whose private notes these are, by name; null when they are the reader's own. */
  notesOwner: string | null;
}

/** Below the main views: the shared notes (when code took their place), private notes, and runs. */
export function ReplayDetails({ frame, has, notesOwner }: Props) {
  return (
    <div className="replay-details">
      {has.code && has.sharedNotes && <SharedNotesMoment text={frame.sharedNotes} />}
      {frame.notes !== null && has.notes && (
        <section aria-label="Private notes at this moment">
          <h4>{notesOwner === null ? 'Your private notes' : `${notesOwner}'s private notes`}</h4>
          <pre className="notes-block">{frame.notes || '(none yet)'}</pre>
        </section>
      )}
      {(has.code || has.runs) && (
        <div>
          <h4>Runs so far</h4>
          <OutputPanel
            runs={frame.runs}
            state={IDLE_RUNNER}
            label="Runs at this moment"
            emptyText="No runs yet at this moment."
          />
        </div>
      )}
    </div>
  );
}
