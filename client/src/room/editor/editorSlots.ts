import { Compartment } from '@codemirror/state';

/**
 * The parts of a CodeMirror editor that change after it is built. Each sits in its own compartment
 * so a new language, setting or permission reconfigures the editor in place instead of rebuilding
 * it (which would lose the cursor, scroll position and undo history).
 */
export interface EditorSlots {
  language: Compartment;
  readOnly: Compartment;
  /** Completion and bracket closing, loaded a moment after the editor opens. */
  extras: Compartment;
  /** Vim or Emacs bindings, loaded the first time someone picks them. */
  keys: Compartment;
  /** Theme and type size. */
  appearance: Compartment;
}

export function createEditorSlots(): EditorSlots {
  return {
    language: new Compartment(),
    readOnly: new Compartment(),
    extras: new Compartment(),
    keys: new Compartment(),
    appearance: new Compartment(),
  };
}
