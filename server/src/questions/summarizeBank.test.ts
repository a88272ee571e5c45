import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from './loadQuestionBank.js';
import { formatBankSummary, summarizeQuestion } from './summarizeBank.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bank = await loadQuestionBank(path.resolve(here, '../../../questions'));

describe('summarizeBank', () => {
  it('counts rubric criteria, hints and public/hidden tests', () => {
    const trending = bank.questions.find((q) => q.id === 'netflix-mle-top-k-trending');
    expect(trending && summarizeQuestion(trending)).toEqual({
      id: 'netflix-mle-top-k-trending',
      roundType: 'coding',
      rubric: 5,
      hints: 4,
      publicTests: 3,
      hiddenTests: 9,
    });
  });

  it('prints a header, one line per question and a total', () => {
    const lines = formatBankSummary(bank).split('\n');
    expect(lines).toHaveLength(bank.questions.length + 2);
    expect(lines[0]).toMatch(/^id\s+round\s+rubric\s+hints\s+tests \(public\/hidden\)$/);
    expect(lines[1]).toMatch(/^netflix-mle-radical-candor-feedback\s+behavioral\s+5\s+3\s+-$/);
    expect(lines.at(-1)).toBe('17 questions in 1 track: OK');
  });
});
