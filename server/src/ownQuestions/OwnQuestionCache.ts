import {
  OWN_QUESTION_KEY_PATTERN,
  OWN_QUESTION_PREFIX,
  type OwnQuestionFile,
  ownQuestionId,
  type Question,
} from '@mockloop/shared';
import { withGeneratedStarters } from '../questions/generateStarters.js';
import type { QuestionStore } from '../store/QuestionStore.js';
import { authorOf } from './OwnQuestionService.js';

/** The track id a question of My questions carries in rooms (no track: no persona, no plan). */
export const OWN_QUESTIONS_TRACK = 'my-questions';

/** Questions kept in memory at most; each is at most 64 KiB, so this bounds the cache near 16 MiB. */
const CACHE_SIZE = 256;

/** A question of My questions as rooms use it: the bank's `Question`, starters generated. */
export function asRoomQuestion(key: string, file: OwnQuestionFile): Question {
  const question: Question = {
    ...file,
    id: ownQuestionId(key),
    trackId: OWN_QUESTIONS_TRACK,
    sourceFile: 'my-questions',
  };
  if (file.coding) question.coding = withGeneratedStarters(file.coding);
  return question;
}

/**
 * The rooms' view of My questions: the bank answers its questions synchronously, so a round's own
 * question (`my-<key>`) is read from the store into memory before the code that needs it runs
 * (`warm`), then found like a bank question (`find`). Picking one checks its author
 * (OwnQuestionService.forAuthor); the ids a round holds were checked when they were picked.
 */
export class OwnQuestionCache {
  private readonly questions = new Map<string, Question>();

  constructor(private readonly store: QuestionStore) {}

  find(id: string): Question | undefined {
    return this.questions.get(id);
  }

  /** Keeps `question` (just picked by its author: the newest version wins). */
  put(question: Question): void {
    this.questions.delete(question.id);
    this.questions.set(question.id, question);
    // Oldest first: a Map iterates in insertion order, and a read moves nothing (rooms re-warm).
    while (this.questions.size > CACHE_SIZE) {
      const oldest = this.questions.keys().next().value;
      if (oldest === undefined) break;
      this.questions.delete(oldest);
    }
  }

  /** Picking a question in a room: only its author may, and the room gets its latest version. */
  async pick(authorSecret: string | undefined, id: string): Promise<Question | undefined> {
    const owner = authorOf(authorSecret);
    const key = id.slice(OWN_QUESTION_PREFIX.length);
    if (!owner || !id.startsWith(OWN_QUESTION_PREFIX) || !OWN_QUESTION_KEY_PATTERN.test(key))
      return undefined;
    const record = await this.store.getOwnQuestion(key);
    if (!record || record.owner !== owner) return undefined;
    const question = asRoomQuestion(key, JSON.parse(record.body) as OwnQuestionFile);
    this.put(question);
    return question;
  }

  /** Loads the own questions among `ids` that are not in memory. A deleted one stays unknown. */
  async warm(ids: ReadonlyArray<string | null | undefined>): Promise<void> {
    const missing = new Set(
      ids.filter(
        (id): id is string =>
          typeof id === 'string' && id.startsWith(OWN_QUESTION_PREFIX) && !this.questions.has(id),
      ),
    );
    for (const id of missing) {
      const key = id.slice(OWN_QUESTION_PREFIX.length);
      if (!OWN_QUESTION_KEY_PATTERN.test(key)) continue;
      const record = await this.store.getOwnQuestion(key);
      if (record) this.put(asRoomQuestion(key, JSON.parse(record.body) as OwnQuestionFile));
    }
  }
}
