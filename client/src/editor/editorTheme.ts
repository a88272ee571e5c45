import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { tags as t } from '@lezer/highlight';

/** A background and the text on it; `color` left out keeps the text's colour. */
type Shade = { background: string; color?: string };

/** The colours of one editor theme; the layout (type, spacing, peers' name tags) is the same in all. */
interface Palette {
  dark: boolean;
  /** The type size, when the theme sets one (the room's settings set their own). */
  fontSize?: string;
  background: string;
  text: string;
  caret: string;
  focusRing: string;
  selection: string;
  gutter: Shade & { color: string };
  activeLine: string;
  activeLineGutter: Shade & { color: string };
  matchingBracket: { background: string; outline: string };
  tooltip: Shade & { border: string };
  tooltipSelected: Shade;
  syntax: {
    keyword: string;
    string: string;
    number: string;
    comment: string;
    function: string;
    type: string;
    /** A name where it is defined, when it differs from the text. */
    definition?: string;
    property: string;
    operator: string;
    meta: string;
  };
}

const shade = ({ background, color }: Shade) => ({
  backgroundColor: background,
  ...(color ? { color } : {}),
});

function themeOf(p: Palette): Extension {
  const view = EditorView.theme(
    {
      '&': {
        height: '100%',
        backgroundColor: p.background,
        color: p.text,
        ...(p.fontSize ? { fontSize: p.fontSize } : {}),
      },
      '.cm-scroller': {
        fontFamily: "'JetBrains Mono', 'Fira Code', Menlo, Consolas, monospace",
        lineHeight: '1.6',
      },
      '.cm-content': { caretColor: p.caret, padding: '12px 0' },
      // CodeMirror's own focus ring is a dotted dark line, invisible on the dark theme.
      '&.cm-focused': { outline: `2px solid ${p.focusRing}`, outlineOffset: '-2px' },
      '.cm-cursor, .cm-dropCursor': { borderLeftColor: p.caret },
      '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': {
        backgroundColor: `${p.selection} !important`,
      },
      '.cm-gutters': { ...shade(p.gutter), border: 'none' },
      '.cm-activeLine': { backgroundColor: p.activeLine },
      '.cm-activeLineGutter': shade(p.activeLineGutter),
      '.cm-matchingBracket': {
        backgroundColor: p.matchingBracket.background,
        outline: `1px solid ${p.matchingBracket.outline}`,
      },
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
      '.cm-tooltip': {
        backgroundColor: p.tooltip.background,
        border: `1px solid ${p.tooltip.border}`,
        ...(p.tooltip.color ? { color: p.tooltip.color } : {}),
      },
      '.cm-tooltip-autocomplete > ul > li[aria-selected]': shade(p.tooltipSelected),
    },
    { dark: p.dark },
  );
  const s = p.syntax;
  const highlight = HighlightStyle.define([
    { tag: [t.keyword, t.controlKeyword, t.moduleKeyword], color: s.keyword },
    { tag: [t.string, t.special(t.string)], color: s.string },
    { tag: [t.number, t.bool, t.null], color: s.number },
    { tag: [t.comment, t.lineComment, t.blockComment], color: s.comment, fontStyle: 'italic' },
    { tag: [t.function(t.variableName), t.function(t.propertyName)], color: s.function },
    { tag: [t.typeName, t.className, t.namespace], color: s.type },
    ...(s.definition ? [{ tag: [t.definition(t.variableName)], color: s.definition }] : []),
    { tag: [t.propertyName], color: s.property },
    { tag: [t.operator, t.punctuation], color: s.operator },
    { tag: [t.meta, t.annotation], color: s.meta },
  ]);
  return [view, syntaxHighlighting(highlight)];
}

/** Dark editor theme matching the room chrome. Line numbers at 6.9:1 (axe's 4.5:1 for text). */
export const editorTheme = themeOf({
  dark: true,
  fontSize: '14px',
  background: '#0f172a',
  text: '#e2e8f0',
  caret: '#f8fafc',
  focusRing: '#818cf8',
  selection: '#334155',
  gutter: { background: '#0f172a', color: '#94a3b8' },
  activeLine: '#1e293b80',
  activeLineGutter: { background: '#1e293b', color: '#cbd5e1' },
  matchingBracket: { background: '#334155', outline: '#64748b' },
  tooltip: { background: '#1e293b', border: '#334155' },
  tooltipSelected: { background: '#334155' },
  syntax: {
    keyword: '#c084fc',
    string: '#86efac',
    number: '#fdba74',
    comment: '#64748b',
    function: '#7dd3fc',
    type: '#fcd34d',
    definition: '#e2e8f0',
    property: '#a5b4fc',
    operator: '#94a3b8',
    meta: '#f472b6',
  },
});

/**
 * A light editor, for daylight and for people who read code better dark on light. Line numbers at
 * 4.8:1 on white, syntax colours at 4.5:1 or better.
 */
export const lightEditorTheme = themeOf({
  dark: false,
  background: '#ffffff',
  text: '#1f2937',
  caret: '#111827',
  focusRing: '#4f46e5',
  selection: '#c7d2fe',
  gutter: { background: '#f8fafc', color: '#64748b' },
  activeLine: '#f1f5f9',
  activeLineGutter: { background: '#e2e8f0', color: '#1f2937' },
  matchingBracket: { background: '#e0e7ff', outline: '#818cf8' },
  tooltip: { background: '#ffffff', border: '#cbd5e1', color: '#1f2937' },
  tooltipSelected: { background: '#e0e7ff', color: '#1f2937' },
  syntax: {
    keyword: '#7c3aed',
    string: '#047857',
    number: '#b45309',
    comment: '#64748b',
    function: '#1d4ed8',
    type: '#a16207',
    property: '#4338ca',
    operator: '#475569',
    meta: '#be185d',
  },
});
