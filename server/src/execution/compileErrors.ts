/**
 * A compiler's messages with the file of the editor's text written as `line N`, so every language
 * points at the lines the editor shows (the code is compiled as written, never wrapped, so no
 * offset is needed). Lines about the harness's own glue are dropped: they only repeat the cause.
 */
export function editorCompileErrors(log: string, sourceFile: string): string {
  const file = sourceFile.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const reference = new RegExp(`(?:^|(?<=\\s))(?:\\./|/work/)?${file}:(\\d+)(?::(\\d+))?:?`, 'g');
  const kept: string[] = [];
  for (const line of log.split('\n')) {
    if (/^# command-line-arguments$/.test(line)) continue; // go build's package header
    if (/^In file included from (?:\/work\/)?mockloop_main\.cpp/.test(line)) continue;
    if (/^\s*from (?:\/work\/)?mockloop_main\.cpp/.test(line)) continue;
    kept.push(
      line.replace(
        reference,
        (_all, row: string, column?: string) => `line ${row}${column ? `:${column}` : ''}:`,
      ),
    );
  }
  return kept.join('\n').trim();
}

/** The editor line of the first message that names one, for the output panel to point at. */
export function firstErrorLine(text: string): number | null {
  const match = /(?:^|\n)line (\d+)/.exec(text) ?? /\bline (\d+)\b/.exec(text);
  return match ? Number(match[1]) : null;
}
