import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OwnQuestionRecord, QuestionStore } from '../store/QuestionStore.js';
import { OwnQuestionCache } from './OwnQuestionCache.js';

const body = { title: 'Mine', roundType: 'behavioral', difficulty: 'easy', interviewer: { hints: [] } };

function storeWith(records: OwnQuestionRecord[]): QuestionStore & { reads: number } {
  const store = {
    reads: 0,
    async getOwnQuestion(key: string) {
      store.reads++;
      return records.find((r) => r.key === key) ?? null;
    },
  };
  return store as unknown as QuestionStore & { reads: number };
}

const record = (key: string, owner: string): OwnQuestionRecord => ({
  key,
  owner,
  title: 'Mine',
  roundType: 'behavioral',
  difficulty: 'easy',
  body: JSON.stringify(body),
  bytes: 10,
  shareKey: null,
  createdAt: 1,
  updatedAt: 1,
});

describe('OwnQuestionCache', () => {
  it('P-MYQ-6: a round’s own question is read from the store after a restart (warm), once', async () => {
    const key = 'a'.repeat(20);
    const store = storeWith([record(key, 'ann')]);
    const cache = new OwnQuestionCache(store);
    expect(cache.find(`my-${key}`)).toBeUndefined();
    await cache.warm([`my-${key}`, 'bank-question', null, 'my-NOT-A-KEY']);
    expect(cache.find(`my-${key}`)?.title).toBe('Mine');
    await cache.warm([`my-${key}`]);
    expect(store.reads).toBe(1);
  });

  it('P-MYQ-6: picking needs the author’s secret', async () => {
    const secret = randomBytes(32).toString('base64url');
    const owner = createHash('sha256').update(secret).digest('hex');
    const key = 'b'.repeat(20);
    const cache = new OwnQuestionCache(storeWith([record(key, owner)]));
    expect(await cache.pick(undefined, `my-${key}`)).toBeUndefined();
    expect(await cache.pick(randomBytes(32).toString('base64url'), `my-${key}`)).toBeUndefined();
    expect((await cache.pick(secret, `my-${key}`))?.id).toBe(`my-${key}`);
  });
});
