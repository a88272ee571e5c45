/**
 * People's text (names, comments, titles, hints) put into Markdown so that it reads as itself:
 * no emphasis, links, images, tables, headings, lists or raw HTML can come out of it, whatever it
 * holds. CommonMark lets any ASCII punctuation be escaped with a backslash; these are the
 * characters that can start something.
 */
const INLINE_MARKUP = /[\\`*_[\]<>|~&:]/g;
/** What starts a block when it opens a line: heading, quote, list item, setext underline. */
const LINE_START_MARKUP = /^([#>+=-]|\d+(?=[.)]))/;

function escapeLine(line: string): string {
  return (
    line
      .trim()
      .replace(INLINE_MARKUP, '\\$&')
      // GitHub's Markdown links bare www. addresses.
      .replace(/\bwww\./gi, (www) => `${www.slice(0, -1)}\\.`)
      .replace(LINE_START_MARKUP, (start) => (/^\d/.test(start) ? `${start}\\` : `\\${start}`))
  );
}

/** One line of text, for a heading, a list item or a table cell: line breaks become spaces. */
export function markdownText(text: string): string {
  return escapeLine(text.replace(/\s+/g, ' '));
}

/**
 * Text that may run over lines (a comment, a prompt): blank lines separate paragraphs, and
 * other line breaks stay line breaks (a backslash at the end of a line, CommonMark's hard break).
 */
export function markdownParagraphs(text: string): string {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((paragraph) =>
      paragraph
        .split(/\r?\n/)
        .map(escapeLine)
        .filter((line) => line !== '')
        .join('\\\n'),
    )
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
}

/**
 * A fenced code block that nothing in the code can close: the fence is a run of backticks longer
 * than any in the code. The language is the info string (letters, digits, + and # only).
 */
export function markdownCode(code: string, language: string): string {
  const longest = Math.max(0, ...[...code.matchAll(/`+/g)].map((run) => run[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  const info = language.replace(/[^A-Za-z0-9+#-]/g, '');
  const body = code.endsWith('\n') ? code : `${code}\n`;
  return `${fence}${info}\n${body}${fence}`;
}
