import { EditorState } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import type { Language } from '@mockloop/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { yCollab } from 'y-codemirror.next';
import * as Y from 'yjs';
import type { SharedDocHandle } from '../docs/useSharedDoc';
import { type EditorVariant, editorExtensions } from './editor/editorExtensions';
import { DEFAULT_SETTINGS, type EditorSettings } from './editor/editorSettings';
import { createEditorSlots } from './editor/editorSlots';
import type { LineError } from './editor/errorLines';
import { useEditorReconfiguration } from './editor/useEditorReconfiguration';
import { loadEditorExtras } from './editorSetup';

interface Props {
  handle: SharedDocHandle;
  /** The Y.Text inside the document to bind. */
  textName: string;
  ariaLabel: string;
  /** Code gets line numbers, brackets and highlighting; prose gets wrapping and a placeholder. */
  variant?: EditorVariant;
  language?: Language;
  readOnly?: boolean;
  placeholderText?: string;
  /** Ctrl/Cmd+Enter. */
  onRun?: () => void;
  /** This person's key bindings, type size and theme (code only; kept per browser). */
  settings?: EditorSettings;
  /** Lines the latest run's error points at, marked in the editor (code only). */
  errors?: readonly LineError[];
}

/**
 * CodeMirror 6 bound to a shared Y.Text. Remote cursors and selections come from awareness through
 * y-codemirror.next; undo only covers this person's own edits.
 */
export function CodeEditor({
  handle,
  textName,
  ariaLabel,
  variant = 'code',
  language,
  readOnly = false,
  placeholderText,
  onRun,
  settings = DEFAULT_SETTINGS,
  errors,
}: Props) {
  // Read through a ref, so the shortcut always calls the latest callback without a new editor.
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  // Created once per component: the compartments must outlive every render of the same editor.
  const [slots] = useState(createEditorSlots);
  const [focused, setFocused] = useState(false);
  const hintId = useId();

  // The editor is rebuilt only for a new document; everything else reconfigures in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliberately keyed on the document only
  useEffect(() => {
    if (!host.current) return;
    const ytext = handle.doc.getText(textName);
    const undoManager = new Y.UndoManager(ytext);
    const runShortcut = () => {
      if (!onRunRef.current) return false;
      onRunRef.current();
      return true;
    };
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: ytext.toString(),
        extensions: [
          editorExtensions({
            variant,
            slots,
            ariaLabel,
            hintId,
            readOnly,
            settings,
            placeholderText,
            runShortcut,
          }),
          EditorView.updateListener.of((update) => {
            if (update.focusChanged) setFocused(update.view.hasFocus);
          }),
          yCollab(ytext, handle.provider.awareness, { undoManager }),
        ],
      }),
    });
    view.current = editor;
    let open = true;
    if (variant === 'code') {
      loadEditorExtras().then(
        (extras) => {
          if (open) editor.dispatch({ effects: slots.extras.reconfigure(extras) });
        },
        () => {}, // completion and bracket closing are niceties: a failed chunk load goes without
      );
    }
    return () => {
      open = false;
      editor.destroy();
      undoManager.destroy();
      view.current = null;
    };
  }, [handle, textName]);

  useEditorReconfiguration(view, slots, {
    variant,
    language,
    readOnly,
    settings,
    errors,
    editorKey: handle,
  });

  // Tab indents here (indentWithTab): say how to leave, on screen while the editor has focus, and
  // to screen readers as the editor's description.
  const tabHint = variant === 'code';
  return (
    <div className={`editor-host ${variant} ${variant === 'code' ? `theme-${settings.theme}` : ''}`}>
      <div className="editor-mount" ref={host} />
      {tabHint && (
        <p className={`editor-tab-hint ${focused && !readOnly ? 'shown' : ''}`} id={hintId}>
          Tab indents · to leave the editor press Esc, then Tab
        </p>
      )}
    </div>
  );
}
