import { createHash, randomBytes } from 'node:crypto';
import {
  AUTHOR_SECRET_PATTERN,
  type Difficulty,
  type FieldProblem,
  OWN_QUESTION_KEY_PATTERN,
  type OwnQuestionEntry,
  type OwnQuestionFile,
  type OwnQuestionList,
  type OwnQuestionSummary,
  ownQuestionId,
  type RoundType,
  SHARE_KEY_PATTERN,
} from '@mockloop/shared';
import { AppError } from '../common/AppError.js';
import type { OwnQuestionRecord, OwnQuestionWrite, QuestionStore } from '../store/QuestionStore.js';
import type { OwnQuestionLimits } from './ownQuestionLimits.js';
import { exportYaml, parseImport } from './ownQuestionYaml.js';
import { validateOwnQuestion } from './validateOwnQuestion.js';

/** A refused question: the fields at fault, each with its reason (the routes answer 400 with them). */
export class FieldProblemsError extends Error {
  constructor(
    message: string,
    readonly problems: FieldProblem[],
  ) {
    super(message);
  }
}

/** The author a bearer secret speaks for (its SHA-256), or null for a malformed one. */
export function authorOf(secret: string | undefined): string | null {
  if (!secret || !AUTHOR_SECRET_PATTERN.test(secret)) return null;
  return createHash('sha256').update(secret).digest('hex');
}

const summary = (r: OwnQuestionRecord): OwnQuestionSummary => ({
  key: r.key,
  id: ownQuestionId(r.key),
  title: r.title,
  roundType: r.roundType as RoundType,
  difficulty: r.difficulty as Difficulty,
  updatedAt: r.updatedAt,
  shareKey: r.shareKey,
});

const entry = (r: OwnQuestionRecord): OwnQuestionEntry => ({
  ...summary(r),
  question: JSON.parse(r.body) as OwnQuestionFile,
});

/** My questions: each author's list, validated like the bank, bounded per author (P-MYQ-*). */
export class OwnQuestionService {
  constructor(
    private readonly store: QuestionStore,
    private readonly limits: OwnQuestionLimits,
    private readonly now: () => number = Date.now,
  ) {}

  private get quota() {
    return { maxCount: this.limits.perPerson, maxBytes: this.limits.bytesPerPerson };
  }

  /** A stored record for a valid question, or FieldProblemsError naming every field at fault. */
  private record(owner: string, raw: unknown, key: string, document?: number): OwnQuestionRecord {
    const valid = validateOwnQuestion(raw, this.limits.questionBytes);
    if ('problems' in valid) {
      throw new FieldProblemsError(
        'The question has problems; each is listed with its field.',
        valid.problems.map((p) => (document ? { document, ...p } : p)),
      );
    }
    const at = this.now();
    return {
      key,
      owner,
      title: valid.question.title,
      roundType: valid.question.roundType,
      difficulty: valid.question.difficulty,
      body: valid.json,
      bytes: valid.bytes,
      shareKey: null,
      createdAt: at,
      updatedAt: at,
    };
  }

  private refusal(result: OwnQuestionWrite, adding: number): never {
    if (result === 'too-many') {
      throw new AppError(
        'CONFLICT',
        `My questions holds at most ${this.limits.perPerson} questions; delete some to add ${adding === 1 ? 'this one' : `these ${adding}`}.`,
      );
    }
    if (result === 'too-large') {
      throw new AppError(
        'CONFLICT',
        `My questions holds at most ${Math.round(this.limits.bytesPerPerson / 1024)} KiB in all; delete or shorten some questions first.`,
      );
    }
    throw new AppError('NOT_FOUND', 'There is no such question in your list.');
  }

  async list(owner: string): Promise<OwnQuestionList> {
    const records = await this.store.listOwnQuestions(owner);
    const { perPerson, bytesPerPerson, questionBytes } = this.limits;
    return {
      questions: records.map(summary),
      limits: {
        perPerson,
        bytesPerPerson,
        questionBytes,
        usedBytes: records.reduce((s, r) => s + r.bytes, 0),
      },
    };
  }

