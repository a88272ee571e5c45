import { EditorView } from '@codemirror/view';
import {
  CODE_DOC,
  type InterviewerBrief,
  type Language,
  type ParticipantView,
  type RoomState,
} from '@mockloop/shared';
import { lazy, Suspense, useMemo, useRef } from 'react';
import type { useSharedDoc } from '../docs/useSharedDoc';
import { useAction } from '../lib/useAction';
import { OutputPanel } from '../runner/OutputPanel';
import { type RunPlan, runPlans } from '../runner/runPlans';
import { useRunner } from '../runner/useRunner';
import { CodeEditor } from './CodeEditor';
import { EditorSettingsMenu } from './editor/EditorSettingsMenu';
import { useEditorSettings } from './editor/editorSettings';
import { runErrors } from './editor/runErrors';
import { LanguageSelect } from './LanguageSelect';
import { RunControls } from './RunControls';
import type { RoomActions } from './session/RoomActions';
import { customRunTests, readCustomTests } from './tests/customTests';

// Only coding questions with tests have them: not part of the room's first load.
const CustomTests = lazy(() => import('./tests/CustomTests').then((m) => ({ default: m.CustomTests })));

interface Props {
  room: RoomState;
  self: ParticipantView;
  code: ReturnType<typeof useSharedDoc>;
  actions: RoomActions;
  brief: InterviewerBrief | null;
}

/**
 * The code view: language choice, the shared editor (read-only for anyone but the players), the
 * runner's controls and the Output everyone sees.
 */
export function CodeWorkspace({ room, self, code, actions, brief }: Props) {
  const language = useAction((next: Language) => actions.setLanguage(next));
  const isObserver = self.role === 'observer';
  const isPlayer = self.id === room.round.interviewerId || self.id === room.round.candidateId;
  const runner = useRunner(code.handle?.doc, self, room.language, isPlayer, actions.serverRuns);
  const doc = code.handle?.doc;
  const plans = () =>
    runPlans(
      room,
      brief,
      isPlayer,
      doc?.getText(CODE_DOC.text).toString() ?? '',
      runner.availability,
      doc ? customRunTests(readCustomTests(doc)) : [],
    );
  const settings = useEditorSettings();
  const errors = useMemo(() => runErrors(runner.runs), [runner.runs]);
  const start = (plan: RunPlan) => runner.run(plan);
  const section = useRef<HTMLElement>(null);
  return (
    <section className="workspace" aria-label="Code" ref={section}>
      <div className="toolbar">
        <LanguageSelect
          value={room.language}
          disabled={isObserver || language.busy}
          onChange={language.run}
        />
        {language.error && (
          <span role="alert" className="error small">
            {language.error}
          </span>
        )}
        {isObserver && <span className="muted small">You are observing: the editor is read-only.</span>}
        <div className="spacer" />
        {!code.synced && <span className="muted small">Loading code…</span>}
        <EditorSettingsMenu settings={settings} />
        <RunControls plans={plans} running={runner.state.running} onRun={start} explain={!isObserver} />
      </div>
      {doc && plans().tests && (
        <Suspense fallback={null}>
          <CustomTests doc={doc} self={self} canEdit={isPlayer} />
        </Suspense>
      )}
      {code.handle ? (
        <CodeEditor
          handle={code.handle}
          textName={CODE_DOC.text}
          ariaLabel="Code editor"
          language={room.language}
          readOnly={!isPlayer || code.problem?.frozen === true}
          settings={settings}
          errors={errors}
          onRun={() => {
            const plan = plans().run;
            if (plan && !runner.state.running) start(plan);
          }}
        />
      ) : (
        <div className="editor-host" />
      )}
      <OutputPanel
        runs={runner.runs}
        state={runner.state}
        onGoToLine={(line) => goToLine(section.current, line)}
      />
    </section>
  );
}

/** Puts the editor's cursor at the start of a line an error names, scrolled into view. */
function goToLine(section: HTMLElement | null, line: number): void {
  const dom = section?.querySelector<HTMLElement>('.cm-editor');
  const view = dom ? EditorView.findFromDOM(dom) : null;
  if (!view) return;
  const target = view.state.doc.line(Math.min(Math.max(1, line), view.state.doc.lines));
  view.dispatch({ selection: { anchor: target.from }, scrollIntoView: true });
  view.focus();
}
