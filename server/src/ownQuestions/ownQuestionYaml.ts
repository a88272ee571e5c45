import type { FieldProblem, OwnQuestionFile } from '@mockloop/shared';
import { parseAllDocuments, stringify } from 'yaml';
import { YAML_OPTIONS, yamlProblems } from '../questions/readYamlFile.js';

/**
 * Reads an import: one question, or a set as several YAML documents (`---` between them), each in
 * the bank's question.yaml format. The caller bounds the text's bytes first; YAML's own alias
 * limit bounds what it expands to. Syntax problems name the document and `line L:C`.
 */
export function parseImport(
  text: string,
  maxCount: number,
): { values: unknown[] } | { problems: FieldProblem[] } {
  const docs = parseAllDocuments(text, YAML_OPTIONS);
  // A stream with no documents parses to an empty list (or, in some versions, an EmptyStream).
  const list = Array.isArray(docs) ? docs : [];
  if (list.length === 0) return { problems: [{ field: '(file)', reason: 'holds no question' }] };
  if (list.length > maxCount) {
    return {
      problems: [
        { field: '(file)', reason: `holds ${list.length} questions, at most ${maxCount} at a time` },
      ],
    };
  }
  const problems: FieldProblem[] = [];
  const values: unknown[] = [];
  for (const [i, doc] of list.entries()) {
    if (doc.errors.length > 0) {
      problems.push(
        ...yamlProblems('', doc.errors).map((p) => ({ document: i + 1, field: p.field, reason: p.reason })),
      );
      continue;
    }
    try {
      values.push(doc.toJS({ maxAliasCount: 100 }));
    } catch (error) {
      problems.push({
        document: i + 1,
        field: '(yaml)',
        reason: (error as Error).message.split('\n')[0] ?? 'unreadable',
      });
    }
  }
  return problems.length > 0 ? { problems } : { values };
}

/** Questions as YAML in the bank's format, one document each, with the id they carry here. */
export function exportYaml(questions: ReadonlyArray<{ id: string; question: OwnQuestionFile }>): string {
  return questions
    .map(({ id, question }) => stringify({ id, ...question }, { lineWidth: 0, aliasDuplicateObjects: false }))
    .join('---\n');
}
