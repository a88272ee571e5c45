/** One question of "My questions" as stored: its validated body is JSON text (the bank's shape). */
export interface OwnQuestionRecord {
  /** Random, lower-case hex; the question's id in rooms is `my-<key>`. */
  key: string;
  /** SHA-256 (hex) of the author's browser secret: whose list it is in. */
  owner: string;
  title: string;
  roundType: string;
  difficulty: string;
  /** The question as JSON text, validated before it is stored. */
  body: string;
  /** UTF-8 bytes of `body`, counted against the author's total. */
  bytes: number;
  /** Set once the author shares it (the share link's key), else null. */
  shareKey: string | null;
  createdAt: number;
  updatedAt: number;
}

/** What one author may keep: how many questions, and their bytes together (S-MYQ-1). */
export interface OwnQuestionQuota {
  maxCount: number;
  maxBytes: number;
}

export type OwnQuestionWrite = 'saved' | 'too-many' | 'too-large' | 'not-found';

/** Questions written in the browser, per author (CONTRACT.md, "My questions"). */
export interface QuestionStore {
  /**
   * Adds questions to their author's list, all or none, unless the list would then hold more
   * than the quota's count or bytes, checked in the same transaction as the insert (S-MYQ-1).
   */
  addOwnQuestions(records: readonly OwnQuestionRecord[], quota: OwnQuestionQuota): Promise<OwnQuestionWrite>;
  /**
   * Replaces the title, type, difficulty, body and bytes of the author's question `key`
   * ('not-found' when it is not theirs), within the quota's bytes (S-MYQ-1).
   */
  replaceOwnQuestion(record: OwnQuestionRecord, quota: OwnQuestionQuota): Promise<OwnQuestionWrite>;
  /** The author's questions, most recently changed first, with their bodies. */
  listOwnQuestions(owner: string): Promise<OwnQuestionRecord[]>;
  /** A question by key, whoever its author (callers check the owner). */
  getOwnQuestion(key: string): Promise<OwnQuestionRecord | null>;
  /** Deletes the author's question `key`; false when it is not theirs. */
  deleteOwnQuestion(owner: string, key: string): Promise<boolean>;
  /**
   * Gives the author's question `key` the share key `shareKey` unless it has one; returns the
   * key that holds, or null when the question is not theirs (S-MYQ-2).
   */
  shareOwnQuestion(owner: string, key: string, shareKey: string): Promise<string | null>;
  /** The question a share key names, or null. */
  findSharedQuestion(shareKey: string): Promise<OwnQuestionRecord | null>;
}
