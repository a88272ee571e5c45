import { indentWithTab } from '@codemirror/commands';
import { EditorState, type Extension } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { editorTheme } from '../../editor/editorTheme';
import { codeEditorCore, notesEditorCore } from '../editorSetup';
import { editorAppearance } from './editorAppearance';
import type { EditorSettings } from './editorSettings';
import type { EditorSlots } from './editorSlots';
import { errorMarks } from './errorMarks';

export type EditorVariant = 'code' | 'prose';

export interface EditorExtensionOptions {
  variant: EditorVariant;
  slots: EditorSlots;
  ariaLabel: string;
  /** The id of the Tab hint that describes a code editor. */
  hintId: string;
  readOnly: boolean;
  settings: EditorSettings;
  placeholderText?: string;
  /** Ctrl/Cmd+Enter; false when there is nothing to run, so the key falls through. */
  runShortcut: () => boolean;
}

/**
 * Everything a new editor starts with, apart from the shared-text binding: the variant's features,
 * the empty or initial compartments that are filled in later, and the accessibility attributes.
 */
export function editorExtensions(options: EditorExtensionOptions): Extension[] {
  const { variant, slots, ariaLabel, hintId, readOnly, settings } = options;
  return [
    variant === 'code'
      ? codeExtensions(slots, options.runShortcut)
      : proseExtensions(options.placeholderText),
    slots.language.of([]),
    slots.readOnly.of(readOnlyExtension(readOnly)),
    slots.appearance.of(variant === 'code' ? editorAppearance(settings) : editorTheme),
    EditorView.contentAttributes.of(
      // tabindex: in the tab order when read-only too, and said so (contenteditable alone is
      // not, for checkers such as axe), so the scrolling area is reachable by keyboard.
      variant === 'code'
        ? { 'aria-label': ariaLabel, 'aria-describedby': hintId, tabindex: '0' }
        : { 'aria-label': ariaLabel, tabindex: '0' },
    ),
  ];
}

function codeExtensions(slots: EditorSlots, runShortcut: () => boolean): Extension[] {
  return [
    slots.keys.of([]),
    errorMarks(),
    keymap.of([{ key: 'Mod-Enter', run: runShortcut }]),
    slots.extras.of([]),
    codeEditorCore,
    keymap.of([indentWithTab]),
  ];
}

function proseExtensions(placeholderText: string | undefined): Extension[] {
  return [notesEditorCore, EditorView.lineWrapping, placeholder(placeholderText ?? '')];
}

export function readOnlyExtension(readOnly: boolean): Extension {
  return [EditorState.readOnly.of(readOnly), EditorView.editable.of(!readOnly)];
}
