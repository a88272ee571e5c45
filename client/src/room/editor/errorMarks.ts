import { type Extension, RangeSet, StateEffect, StateField } from '@codemirror/state';
import { Decoration, type DecorationSet, EditorView, GutterMarker, gutter } from '@codemirror/view';
import type { LineError } from './errorLines';

/** Replaces the marks: the errors of the latest run (none clears them). */
export const setErrorMarks = StateEffect.define<readonly LineError[]>();

class ErrorDot extends GutterMarker {
  constructor(readonly message: string) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof ErrorDot && other.message === this.message;
  }
  override toDOM(): Node {
    const dot = document.createElement('span');
    dot.className = 'cm-error-dot';
    dot.textContent = '●';
    dot.title = this.message;
    return dot;
  }
}

interface Marks {
  lines: DecorationSet;
  dots: RangeSet<GutterMarker>;
}

function build(view: { state: EditorView['state'] }, errors: readonly LineError[]): Marks {
  const doc = view.state.doc;
  const sorted = errors.filter((e) => e.line <= doc.lines).sort((a, b) => a.line - b.line);
  const lines = sorted.map((e) =>
    Decoration.line({ class: 'cm-error-line', attributes: { title: e.message } }).range(
      doc.line(e.line).from,
    ),
  );
  const dots = sorted.map((e) => new ErrorDot(e.message).range(doc.line(e.line).from));
  return { lines: Decoration.set(lines), dots: RangeSet.of(dots) };
}

const marks = StateField.define<Marks>({
  create: () => ({ lines: Decoration.none, dots: RangeSet.empty }),
  update(value, tr) {
    for (const effect of tr.effects) if (effect.is(setErrorMarks)) return build(tr, effect.value);
    // Edits move a mark with its line; the next run replaces them all.
    return tr.docChanged ? { lines: value.lines.map(tr.changes), dots: value.dots.map(tr.changes) } : value;
  },
  provide: (field) => EditorView.decorations.from(field, (v) => v.lines),
});

/**
 * Marks the editor lines a run's error points at: the line tinted, a dot in a gutter of its own,
 * and the error's text on hover. Fed with setErrorMarks.
 */
export function errorMarks(): Extension {
  return [
    marks,
    gutter({ class: 'cm-error-gutter', markers: (view) => view.state.field(marks).dots }),
    EditorView.baseTheme({
      '.cm-error-line': { backgroundColor: '#ef444424', boxShadow: 'inset 3px 0 #ef4444' },
      '.cm-error-gutter': { width: '14px' },
      '.cm-error-dot': { color: '#ef4444', fontSize: '10px', cursor: 'default', paddingLeft: '3px' },
    }),
  ];
}
