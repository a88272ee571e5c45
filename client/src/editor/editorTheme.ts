import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

const base = EditorView.theme(
  {
    '&': { height: '100%', backgroundColor: '#0f172a', color: '#e2e8f0', fontSize: '14px' },
    '.cm-scroller': {
      fontFamily: "'JetBrains Mono', 'Fira Code', Menlo, Consolas, monospace",
      lineHeight: '1.6',
    },
    '.cm-content': { caretColor: '#f8fafc', padding: '12px 0' },
    // CodeMirror's own focus ring is a dotted dark line, invisible on this theme.
    '&.cm-focused': { outline: '2px solid #818cf8', outlineOffset: '-2px' },
    '.cm-cursor, .cm-dropCursor': { borderLeftColor: '#f8fafc' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
      backgroundColor: '#334155 !important',
    },
    // Line numbers at 6.9:1 (axe's 4.5:1 for text).
    '.cm-gutters': { backgroundColor: '#0f172a', color: '#94a3b8', border: 'none' },
    '.cm-activeLine': { backgroundColor: '#1e293b80' },
    '.cm-activeLineGutter': { backgroundColor: '#1e293b', color: '#cbd5e1' },
    '.cm-matchingBracket': { backgroundColor: '#334155', outline: '1px solid #64748b' },
    // Peers' names stay visible next to their cursors, as in a real pair session.
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
    '.cm-tooltip': { backgroundColor: '#1e293b', border: '1px solid #334155' },
    '.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: '#334155' },
  },
  { dark: true },
);

const highlight = HighlightStyle.define([
  { tag: [t.keyword, t.controlKeyword, t.moduleKeyword], color: '#c084fc' },
  { tag: [t.string, t.special(t.string)], color: '#86efac' },
  { tag: [t.number, t.bool, t.null], color: '#fdba74' },
  { tag: [t.comment, t.lineComment, t.blockComment], color: '#64748b', fontStyle: 'italic' },
  { tag: [t.function(t.variableName), t.function(t.propertyName)], color: '#7dd3fc' },
  { tag: [t.typeName, t.className, t.namespace], color: '#fcd34d' },
  { tag: [t.definition(t.variableName)], color: '#e2e8f0' },
  { tag: [t.propertyName], color: '#a5b4fc' },
  { tag: [t.operator, t.punctuation], color: '#94a3b8' },
  { tag: [t.meta, t.annotation], color: '#f472b6' },
]);

/** Dark editor theme matching the room chrome. */
export const editorTheme = [base, syntaxHighlighting(highlight)];
