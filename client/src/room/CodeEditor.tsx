import { indentWithTab } from '@codemirror/commands';
import { Compartment, EditorState } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { CODE_DOC, type Language } from '@mockloop/shared';
import { basicSetup } from 'codemirror';
import { useEffect, useRef } from 'react';
import { yCollab } from 'y-codemirror.next';
import * as Y from 'yjs';
import { editorTheme } from './editorTheme';
import { loadLanguageSupport } from './languageSupport';
import type { SharedDocHandle } from './useSharedDoc';

interface Props {
  handle: SharedDocHandle;
  language: Language;
  readOnly: boolean;
}

/**
 * CodeMirror 6 bound to the room's code document. Remote cursors and selections come from
 * awareness through y-codemirror.next; undo only covers this person's own edits.
 */
export function CodeEditor({ handle, language, readOnly }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const readOnlySlot = useRef(new Compartment());

  // The editor is rebuilt only for a new document; language and read-only reconfigure in place.
  // biome-ignore lint/correctness/useExhaustiveDependencies: deliberately keyed on the document only
  useEffect(() => {
    if (!host.current) return;
    const ytext = handle.doc.getText(CODE_DOC.text);
    const undoManager = new Y.UndoManager(ytext);
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: ytext.toString(),
        extensions: [
          basicSetup,
          keymap.of([indentWithTab]),
          languageSlot.current.of([]),
          readOnlySlot.current.of(readOnlyExtension(readOnly)),
          editorTheme,
          EditorView.contentAttributes.of({ 'aria-label': 'Code editor' }),
          yCollab(ytext, handle.provider.awareness, { undoManager }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      editor.destroy();
      undoManager.destroy();
      view.current = null;
    };
  }, [handle]);

  // A new document means a new editor, which needs its language again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: handle is the trigger, not an input
  useEffect(() => {
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

  return <div className="editor-host" ref={host} />;
}

function readOnlyExtension(readOnly: boolean) {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}