  async get(owner: string, key: string): Promise<OwnQuestionEntry> {
    const record = OWN_QUESTION_KEY_PATTERN.test(key) ? await this.store.getOwnQuestion(key) : null;
    if (!record || record.owner !== owner)
      throw new AppError('NOT_FOUND', 'There is no such question in your list.');
    return entry(record);
  }

  async create(owner: string, raw: unknown): Promise<OwnQuestionEntry> {
    const record = this.record(owner, raw, newKey());
    const result = await this.store.addOwnQuestions([record], this.quota);
    if (result !== 'saved') this.refusal(result, 1);
    return entry(record);
  }

  async update(owner: string, key: string, raw: unknown): Promise<OwnQuestionEntry> {
    if (!OWN_QUESTION_KEY_PATTERN.test(key)) this.refusal('not-found', 1);
    const record = this.record(owner, raw, key);
    const result = await this.store.replaceOwnQuestion(record, this.quota);
    if (result !== 'saved') this.refusal(result, 1);
    return this.get(owner, key);
  }

  async delete(owner: string, key: string): Promise<void> {
    const deleted = OWN_QUESTION_KEY_PATTERN.test(key) && (await this.store.deleteOwnQuestion(owner, key));
    if (!deleted) this.refusal('not-found', 1);
  }

  /** Imports YAML (one question or a set), all or none; problems name the document and field. */
  async import(owner: string, text: string): Promise<OwnQuestionSummary[]> {
    const parsed = parseImport(text, this.limits.importCount);
    if ('problems' in parsed) throw new FieldProblemsError('The YAML cannot be read.', parsed.problems);
    const records: OwnQuestionRecord[] = [];
    const problems: FieldProblem[] = [];
    for (const [i, value] of parsed.values.entries()) {
      try {
        records.push(this.record(owner, value, newKey(), i + 1));
      } catch (error) {
        if (!(error instanceof FieldProblemsError)) throw error;
        problems.push(...error.problems);
      }
    }
    if (problems.length > 0) {
      throw new FieldProblemsError(
        'Nothing was imported: the questions have problems, each listed with its field.',
        problems,
      );
    }
    const result = await this.store.addOwnQuestions(records, this.quota);
    if (result !== 'saved') this.refusal(result, records.length);
    return records.map(summary);
  }

  /** The author's questions as YAML (the ones named, else all), in the bank's format. */
  async export(owner: string, keys?: readonly string[]): Promise<string> {
    const records = await this.store.listOwnQuestions(owner);
    const chosen = keys ? records.filter((r) => keys.includes(r.key)) : records;
    if (keys && chosen.length !== new Set(keys).size) this.refusal('not-found', 1);
    return exportYaml(chosen.map((r) => ({ id: ownQuestionId(r.key), question: entry(r).question })));
  }

  async share(owner: string, key: string): Promise<string> {
    const shareKey =
      OWN_QUESTION_KEY_PATTERN.test(key) &&
      (await this.store.shareOwnQuestion(owner, key, randomBytes(24).toString('base64url')));
    if (!shareKey) this.refusal('not-found', 1);
    return shareKey;
  }

  async shared(shareKey: string): Promise<OwnQuestionFile> {
    const record = SHARE_KEY_PATTERN.test(shareKey) ? await this.store.findSharedQuestion(shareKey) : null;
    if (!record)
      throw new AppError('NOT_FOUND', 'This share link does not exist (or its question was deleted).');
    return entry(record).question;
  }

  /** Copies a shared question into `owner`'s list: a copy of their own, apart from the original. */
  async copy(owner: string, shareKey: string): Promise<OwnQuestionEntry> {
    return this.create(owner, await this.shared(shareKey));
  }

  /** A question for a room: only its author's (`my-<key>` in their question browser). */
  async forAuthor(owner: string, key: string): Promise<OwnQuestionFile | null> {
    const record = OWN_QUESTION_KEY_PATTERN.test(key) ? await this.store.getOwnQuestion(key) : null;
    return record && record.owner === owner ? entry(record).question : null;
  }
}

function newKey(): string {
  return randomBytes(10).toString('hex');
}
