import { readFile } from 'node:fs/promises';
import { parseDocument, type YAMLError } from 'yaml';
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
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length > 0) return { problems: yamlProblems(file, doc.errors) };
  return { data: doc.toJS() };
}

/** How every question YAML is read: the bank's files and a browser's import alike. */
export const YAML_OPTIONS = { schema: 'core', uniqueKeys: true, prettyErrors: true } as const;

/** YAML errors as problems, the line and column as the field (there is no field path yet). */
export function yamlProblems(file: string, errors: readonly YAMLError[]): BankProblem[] {
  return errors.map((error) => {
    const at = error.linePos?.[0];
    // Pretty messages repeat the position and quote the source; keep only the reason itself.
    const reason = (error.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
    return { file, field: at ? `line ${at.line}:${at.col}` : '(yaml)', reason };
  });
}
