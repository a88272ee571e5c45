import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { editorTheme, lightEditorTheme } from '../../editor/editorTheme';
import type { EditorSettings } from './editorSettings';

/** The code editor's theme and type size for this person's settings. */
export function editorAppearance(settings: Pick<EditorSettings, 'theme' | 'fontSize'>): Extension {
  return [
    settings.theme === 'light' ? lightEditorTheme : editorTheme,
    EditorView.theme({ '&': { fontSize: `${settings.fontSize}px` } }),
  ];
}
