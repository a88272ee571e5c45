/** One thing wrong with the bank: which file, which field in it, and why. */
export interface BankProblem {
  file: string;
  field: string;
  reason: string;
}

/**
 * Thrown by loadQuestionBank with every problem found, not just the first, so an author fixes a
 * bank in one pass. The message has one `<file>: <field>: <reason>` line per problem.
 */
export class QuestionBankError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: readonly BankProblem[],
  ) {
    const noun = problems.length === 1 ? 'problem' : 'problems';
    const lines = problems.map((p) => `${p.file}: ${p.field}: ${p.reason}`);
    super([`Question bank ${dir} has ${problems.length} ${noun}:`, ...lines].join('\n'));
    this.name = 'QuestionBankError';
  }
}
