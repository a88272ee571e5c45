import { readFile } from 'node:fs/promises';
import { parseDocument } from 'yaml';
import type { BankProblem } from './QuestionBankError.js';

/**
 * Reads and parses one YAML file. Returns the plain data, or the problems (unreadable file, syntax
 * error, duplicate key) with the line and column as the field, since there is no field path yet.
 */
export async function readYamlFile(file: string): Promise<{ data: unknown } | { problems: BankProblem[] }> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'file is missing' : `cannot read the file (${code ?? String(error)})`;
    return { problems: [{ file, field: '(file)', reason }] };
  }
  // The core schema keeps values JSON-like (no dates, no binary); duplicate keys are errors.
  const doc = parseDocument(text, { schema: 'core', uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((error) => {
        const at = error.linePos?.[0];
        // Pretty messages repeat the position and quote the source; keep only the reason itself.
        const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        return { file, field: at ? `line ${at.line}:${at.col}` : '(yaml)', reason };
      }),
    };
  }
  return { data: doc.toJS() };
}
