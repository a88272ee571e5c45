import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';
import { editorTheme } from '../../editor/editorTheme';
import type { EditorSettings } from './editorSettings';

/** A light editor, for daylight and for people who read code better dark on light. */
const light = EditorView.theme(
  {
    '&': { height: '100%', backgroundColor: '#ffffff', color: '#1f2937' },
    '.cm-scroller': {
      fontFamily: "'JetBrains Mono', 'Fira Code', Menlo, Consolas, monospace",
      lineHeight: '1.6',
    },
    '.cm-content': { caretColor: '#111827', padding: '12px 0' },
    '&.cm-focused': { outline: '2px solid #4f46e5', outlineOffset: '-2px' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#111827' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#c7d2fe !important',
    },
    // Line numbers at 4.8:1 on white.
    '.cm-gutters': { backgroundColor: '#f8fafc', color: '#64748b', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#f1f5f9' },
    '.cm-activeLineGutter': { backgroundColor: '#e2e8f0', color: '#1f2937' },
    '.cm-matchingBracket': { backgroundColor: '#e0e7ff', outline: '1px solid #818cf8' },
    '.cm-ySelectionInfo': {
      opacity: '1 !important',
      fontFamily: 'Inter, system-ui, sans-serif',
      fontSize: '11px',
      fontWeight: '600',
      padding: '1px 4px',
      borderRadius: '3px 3px 3px 0',
      top: '-1.35em !important',
      color: '#0f172a',
    },
    '.cm-tooltip': { backgroundColor: '#ffffff', border: '1px solid #cbd5e1', color: '#1f2937' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#e0e7ff', color: '#1f2937' },
  },
  { dark: false },
);

// Colours at 4.5:1 or better on white.
const lightHighlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword], color: '#7c3aed' },
  { tag: [t.string, t.special(t.string)], color: '#047857' },
  { tag: [t.number, t.bool, t.null], color: '#b45309' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: '#64748b', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: '#1d4ed8' },
  { tag: [t.typeName, t.className, t.namespace], color: '#a16207' },
  { tag: [t.propertyName], color: '#4338ca' },
  { tag: [t.operator, t.punctuation], color: '#475569' },
  { tag: [t.meta, t.annotation], color: '#be185d' },
]);

/** The code editor's theme and type size for this person's settings. */
export function editorAppearance(settings: Pick<EditorSettings, 'theme' | 'fontSize'>): Extension {
  return [
    settings.theme === 'light' ? [light, syntaxHighlighting(lightHighlight)] : editorTheme,
    EditorView.theme({ '&': { fontSize: `${settings.fontSize}px` } }),
  ];
}
