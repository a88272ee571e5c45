import type { Dirent } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  type CodingProblem,
  callMismatches,
  expandGenerators,
  GeneratorError,
  type JsonValue,
  type Question,
  QuestionFile,
  SOLUTION_LANGUAGES,
  type SolutionLanguage,
  type TestCase,
  type Track,
  TrackFile,
  typedSignature,
} from '@mockloop/shared';
import type { z } from 'zod';
import { drawLoopPlan, pickFirst } from './drawLoopPlan.js';
import { fieldPath } from './fieldPath.js';
import { withGeneratedStarters } from './generateStarters.js';
import { type BankProblem, QuestionBankError } from './QuestionBankError.js';
import { readYamlFile } from './readYamlFile.js';

/** The validated bank: tracks in folder order, and every question in track order then folder order. */
export interface QuestionBank {
  tracks: Track[];
  questions: Question[];
  /**
   * Questions of My questions that rounds hold (`my-<key>`), read from the store on demand
   * (`warm`) and then found like the bank's; absent where no store is (the bank's own tools).
   */
  own?: {
    find(id: string): Question | undefined;
    warm(ids: ReadonlyArray<string | null | undefined>): Promise<void>;
    /** The question `id` if the author secret is its author's (read fresh), else undefined. */
    pick(authorSecret: string | undefined, id: string): Promise<Question | undefined>;
  };
}

export const TRACK_FILE = 'track.yaml';
export const QUESTION_FILE = 'question.yaml';

/** Byte-order comparison, so the order never depends on the machine's locale. */
function byName(a: Dirent, b: Dirent): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Sub-folders in name order; dot-folders are skipped so editor and VCS folders never count. */
async function subfolders(dir: string): Promise<Dirent[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).sort(byName);
}

function zodProblems(file: string, error: z.ZodError): BankProblem[] {
  return error.issues.map((issue) => ({ file, field: fieldPath(issue.path), reason: issue.message }));
}

async function parseFile<T>(
  file: string,
  schema: z.ZodType<T>,
  problems: BankProblem[],
): Promise<T | undefined> {
  const read = await readYamlFile(file);
  if ('problems' in read) {
    problems.push(...read.problems);
    return undefined;
  }
  const parsed = schema.safeParse(read.data);
  if (!parsed.success) {
    problems.push(...zodProblems(file, parsed.error));
    return undefined;
  }
  return parsed.data;
}

function expand(value: JsonValue, at: (string | number)[], file: string, problems: BankProblem[]): JsonValue {
  try {
    return expandGenerators(value, at);
  } catch (error) {
    if (!(error instanceof GeneratorError)) throw error;
    problems.push({ file, field: fieldPath(error.path), reason: error.message });
    return value;
  }
}

function expandTests(tests: TestCase[], file: string, problems: BankProblem[]): TestCase[] {
  return tests.map((test, i) => ({
    ...test,
    args: test.args.map((arg, j) => expand(arg, ['tests', i, 'args', j], file, problems)),
    expected: expand(test.expected, ['tests', i, 'expected'], file, problems),
  }));
}

/** Tests built by generators are only checked against the typed signature once expanded. */
export function checkTestTypes(
  coding: CodingProblem,
  tests: TestCase[],
  file: string,
  problems: BankProblem[],
): void {
  const signature = typedSignature(coding);
  if (!signature) return;
  for (const [i, test] of tests.entries()) {
    // A generator that did not expand is reported as such; its types would only repeat it.
    if (holdsGenerator([...test.args, test.expected])) continue;
    for (const found of callMismatches(signature, test.args, test.expected)) {
      problems.push({ file, field: fieldPath(['tests', i, ...found.path]), reason: found.reason });
    }
  }
}

function holdsGenerator(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.some(holdsGenerator);
  if (value === null || typeof value !== 'object') return false;
  return Object.keys(value).some((key) => key.startsWith('$')) || Object.values(value).some(holdsGenerator);
}

async function readSolutions(
  questionDir: string,
  question: QuestionFile,
  file: string,
  problems: BankProblem[],
): Promise<Record<SolutionLanguage, string> | undefined> {
  const files = question.interviewer.solution?.files;
  if (!files) return undefined;
  const sources: Partial<Record<SolutionLanguage, string>> = {};
  for (const language of SOLUTION_LANGUAGES) {
    const field = `interviewer.solution.files.${language}`;
    const target = path.resolve(questionDir, files[language]);
    // The schema already forbids "..", but resolving makes the containment check explicit.
    if (path.relative(questionDir, target).startsWith('..')) {
      problems.push({ file, field, reason: 'must stay inside the question folder' });
      continue;
    }
    try {
      sources[language] = await readFile(target, 'utf8');
    } catch (error) {
      problems.push({
        file,
        field,
        reason: `cannot read ${files[language]}: ${(error as NodeJS.ErrnoException).code}`,
      });
    }
  }
  return SOLUTION_LANGUAGES.every((language) => sources[language] !== undefined)
    ? (sources as Record<SolutionLanguage, string>)
    : undefined;
}

