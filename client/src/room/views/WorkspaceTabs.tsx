import { WORKSPACE_VIEW_LABELS, WORKSPACE_VIEWS, type WorkspaceView } from '@mockloop/shared';
import { useAction } from '../../lib/useAction';

interface Props {
  view: WorkspaceView;
  onSelect: (view: WorkspaceView) => void;
  /** The interviewer's "bring everyone here"; absent for everyone else. */
  onFocusAll?: (view: WorkspaceView) => Promise<string | null>;
  notice: string | null;
  onDismissNotice: () => void;
  /** Folds the question pane away to give the view more room (absent when it cannot fold). */
  questionHidden: boolean;
  onToggleQuestion?: () => void;
  /** What the pane holds now: the question, or the feedback at a round's end. */
  paneLabel?: string;
}

/** Switches the central view (code, whiteboard, shared notes); the interviewer can bring everyone along. */
export function WorkspaceTabs({
  view,
  onSelect,
  onFocusAll,
  notice,
  onDismissNotice,
  questionHidden,
  onToggleQuestion,
  paneLabel = 'Question',
}: Props) {
  const focus = useAction((next: WorkspaceView) => onFocusAll?.(next) ?? Promise.resolve(null));
  return (
    <div className="view-tabs">
      {onToggleQuestion && (
        <button
          type="button"
          className={`pane-toggle ${questionHidden ? 'folded' : ''}`}
          aria-expanded={!questionHidden}
          title={
            questionHidden ? `Show the ${paneLabel.toLowerCase()}` : `Hide the ${paneLabel.toLowerCase()}`
          }
          onClick={onToggleQuestion}
        >
          <span aria-hidden="true">{questionHidden ? '›' : '‹'}</span>
          {questionHidden ? ` ${paneLabel}` : <span className="visually-hidden">{paneLabel}</span>}
        </button>
      )}
      <div role="tablist" aria-label="Views" className="view-tablist">
        {WORKSPACE_VIEWS.map((option) => (
          <button
            key={option}
            type="button"
            role="tab"
            aria-selected={view === option}
            className={`tab view-tab ${view === option ? 'active' : ''}`}
            onClick={() => onSelect(option)}
          >
            {WORKSPACE_VIEW_LABELS[option]}
          </button>
        ))}
      </div>
      {notice && (
        <span className="view-notice small" aria-live="polite">
          {notice}{' '}
          <button type="button" className="link-button" onClick={onDismissNotice}>
            OK
          </button>
        </span>
      )}
      <div className="spacer" />
      {focus.error && (
        <span role="alert" className="error small">
          {focus.error}
        </span>
      )}
      {onFocusAll && (
        <button
          type="button"
          className="button small-button"
          disabled={focus.busy}
          title={`Switch everyone in the room to the ${WORKSPACE_VIEW_LABELS[view].toLowerCase()}`}
          onClick={() => focus.run(view)}
        >
          Bring everyone here
        </button>
      )}
    </div>
  );
}
