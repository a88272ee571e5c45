import { indentWithTab } from '@codemirror/commands';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import type { Language } from '@mockloop/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { yCollab } from 'y-codemirror.next';
import * as Y from 'yjs';
import { codeEditorCore, loadEditorExtras, notesEditorCore } from './editorSetup';
import { editorTheme } from './editorTheme';
import { loadLanguageSupport } from './languageSupport';
import type { SharedDocHandle } from './useSharedDoc';

interface Props {
  handle: SharedDocHandle;
  /** The Y.Text inside the document to bind. */
  textName: string;
  ariaLabel: string;
  /** Code gets line numbers, brackets and highlighting; prose gets wrapping and a placeholder. */
  variant?: 'code' | 'prose';
  language?: Language;
  readOnly?: boolean;
  placeholderText?: string;
  /** Ctrl/Cmd+Enter. */
  onRun?: () => void;
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
}: Props) {
  // Read through a ref, so the shortcut always calls the latest callback without a new editor.
  const onRunRef = useRef(onRun);
  onRunRef.current = onRun;
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const readOnlySlot = useRef(new Compartment());
  const extrasSlot = useRef(new Compartment());
  const [focused, setFocused] = useState(false);
  const hintId = useId();

  // The editor is rebuilt only for a new document; language and read-only reconfigure in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliberately keyed on the document only
  useEffect(() => {
    if (!host.current) return;
    const ytext = handle.doc.getText(textName);
    const undoManager = new Y.UndoManager(ytext);
    const variantExtensions: Extension[] =
      variant === 'code'
        ? [
            keymap.of([
              {
                key: 'Mod-Enter',
                run: () => {
                  if (!onRunRef.current) return false;
                  onRunRef.current();
                  return true;
                },
              },
            ]),
            extrasSlot.current.of([]),
            codeEditorCore,
            keymap.of([indentWithTab]),
          ]
        : [notesEditorCore, EditorView.lineWrapping, placeholder(placeholderText ?? '')];
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: ytext.toString(),
        extensions: [
          variantExtensions,
          languageSlot.current.of([]),
          readOnlySlot.current.of(readOnlyExtension(readOnly)),
          editorTheme,
          EditorView.contentAttributes.of(
            variant === 'code'
              ? { 'aria-label': ariaLabel, 'aria-describedby': hintId }
              : { 'aria-label': ariaLabel },
          ),
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
          if (open) editor.dispatch({ effects: extrasSlot.current.reconfigure(extras) });
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

  // A new document means a new editor, which needs its language again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: handle is the trigger, not an input
  useEffect(() => {
    if (!language) return;
    let current = true;
    loadLanguageSupport(language).then(
      (support) => {
        if (current) view.current?.dispatch({ effects: languageSlot.current.reconfigure(support) });
      },
      () => {}, // highlighting is a nicety: a failed chunk load leaves plain text
    );
    return () => {
      current = false;
    };
  }, [language, handle]);

  useEffect(() => {
    view.current?.dispatch({ effects: readOnlySlot.current.reconfigure(readOnlyExtension(readOnly)) });
  }, [readOnly]);

  // Tab indents here (indentWithTab): say how to leave, on screen while the editor has focus, and
  // to screen readers as the editor's description.
  const tabHint = variant === 'code';
  return (
    <div className={`editor-host ${variant}`}>
      <div className="editor-mount" ref={host} />
      {tabHint && (
        <p className={`editor-tab-hint ${focused && !readOnly ? 'shown' : ''}`} id={hintId}>
          Tab indents · to leave the editor press Esc, then Tab
        </p>
      )}
    </div>
  );
}

function readOnlyExtension(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}