async function loadQuestion(
  questionDir: string,
  trackId: string,
  problems: BankProblem[],
): Promise<Question | undefined> {
  const file = path.join(questionDir, QUESTION_FILE);
  const parsed = await parseFile(file, QuestionFile, problems);
  if (!parsed) return undefined;
  if (!parsed.id.startsWith(`${trackId}-`)) {
    problems.push({ file, field: 'id', reason: `must start with the track id "${trackId}-"` });
  }
  const question: Question = { ...parsed, trackId, sourceFile: file };
  if (parsed.coding) question.coding = withGeneratedStarters(parsed.coding);
  if (parsed.tests) question.tests = expandTests(parsed.tests, file, problems);
  if (question.coding && question.tests) checkTestTypes(question.coding, question.tests, file, problems);
  const sources = await readSolutions(questionDir, parsed, file, problems);
  if (sources) question.solutionSources = sources;
  return question;
}

async function loadTrack(
  trackDir: string,
  problems: BankProblem[],
): Promise<{ track?: Track; questions: Question[] }> {
  const file = path.join(trackDir, TRACK_FILE);
  const folder = path.basename(trackDir);
  const parsed = await parseFile(file, TrackFile, problems);
  if (parsed && parsed.id !== folder) {
    problems.push({ file, field: 'id', reason: `must equal the folder name "${folder}"` });
  }
  const trackId = parsed?.id ?? folder;
  const questions: Question[] = [];
  const folders = await subfolders(trackDir);
  if (folders.length === 0) {
    problems.push({ file, field: '(track)', reason: 'the track folder has no question folders' });
  }
  for (const entry of folders) {
    const question = await loadQuestion(path.join(trackDir, entry.name), trackId, problems);
    if (question) questions.push(question);
  }
  if (!parsed) return { questions };
  const track: Track = { ...parsed, questionIds: questions.map((q) => q.id) };
  problems.push(...planProblems(track, questions, file));
  return { track, questions };
}

/** A loop plan every room can follow: each round gets a question of its own, none twice. */
function planProblems(track: Track, questions: Question[], file: string): BankProblem[] {
  if (!track.plan) return [];
  const drawn = drawLoopPlan(track, questions, pickFirst);
  if (!('unfilled' in drawn)) return [];
  const round = track.plan[drawn.unfilled];
  return [
    {
      file,
      field: `plan.${drawn.unfilled}`,
      reason: `not enough ${round?.roundType ?? ''} questions in the track for every round of the plan to have its own`,
    },
  ];
}

function duplicateIdProblems(questions: Question[]): BankProblem[] {
  const firstFile = new Map<string, string>();
  const problems: BankProblem[] = [];
  for (const { id, sourceFile } of questions) {
    const earlier = firstFile.get(id);
    if (earlier) {
      problems.push({
        file: sourceFile,
        field: 'id',
        reason: `duplicate id "${id}", also used in ${earlier}`,
      });
    } else {
      firstFile.set(id, sourceFile);
    }
  }
  return problems;
}

/**
 * Reads every track folder under `dir` (track.yaml plus one sub-folder per question holding
 * question.yaml), validates it and loads the reference solution files. Throws a QuestionBankError
 * listing every problem as `<file>: <field>: <reason>`; never returns a partly valid bank.
 */
export async function loadQuestionBank(dir: string): Promise<QuestionBank> {
  const problems: BankProblem[] = [];
  let folders: Dirent[];
  try {
    folders = await subfolders(dir);
  } catch (error) {
    throw new QuestionBankError(dir, [
      { file: dir, field: '(dir)', reason: `cannot read: ${(error as Error).message}` },
    ]);
  }
  if (folders.length === 0) problems.push({ file: dir, field: '(dir)', reason: 'contains no track folders' });

  const tracks: Track[] = [];
  const questions: Question[] = [];
  for (const entry of folders) {
    const loaded = await loadTrack(path.join(dir, entry.name), problems);
    if (loaded.track) tracks.push(loaded.track);
    questions.push(...loaded.questions);
  }
  problems.push(...duplicateIdProblems(questions));

  if (problems.length > 0) throw new QuestionBankError(dir, problems);
  return { tracks, questions };
}
