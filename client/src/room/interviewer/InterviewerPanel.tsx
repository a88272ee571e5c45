import type { DocAccess, InterviewerBrief, ParticipantView, RoundType } from '@mockloop/shared';
import { useState } from 'react';
import { useAction } from '../../lib/useAction';
import type { RoomActions } from '../session/RoomActions';
import { BriefView } from './BriefView';
import { PrivateNotes } from './PrivateNotes';
import { QuestionBrowser } from './QuestionBrowser';
import { ScreenGuide } from './ScreenGuide';

interface Props {
  brief: InterviewerBrief | null;
  actions: RoomActions;
  roomRoundType: RoundType;
  notes: DocAccess | undefined;
  self: ParticipantView;
  /** The round has ended: its question, hints and rubric stay as they were (P-SEAT-2). */
  ended: boolean;
}

const TABS = ['Brief', 'Question bank', 'Notes'] as const;
type Tab = (typeof TABS)[number];

/** The interviewer's console. Rendered only for the interviewer, and fed only by their channel. */
export function InterviewerPanel({ brief, actions, roomRoundType, notes, self, ended }: Props) {
  // Until the interviewer picks a tab: the brief when a question is picked (a loop plan picks
  // one ahead), else the bank to pick from.
  const [chosenTab, setTab] = useState<Tab | null>(null);
  const tab: Tab = chosenTab ?? (brief?.selected ? 'Brief' : 'Question bank');
  const pick = useAction(actions.selectQuestion);
  // The Pick button is gone with the bank: focus goes where the next step is, Reveal question,
  // once the brief of the picked question has come.
  const [focusReveal, setFocusReveal] = useState(false);

  async function onPick(questionId: string) {
    await pick.run(questionId);
    setTab('Brief');
    setFocusReveal(true);
  }

  return (
    <section
      className="interviewer-panel"
      aria-label="Interviewer panel"
      id="interviewer-panel"
      tabIndex={-1}
    >
      <div className="tabs" role="tablist" aria-label="Interviewer tools">
        {TABS.map((t) => (
          <button
            key={t}
            type="button"
            role="tab"
            aria-selected={tab === t}
            className={tab === t ? 'tab active' : 'tab'}
            onClick={() => setTab(t)}
          >
            {t}
          </button>
        ))}
      </div>
      {pick.error && (
        <p role="alert" className="error small">
          {pick.error}
        </p>
      )}
      <div className="tab-body" role="tabpanel" aria-label={tab}>
        {!brief && <p className="muted">Loading your brief…</p>}
        {brief?.screen && tab === 'Brief' && <ScreenGuide screen={brief.screen} />}
        {brief && tab === 'Brief' && (
          <BriefView
            brief={brief}
            actions={actions}
            ended={ended}
            focusReveal={focusReveal}
            onRevealFocused={() => setFocusReveal(false)}
          />
        )}
        {brief && tab === 'Question bank' && (
          <QuestionBrowser
            roomRoundType={roomRoundType}
            selectedId={brief.selected?.question.id ?? null}
            locked={brief.revealed || ended || pick.busy}
            candidateSeen={brief.candidateSeen}
            onPick={onPick}
          />
        )}
        {/* Kept mounted (hidden) so notes stay connected while other tabs are open. */}
        {notes && (
          <div hidden={tab !== 'Notes'} className="notes-tab">
            <PrivateNotes access={notes} self={self} />
          </div>
        )}
      </div>
    </section>
  );
}
