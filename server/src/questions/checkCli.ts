/**
 * `node server/dist/questions/checkCli.js [dir]`: validates the question bank (default: the repo's
 * questions/ folder), prints one line per question, and exits 1 listing every problem.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadQuestionBank } from './loadQuestionBank.js';
import { QuestionBankError } from './QuestionBankError.js';
import { formatBankSummary } from './summarizeBank.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// Compiled to server/dist/questions/, three levels below the repository root. Kept relative to the
// working directory so the reported file names are short enough to click in a terminal.
const dir = process.argv[2] ?? (path.relative(process.cwd(), path.join(here, '../../../questions')) || '.');

try {
  const bank = await loadQuestionBank(dir);
  console.log(formatBankSummary(bank));
} catch (error) {
  if (!(error instanceof QuestionBankError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
}
