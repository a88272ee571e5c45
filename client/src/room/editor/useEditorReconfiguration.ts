import type { EditorView } from '@codemirror/view';
import type { Language } from '@mockloop/shared';
import { type RefObject, useEffect } from 'react';
import { loadLanguageSupport } from '../../editor/languageSupport';
import { editorAppearance } from './editorAppearance';
import type { EditorVariant } from './editorExtensions';
import { readOnlyExtension } from './editorExtensions';
import type { EditorSettings } from './editorSettings';
import type { EditorSlots } from './editorSlots';
import type { LineError } from './errorLines';
import { setErrorMarks } from './errorMarks';
import { loadKeyBindings } from './keyBindings';

interface Options {
  variant: EditorVariant;
  language?: Language;
  readOnly: boolean;
  settings: EditorSettings;
  errors?: readonly LineError[];
  /**
   * The document the editor is bound to. A new one means a new editor, which needs every setting
   * again, so it triggers each effect without being read.
   */
  editorKey: unknown;
}

/**
 * Keeps a built editor in step with its props by reconfiguring its compartments in place. Language
 * support and Vim/Emacs bindings are loaded on demand; a load that finishes after a newer one was
 * asked for is dropped.
 */
export function useEditorReconfiguration(
  view: RefObject<EditorView | null>,
  slots: EditorSlots,
  { variant, language, readOnly, settings, errors, editorKey }: Options,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: editorKey is the trigger, not an input
  useEffect(() => {
    if (!language) return;
    let current = true;
    loadLanguageSupport(language).then(
      (support) => {
        if (current) view.current?.dispatch({ effects: slots.language.reconfigure(support) });
      },
      () => {}, // highlighting is a nicety: a failed chunk load leaves plain text
    );
    return () => {
      current = false;
    };
  }, [language, editorKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the view and slots live as long as the component
  useEffect(() => {
    view.current?.dispatch({ effects: slots.readOnly.reconfigure(readOnlyExtension(readOnly)) });
  }, [readOnly]);

  const { theme, fontSize, keys } = settings;
  // biome-ignore lint/correctness/useExhaustiveDependencies: editorKey is the trigger (a new editor)
  useEffect(() => {
    if (variant !== 'code') return;
    view.current?.dispatch({
      effects: slots.appearance.reconfigure(editorAppearance({ theme, fontSize })),
    });
  }, [variant, theme, fontSize, editorKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: editorKey is the trigger (a new editor)
  useEffect(() => {
    if (variant !== 'code') return;
    let current = true;
    loadKeyBindings(keys).then(
      (extension) => {
        if (current) view.current?.dispatch({ effects: slots.keys.reconfigure(extension) });
      },
      () => {}, // a chunk that fails to load leaves the standard keys
    );
    return () => {
      current = false;
    };
  }, [variant, keys, editorKey]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: editorKey is the trigger (a new editor)
  useEffect(() => {
    if (variant === 'code') view.current?.dispatch({ effects: setErrorMarks.of(errors ?? []) });
  }, [variant, errors, editorKey]);
}
