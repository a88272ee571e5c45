import { OWN_QUESTION_SHAPE } from './ownQuestionLimits.js';

type Path = Array<string | number>;

/**
 * Walks a raw value before the schema parses it: texts, lists and nesting bounded (so a hostile
 * body costs little to refuse), each problem at its own path. Stops descending past a problem.
 */
export function shapeProblems(
  value: unknown,
  path: Path = [],
  depth = 0,
): Array<{ path: Path; reason: string }> {
  if (depth > OWN_QUESTION_SHAPE.depth)
    return [{ path, reason: `nests deeper than ${OWN_QUESTION_SHAPE.depth} levels` }];
  if (typeof value === 'string') {
    return value.length > OWN_QUESTION_SHAPE.textChars
      ? [{ path, reason: `is ${value.length} characters long, at most ${OWN_QUESTION_SHAPE.textChars}` }]
      : [];
  }
  if (Array.isArray(value)) {
    if (value.length > OWN_QUESTION_SHAPE.listItems) {
      return [{ path, reason: `has ${value.length} items, at most ${OWN_QUESTION_SHAPE.listItems}` }];
    }
    return value.flatMap((item, i) => shapeProblems(item, [...path, i], depth + 1));
  }
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length > OWN_QUESTION_SHAPE.listItems) {
      return [{ path, reason: `has ${entries.length} keys, at most ${OWN_QUESTION_SHAPE.listItems}` }];
    }
    return entries.flatMap(([key, item]) => shapeProblems(item, [...path, key], depth + 1));
  }
  return [];
}

/** Fields that hold code or test data, where `<` is ordinary text, not markup. */
function isCode(path: Path): boolean {
  const [first, second, , fourth] = path;
  if (first === 'tests') return true;
  if (first !== 'coding') return false;
  if (second === 'signature' || second === 'starterCode' || second === 'entry') return true;
  if (second === 'examples' && (fourth === 'args' || fourth === 'expected')) return true;
  const last = path[path.length - 1];
  return last === 'type' || last === 'valueType';
}

/** Inline code and fenced blocks, where markup is shown as written. */
const CODE_SPANS = /```[\s\S]*?```|`[^`\n]*`/g;
/** The start of an HTML tag, comment or processing instruction: `<script`, `</a`, `<!--`, `<?`. */
const HTML_TAG = /<[A-Za-z!/?]/;
/** A link or image whose target runs code. */
const SCRIPT_URL = /\]\(\s*(?:javascript|vbscript|data):/i;

/**
 * Markdown fields take no raw HTML and no script links: what a person writes here is shown to
 * others (the candidate, whoever copies it) and may be proposed to the bank. Code fields and
 * code spans are exempt (`List<Integer>` is code, not markup).
 */
export function markupProblems(value: unknown, path: Path = []): Array<{ path: Path; reason: string }> {
  if (typeof value === 'string') {
    if (isCode(path)) return [];
    const prose = value.replace(CODE_SPANS, '');
    if (HTML_TAG.test(prose)) {
      return [{ path, reason: 'holds HTML markup (write Markdown; put code in `backticks`)' }];
    }
    if (SCRIPT_URL.test(prose)) return [{ path, reason: 'links to a script (javascript:, data:)' }];
    return [];
  }
  if (Array.isArray(value)) return value.flatMap((item, i) => markupProblems(item, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => markupProblems(item, [...path, key]));
  }
  return [];
}

/** Objects with `$` keys in test data: the bank's generators, which a browser question cannot use. */
export function generatorProblems(raw: unknown): Array<{ path: Path; reason: string }> {
  if (raw === null || typeof raw !== 'object') return [];
  const q = raw as { tests?: unknown; coding?: { examples?: unknown } };
  const found: Array<{ path: Path; reason: string }> = [];
  const walk = (value: unknown, path: Path) => {
    if (Array.isArray(value)) {
      for (const [i, item] of value.entries()) walk(item, [...path, i]);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.startsWith('$')) {
          found.push({
            path: [...path, key],
            reason: "generators are for the bank's files; write the values out",
          });
        } else walk(item, [...path, key]);
      }
    }
  };
  if (Array.isArray(q.tests)) {
    q.tests.forEach((t, i) => {
      if (t && typeof t === 'object') {
        walk((t as { args?: unknown }).args, ['tests', i, 'args']);
        walk((t as { expected?: unknown }).expected, ['tests', i, 'expected']);
      }
    });
  }
  return found;
}
