import { type Extension, Prec } from '@codemirror/state';
import type { EditorSettings } from './editorSettings';

/**
 * Vim or Emacs keys (Replit's maintained CodeMirror 6 packages), loaded only when someone picks
 * them: neither is part of the room's first load. Ahead of every other keymap, as both expect.
 */
export async function loadKeyBindings(keys: EditorSettings['keys']): Promise<Extension> {
  if (keys === 'vim') return Prec.highest((await import('@replit/codemirror-vim')).vim({ status: true }));
  if (keys === 'emacs') return Prec.highest((await import('@replit/codemirror-emacs')).emacs());
  return [];
}
