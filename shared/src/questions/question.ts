import { z } from 'zod';
import { CodingProblem } from './coding.js';
import { Difficulty } from './difficulty.js';
import { InterviewerNotes } from './interviewer.js';
import { Phase } from './phase.js';
import { RoundType } from './roundTypes.js';
import { QUESTION_RULES, type SolutionLanguage } from './rules.js';
import { TestCase } from './testCase.js';
import { KebabId, NonBlank } from './text.js';
import { typedSignatureIssues } from './typedSignature.js';

const QuestionShape = z.strictObject({
  // Public: safe to show the candidate (see PublicQuestion).
  id: KebabId,
  title: NonBlank,
  roundType: RoundType,
  /** The source's own label for the round ("System Design"), kept for display. */
  roundLabel: NonBlank,
  difficulty: Difficulty,
  tags: z.array(NonBlank).min(1, 'needs at least one tag'),
  prompt: NonBlank,
  timeLimitMinutes: z.number().int().positive(),
  phases: z.array(Phase).min(1, 'needs at least one phase'),
  coding: CodingProblem.optional(),
  // Mixed: public cases are shown, hidden ones are private.
  tests: z.array(TestCase).optional(),
  // Private: interviewer only.
  interviewer: InterviewerNotes,
});

/** What the cross-field rules read: a bank file or a browser question (whose id is optional). */
type QuestionShape = Omit<z.infer<typeof QuestionShape>, 'id'>;

function argCountIssues(q: QuestionShape, ctx: z.RefinementCtx): void {
  const arity = q.coding?.parameters.length;
  if (arity === undefined) return;
  const check = (args: unknown[], path: (string | number)[]) => {
    if (args.length !== arity) {
      ctx.addIssue({
        code: 'custom',
        path,
        message: `has ${args.length} arguments, the function takes ${arity}`,
      });
    }
  };
  for (const [i, example] of (q.coding?.examples ?? []).entries()) {
    check(example.args, ['coding', 'examples', i, 'args']);
  }
  for (const [i, test] of (q.tests ?? []).entries()) {
    check(test.args, ['tests', i, 'args']);
  }
}

/**
 * What differs between a bank file and a question written in the browser ("My questions"): the
 * bank ships reference solution files and at least 8 tests; a browser question has no folder for
 * solution files, and may be smaller (one public and one hidden test at least). Every other rule
 * is the same, checked by the same code.
 */
export interface QuestionRuleSet {
  /** Coding questions must name reference solution files (bank), or must not (browser). */
  solutionFiles: 'required' | 'refused';
  codingTestsMin: number;
}

export const BANK_QUESTION_RULES: QuestionRuleSet = {
  solutionFiles: 'required',
  codingTestsMin: QUESTION_RULES.codingTestsMin,
};
export const OWN_QUESTION_RULES: QuestionRuleSet = { solutionFiles: 'refused', codingTestsMin: 2 };

function codingIssues(q: QuestionShape, ctx: z.RefinementCtx, rules: QuestionRuleSet): void {
  const issue = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });
  if (q.roundType !== 'coding') {
    if (q.coding) issue(['coding'], 'only coding questions have a coding section');
    if (q.tests) issue(['tests'], 'only coding questions have tests');
    if (q.interviewer.solution) {
      issue(['interviewer', 'solution'], 'only coding questions have reference solutions');
    }
    return;
  }
  if (!q.coding) issue(['coding'], 'a coding question needs a coding section');
  if (rules.solutionFiles === 'required' && !q.interviewer.solution) {
    issue(['interviewer', 'solution'], 'a coding question needs reference solutions');
  }
  if (rules.solutionFiles === 'refused' && q.interviewer.solution) {
    issue(['interviewer', 'solution'], 'reference solution files belong to the bank; leave them out here');
  }
  const tests = q.tests ?? [];
  if (tests.length < rules.codingTestsMin) {
    issue(['tests'], `has ${tests.length} test cases, needs at least ${rules.codingTestsMin}`);
  }
  if (!tests.some((t) => !t.hidden)) issue(['tests'], 'needs at least one public test case (hidden: false)');
  if (!tests.some((t) => t.hidden)) issue(['tests'], 'needs at least one hidden test case (hidden: true)');
  const seen = new Set<string>();
  for (const [i, test] of tests.entries()) {
    if (seen.has(test.name)) issue(['tests', i, 'name'], `duplicate test name "${test.name}"`);
    seen.add(test.name);
  }
  if (q.coding) {
    // A starter file that never mentions the entry name would leave the runner nothing to call.
    for (const language of ['python', 'javascript', 'typescript', 'java', 'cpp', 'go'] as const) {
      const starter = q.coding.starterCode[language];
      const entry = q.coding.entry[language] ?? q.coding.entry.javascript;
      if (starter !== undefined && !starter.includes(entry)) {
        issue(['coding', 'starterCode', language], `does not define the entry "${entry}"`);
      }
    }
  }
}

function generalIssues(q: QuestionShape, ctx: z.RefinementCtx): void {
  const total = q.phases.reduce((sum, phase) => sum + phase.minutes, 0);
  if (total !== q.timeLimitMinutes) {
    ctx.addIssue({
      code: 'custom',
      path: ['phases'],
      message: `minutes add up to ${total}, but timeLimitMinutes is ${q.timeLimitMinutes}`,
    });
  }
  const ids = new Set<string>();
  for (const [i, criterion] of q.interviewer.rubric.entries()) {
    if (ids.has(criterion.id)) {
      ctx.addIssue({
        code: 'custom',
        path: ['interviewer', 'rubric', i, 'id'],
        message: `duplicate id "${criterion.id}"`,
      });
    }
    ids.add(criterion.id);
  }
}

/**
 * One question file (question.yaml) as authored: field rules plus the cross-field rules (coding
 * questions need starter code, tests and solutions; phases add up to the time limit).
 */
function questionIssues(q: QuestionShape, ctx: z.RefinementCtx, rules: QuestionRuleSet): void {
  generalIssues(q, ctx);
  codingIssues(q, ctx, rules);
  argCountIssues(q, ctx);
  if (q.coding) typedSignatureIssues(q.coding, ctx);
}

export const QuestionFile = QuestionShape.superRefine((q, ctx) =>
  questionIssues(q, ctx, BANK_QUESTION_RULES),
);
export type QuestionFile = z.infer<typeof QuestionFile>;

/**
 * A question written in the browser ("My questions"): the bank's question.yaml with the same
 * fields and rules (OWN_QUESTION_RULES for the two that differ); its id is optional, since the
 * server names it `my-<key>`. The server adds its own bounds on top (ownQuestionBounds.ts).
 */
export const OwnQuestionFile = QuestionShape.extend({ id: KebabId.optional() }).superRefine((q, ctx) =>
  questionIssues(q, ctx, OWN_QUESTION_RULES),
);
export type OwnQuestionFile = z.infer<typeof OwnQuestionFile>;

/**
 * A question as the loader returns it: generators in tests expanded, plus its track, the file it
 * came from and, for coding questions, the text of the reference solution files (private).
 */
export type Question = QuestionFile & {
  trackId: string;
  sourceFile: string;
  solutionSources?: Record<SolutionLanguage, string>;
};
