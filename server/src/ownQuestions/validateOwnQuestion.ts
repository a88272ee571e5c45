import type { FieldProblem } from '@mockloop/shared';
import { OwnQuestionFile } from '@mockloop/shared';
import { fieldPath } from '../questions/fieldPath.js';
import { checkTestTypes } from '../questions/loadQuestionBank.js';
import type { BankProblem } from '../questions/QuestionBankError.js';
import { generatorProblems, markupProblems, shapeProblems } from './ownQuestionBounds.js';

export type ValidOwnQuestion = { question: OwnQuestionFile; json: string; bytes: number };

const asFieldProblems = (problems: Array<{ path: Array<string | number>; reason: string }>): FieldProblem[] =>
  problems.map((p) => ({ field: fieldPath(p.path), reason: p.reason }));

/**
 * Checks a question a person wrote the way the bank's loader checks a file, plus the bounds a
 * stranger's input needs: shape first (cheap, before the schema), then the shared schema
 * (`OwnQuestionFile`), markup, no generators (values are written out: a generator could
 * make a million items) and tests against the typed signature, and
 * the stored size. Every problem names its field; nothing is returned half valid.
 */
export function validateOwnQuestion(
  raw: unknown,
  maxBytes: number,
): ValidOwnQuestion | { problems: FieldProblem[] } {
  const shape = shapeProblems(raw);
  if (shape.length > 0) return { problems: asFieldProblems(shape) };
  const parsed = OwnQuestionFile.safeParse(raw);
  const problems: FieldProblem[] = asFieldProblems([...markupProblems(raw), ...generatorProblems(raw)]);
  if (!parsed.success) {
    problems.push(...parsed.error.issues.map((i) => ({ field: fieldPath(i.path), reason: i.message })));
    return { problems };
  }
  const question = parsed.data;
  const bank: BankProblem[] = [];
  if (question.tests && question.coding) checkTestTypes(question.coding, question.tests, '', bank);
  problems.push(...bank.map((p) => ({ field: p.field, reason: p.reason })));
  if (problems.length > 0) return { problems };
  const { id: _id, ...stored } = question;
  const json = JSON.stringify(stored);
  const bytes = Buffer.byteLength(json);
  if (bytes > maxBytes) {
    return { problems: [{ field: '(root)', reason: `is ${bytes} bytes as stored, at most ${maxBytes}` }] };
  }
  return { question: stored, json, bytes };
}
