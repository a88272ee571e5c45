/** An error a run reported at a line of the editor (1-based), with what it said. */
export interface LineError {
  line: number;
  message: string;
}

/** Most marks an error output leaves in the editor (a compiler can report hundreds). */
const MAX_MARKS = 20;

/** The last non-empty line of a text: where a traceback says what went wrong. */
const lastLine = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .at(-1) ?? '';

/**
 * The editor lines an error output points at, for every language the room runs: a Python
 * traceback (`File "solution.py", line 5`: the innermost frame in the candidate's file), the
 * browser runner's `(line 5)`, and compilers' `file.ext:5:3: error: ...` lines (Java, C++, Go,
 * TypeScript). Lines past `lineCount` are left out; at most MAX_MARKS marks.
 */
export function errorLines(output: string, lineCount: number): LineError[] {
  const found: LineError[] = [];
  const add = (line: number, message: string) => {
    if (line < 1 || line > lineCount || found.some((f) => f.line === line)) return;
    if (found.length < MAX_MARKS) found.push({ line, message: message.trim().slice(0, 300) });
  };
  const frames = [...output.matchAll(/File "(?:[^"]*\/)?solution\.py", line (\d+)/g)];
  const innermost = frames.at(-1);
  if (innermost) add(Number(innermost[1]), lastLine(output));
  for (const match of output.matchAll(
    /^\s*(?:\.\/)?[\w.\-/]+\.(?:java|cpp|cc|cxx|c|h|hpp|go|ts|js|py):(\d+)(?::\d+)?:?\s*(.*)$/gm,
  )) {
    add(Number(match[1]), match[2] || lastLine(output));
  }
  for (const match of output.matchAll(/^(.*)\(line (\d+)\)\s*$/gm)) add(Number(match[2]), match[1] ?? '');
  return found;
}
