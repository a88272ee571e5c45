import { indentWithTab } from '@codemirror/commands';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import type { Language } from '@mockloop/shared';
import { useEffect, useId, useRef, useState } from 'react';
import { yCollab } from 'y-codemirror.next';
import * as Y from 'yjs';
import type { SharedDocHandle } from '../docs/useSharedDoc';
import { editorTheme } from '../editor/editorTheme';
import { loadLanguageSupport } from '../editor/languageSupport';
import { editorAppearance } from './editor/editorAppearance';
import { DEFAULT_SETTINGS, type EditorSettings } from './editor/editorSettings';
import type { LineError } from './editor/errorLines';
import { errorMarks, setErrorMarks } from './editor/errorMarks';
import { loadKeyBindings } from './editor/keyBindings';
import { codeEditorCore, loadEditorExtras, notesEditorCore } from './editorSetup';

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
  const languageSlot = useRef(new Compartment());
  const readOnlySlot = useRef(new Compartment());
  const extrasSlot = useRef(new Compartment());
  const keysSlot = useRef(new Compartment());
  const appearanceSlot = useRef(new Compartment());
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
            keysSlot.current.of([]),
            errorMarks(),
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
          appearanceSlot.current.of(variant === 'code' ? editorAppearance(settings) : editorTheme),
          EditorView.contentAttributes.of(
            // tabindex: in the tab order when read-only too, and said so (contenteditable alone is
            // not, for checkers such as axe), so the scrolling area is reachable by keyboard.
            variant === 'code'
              ? { 'aria-label': ariaLabel, 'aria-describedby': hintId, tabindex: '0' }
              : { 'aria-label': ariaLabel, tabindex: '0' },
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

  // Settings reconfigure in place; Vim and Emacs load the first time someone picks them.
  const { theme, fontSize, keys } = settings;
  // biome-ignore lint/correctness/useExhaustiveDependencies: handle is the trigger (a new editor)
  useEffect(() => {
    if (variant !== 'code') return;
    view.current?.dispatch({
      effects: appearanceSlot.current.reconfigure(editorAppearance({ theme, fontSize })),
    });
  }, [variant, theme, fontSize, handle]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: handle is the trigger (a new editor)
  useEffect(() => {
    if (variant !== 'code') return;
    let current = true;
    loadKeyBindings(keys).then(
      (extension) => {
        if (current) view.current?.dispatch({ effects: keysSlot.current.reconfigure(extension) });
      },
      () => {}, // a chunk that fails to load leaves the standard keys
    );
    return () => {
      current = false;
    };
  }, [variant, keys, handle]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: handle is the trigger (a new editor)
  useEffect(() => {
    if (variant === 'code') view.current?.dispatch({ effects: setErrorMarks.of(errors ?? []) });
  }, [variant, errors, handle]);

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

function readOnlyExtension(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}
