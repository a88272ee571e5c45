import { Compartment, EditorState, type Extension, type StateEffect } from '@codemirror/state';
import { EditorView, highlightSpecialChars, lineNumbers } from '@codemirror/view';
import type { Language } from '@mockloop/shared';
import { useEffect, useRef } from 'react';
import { editorTheme } from '../editor/editorTheme';
import { loadLanguageSupport } from '../editor/languageSupport';

/** A change bigger than this (characters) is a jump, not typing: see `highlightLater`. */
const JUMP_CHARS = 400;
/** Highlighting comes back once the position has rested this long after a jump. */
const REST_MS = 150;

/**
 * The code at the replay's position, in a read-only editor. A new position changes only the part
 * of the text that differs and scrolls it into view, so watching the replay follows the typing.
 *
 * Highlighting re-parses what changed, which is cheap for typing but costs up to CodeMirror's
 * 20 ms parse budget for a jump across the interview. So a jump shows plain text, and the
 * highlighting returns once the position rests (dragging the slider stays fluid).
 */
export function ReplayCode({ text, language, label }: { text: string; language: Language; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const languageSlot = useRef(new Compartment());
  const support = useRef<Extension | null>(null);
  const restTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  // biome-ignore lint/correctness/useExhaustiveDependencies: built once; text and language update in place
  useEffect(() => {
    if (!host.current) return;
    const editor = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: text,
        // Only what reading needs: no cursor line, brackets, completion or search to recompute on
        // every frame of a replay.
        extensions: [
          lineNumbers(),
          highlightSpecialChars(),
          // Wrapped, so following the typing never scrolls sideways.
          EditorView.lineWrapping,
          languageSlot.current.of([]),
          EditorState.readOnly.of(true),
          EditorView.editable.of(false),
          editorTheme,
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-readonly': 'true', tabindex: '0' }),
        ],
      }),
    });
    view.current = editor;
    return () => {
      clearTimeout(restTimer.current);
      editor.destroy();
      view.current = null;
    };
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const change = difference(editor.state.doc.toString(), text);
    if (!change) return;
    const jump = change.insert.length + (change.to - change.from) > JUMP_CHARS;
    const effects: StateEffect<unknown>[] = [
      EditorView.scrollIntoView(change.from + change.insert.length, { y: 'nearest' }),
    ];
    if (jump && support.current) {
      effects.push(languageSlot.current.reconfigure([]));
      clearTimeout(restTimer.current);
      restTimer.current = setTimeout(() => {
        if (support.current) editor.dispatch({ effects: languageSlot.current.reconfigure(support.current) });
      }, REST_MS);
    }
    editor.dispatch({ changes: change, effects });
  }, [text]);

  useEffect(() => {
    let current = true;
    loadLanguageSupport(language).then(
      (loaded) => {
        if (!current) return;
        support.current = loaded;
        view.current?.dispatch({ effects: languageSlot.current.reconfigure(loaded) });
      },
      () => {}, // highlighting is a nicety: a failed chunk load leaves plain text
    );
    return () => {
      current = false;
    };
  }, [language]);

  return <div className="editor-host code replay-code" ref={host} />;
}

/** The one replacement that turns `before` into `after` (common prefix and suffix kept). */
function difference(before: string, after: string): { from: number; to: number; insert: string } | null {
  if (before === after) return null;
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let end = 0;
  while (
    end < shorter - start &&
    before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)
  ) {
    end++;
  }
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}
