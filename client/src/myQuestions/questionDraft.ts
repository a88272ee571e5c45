import {
  type Difficulty,
  type FieldProblem,
  type JsonValue,
  type OwnQuestionFile,
  ROUND_TYPE_LABELS,
  type RoundType,
} from '@mockloop/shared';

/** One rubric criterion as the form edits it: the four score anchors in order. */
export interface CriterionDraft {
  id: string;
  name: string;
  measures: string;
  scores: [string, string, string, string];
}

export interface ParameterDraft {
  name: string;
  type: string;
  valueType: string;
  description: string;
}

/** A test as the form edits it: arguments and expected value as JSON text. */
export interface TestDraft {
  name: string;
  args: string;
  expected: string;
  hidden: boolean;
}

/**
 * The question editor's state: the bank's fields as text, lists as one item per line. `base` is
 * the question it started from, so fields the form does not show (phases, examples, Java
 * starters of an imported file) are kept as they were.
 */
export interface QuestionDraft {
  title: string;
  roundType: RoundType;
  roundLabel: string;
  difficulty: Difficulty;
  tags: string;
  timeLimitMinutes: string;
  prompt: string;
  guidance: string;
  hints: string;
  followUps: string;
  redFlags: string;
  rubric: CriterionDraft[];
  entryPython: string;
  entryJavascript: string;
  signaturePython: string;
  signatureJavascript: string;
  signatureTypescript: string;
  parameters: ParameterDraft[];
  returnsType: string;
  returnsValueType: string;
  returnsDescription: string;
  constraints: string;
  starterPython: string;
  starterJavascript: string;
  starterTypescript: string;
  tests: TestDraft[];
  base: Partial<OwnQuestionFile>;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

export const emptyCriterion = (n: number): CriterionDraft => ({
  id: `criterion-${n}`,
  name: '',
  measures: '',
  scores: ['', '', '', ''],
});
export const emptyTest = (hidden: boolean): TestDraft => ({ name: '', args: '[]', expected: 'null', hidden });
export const emptyParameter = (): ParameterDraft => ({ name: '', type: '', valueType: '', description: '' });

/** A fresh question: a coding round's structure with nothing written yet. */
export function newDraft(): QuestionDraft {
  return {
    title: '',
    roundType: 'coding',
    roundLabel: ROUND_TYPE_LABELS.coding,
    difficulty: 'medium',
    tags: '',
    timeLimitMinutes: '45',
    prompt: '',
    guidance: '',
    hints: '',
    followUps: '',
    redFlags: '',
    rubric: [1, 2, 3].map(emptyCriterion),
    entryPython: '',
    entryJavascript: '',
    signaturePython: '',
    signatureJavascript: '',
    signatureTypescript: '',
    parameters: [emptyParameter()],
    returnsType: '',
    returnsValueType: '',
    returnsDescription: '',
    constraints: '',
    starterPython: '',
    starterJavascript: '',
    starterTypescript: '',
    tests: [emptyTest(false), emptyTest(true)],
    base: {},
  };
}

/** The form's state for a stored (or shared, or imported) question. */
export function draftOf(q: OwnQuestionFile): QuestionDraft {
  const c = q.coding;
  return {
    ...newDraft(),
    title: q.title,
    roundType: q.roundType,
    roundLabel: q.roundLabel,
    difficulty: q.difficulty,
    tags: q.tags.join(', '),
    timeLimitMinutes: String(q.timeLimitMinutes),
    prompt: q.prompt,
    guidance: q.interviewer.guidance,
    hints: q.interviewer.hints.join('\n'),
    followUps: q.interviewer.followUps.join('\n'),
    redFlags: q.interviewer.redFlags.join('\n'),
    rubric: q.interviewer.rubric.map((r) => ({
      id: r.id,
      name: r.name,
      measures: r.measures,
      scores: [r.scores[1], r.scores[2], r.scores[3], r.scores[4]],
    })),
    ...(c
      ? {
          entryPython: c.entry.python,
          entryJavascript: c.entry.javascript,
          signaturePython: c.signature.python,
          signatureJavascript: c.signature.javascript,
          signatureTypescript: c.signature.typescript,
          parameters: c.parameters.map((p) => ({ ...p, valueType: p.valueType ?? '' })),
          returnsType: c.returns.type,
          returnsValueType: c.returns.valueType ?? '',
          returnsDescription: c.returns.description,
          constraints: c.constraints.join('\n'),
          starterPython: c.starterCode.python,
          starterJavascript: c.starterCode.javascript,
          starterTypescript: c.starterCode.typescript,
        }
      : {}),
    tests: (q.tests ?? []).map((t) => ({
      name: t.name,
      args: JSON.stringify(t.args),
      expected: JSON.stringify(t.expected),
      hidden: t.hidden,
    })),
    base: q,
  };
}

function json(text: string, field: string, problems: FieldProblem[]): JsonValue {
  try {
    return JSON.parse(text) as JsonValue;
  } catch {
    problems.push({ field, reason: 'is not JSON (numbers, "strings", [lists], {"objects"}, true, null)' });
    return null;
  }
}

/** The draft as the bank's question shape; problems the browser can see (JSON that does not parse). */
export function questionOf(d: QuestionDraft): {
  question: Record<string, unknown>;
  problems: FieldProblem[];
} {
  const problems: FieldProblem[] = [];
  const minutes = Number(d.timeLimitMinutes);
  const basePhases = d.base.phases ?? [];
  const phases =
    basePhases.length > 0 && basePhases.reduce((sum, p) => sum + p.minutes, 0) === minutes
      ? basePhases
      : [{ name: 'Interview', minutes }];
  const question: Record<string, unknown> = {
    title: d.title,
    roundType: d.roundType,
    roundLabel: d.roundLabel,
    difficulty: d.difficulty,
    tags: d.tags
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean),
    prompt: d.prompt,
    timeLimitMinutes: minutes,
    phases,
    interviewer: {
      guidance: d.guidance,
      rubric: d.rubric.map((r) => ({
        id: r.id,
        name: r.name,
        measures: r.measures,
        scores: { 1: r.scores[0], 2: r.scores[1], 3: r.scores[2], 4: r.scores[3] },
      })),
      hints: lines(d.hints),
      followUps: lines(d.followUps),
      redFlags: lines(d.redFlags),
    },
  };
  if (d.roundType !== 'coding') return { question, problems };
  const tests = d.tests.map((t, i) => {
    const args = json(t.args, `tests[${i}].args`, problems);
    return {
      name: t.name,
      args,
      expected: json(t.expected, `tests[${i}].expected`, problems),
      hidden: t.hidden,
    };
  });
  const base = d.base.coding;
  const firstPublic = tests.find((t) => !t.hidden);
  question.tests = tests;
  question.coding = {
    entry: {
      ...base?.entry,
      python: d.entryPython,
      javascript: d.entryJavascript,
      typescript: d.entryJavascript,
    },
    signature: {
      ...base?.signature,
      python: d.signaturePython,
      javascript: d.signatureJavascript,
      typescript: d.signatureTypescript,
    },
    parameters: d.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      ...(p.valueType.trim() ? { valueType: p.valueType.trim() } : {}),
      description: p.description,
    })),
    returns: {
      type: d.returnsType,
      ...(d.returnsValueType.trim() ? { valueType: d.returnsValueType.trim() } : {}),
      description: d.returnsDescription,
    },
    constraints: lines(d.constraints),
    // The worked example shown with the prompt: the file's own, else the first public test.
    examples:
      base?.examples ?? (firstPublic ? [{ args: firstPublic.args, expected: firstPublic.expected }] : []),
    starterCode: {
      ...base?.starterCode,
      python: d.starterPython,
      javascript: d.starterJavascript,
      typescript: d.starterTypescript,
    },
    ...(base?.runTimeLimitSeconds ? { runTimeLimitSeconds: base.runTimeLimitSeconds } : {}),
  };
  return { question, problems };
}

/** The problems of one field: its own, and those of anything inside it (`tests[1]` holds `tests[1].args`). */
export function problemsAt(problems: readonly FieldProblem[], field: string): FieldProblem[] {
  return problems.filter(
    (p) => p.field === field || p.field.startsWith(`${field}.`) || p.field.startsWith(`${field}[`),
  );
}
