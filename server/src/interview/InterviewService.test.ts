import { fileURLToPath } from 'node:url';
import type { Language } from '@mockloop/shared';
import { beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CANARY_BANK_DIR, canariesIn, STARTER } from '../../test/fixtures/canary-bank/canaries.js';
import type { DocEditor } from '../documents/DocEditor.js';
import { loadQuestionBank, type QuestionBank } from '../questions/loadQuestionBank.js';
import { newRound } from '../rounds/newRound.js';
import { SqliteStore } from '../store/SqliteStore.js';
import type { ParticipantRecord } from '../store/Store.js';
import { InterviewService } from './InterviewService.js';
import { RoundViews } from './RoundViews.js';

const REPO_QUESTIONS = fileURLToPath(new URL('../../../questions', import.meta.url));
let bank: QuestionBank;
beforeAll(async () => {
  bank = await loadQuestionBank(CANARY_BANK_DIR);
});

async function setup(options: { language?: Language; bank?: QuestionBank } = {}) {
  const store = new SqliteStore(':memory:');
  await store.createRoom(
    {
      id: 'r',
      roundType: 'coding',
      language: options.language ?? 'go',
      creatorRole: 'interviewer',
      createdAt: 0,
      lastActiveAt: 0,
      swapProposal: null,
      revision: 0,
      loop: null,
    },
    [],
    newRound('r', 1, 'coding', { interviewerId: 'interviewer', candidateId: 'candidate' }, 0),
  );
  const code = new Y.Doc();
  let edits = 0;
  const docs: DocEditor = {
    async edit(_name, change) {
      edits += 1;
      await new Promise((r) => setImmediate(r)); // a real edit waits for the store
      code.transact(() => change(code));
    },
    async read(_name, read) {
      return read(code);
    },
  };
  let clock = 1000;
  const service = new InterviewService(store, options.bank ?? bank, docs, () => clock++);
  const views = new RoundViews(store, options.bank ?? bank);
  const person = (role: ParticipantRecord['role']): ParticipantRecord => ({
    id: role,
    roomId: 'r',
    secretHash: '',
    name: role,
    role,
    color: '',
    joinedAt: 0,
  });
  return {
    store,
    service,
    views,
    code,
    edits: () => edits,
    ivy: person('interviewer'),
    cal: person('candidate'),
  };
}

describe('InterviewService', () => {
  it('P-PRIV-1: the round view shows nothing of a picked question until it is revealed', async () => {
    const { service, views, ivy } = await setup();
    await service.selectQuestion(ivy, 'canary-echo-length');
    const before = await views.roundView('r');
    expect(before).toMatchObject({ number: 1, question: null, revealedAt: null, hints: [], criteria: [] });
    // Picking sets the clock to the question's suggested minutes.
    expect(before.timer).toEqual({ durationMs: 30 * 60_000, endsAt: null, remainingMs: 30 * 60_000 });
    await service.revealQuestion(ivy);
    const after = await views.roundView('r');
    expect(after.question?.id).toBe('canary-echo-length');
    expect(canariesIn(JSON.stringify(after))).toEqual([]);
    expect(canariesIn(JSON.stringify(await service.brief('r'))).length).toBeGreaterThan(5);
  });

  it('reveals hints in order, each once, even when asked concurrently', async () => {
    const { service, views, ivy } = await setup();
    await service.selectQuestion(ivy, 'canary-story');
    await service.revealQuestion(ivy);
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map(() => service.revealHint(ivy)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const view = await views.roundView('r');
    expect(view.hints.map((h) => h.index)).toEqual([0, 1, 2]);
    expect(view.hints.map((h) => h.revealedAt)).toEqual([...view.hints.map((h) => h.revealedAt)].sort());
  });

  it('inserts the starter code once for concurrent reveals, switching to a starter language', async () => {
    const { service, ivy, code, edits, store } = await setup();
    code.getText('code').insert(0, '# my notes\n');
    await service.selectQuestion(ivy, 'canary-echo-length');
    await Promise.all([
      service.revealQuestion(ivy),
      service.revealQuestion(ivy),
      service.revealQuestion(ivy),
    ]);
    expect(edits()).toBe(1);
    const text = code.getText('code').toString();
    expect(text.startsWith('# my notes\n')).toBe(true);
    expect(text.split(STARTER)).toHaveLength(2);
    // The room was on Go, which has no starter: it moves to Python, whose starter was used.
    expect((await store.getRoom('r'))?.language).toBe('python');
    expect(text).toContain('def echo_length');
  });

  it('a typed question keeps a Go room on Go with its generated starter; a numpy question moves Python to Python + numpy', async () => {
    const repo = await loadQuestionBank(REPO_QUESTIONS);
    const go = await setup({ language: 'go', bank: repo });
    await go.service.selectQuestion(go.ivy, 'netflix-mle-top-k-trending');
    await go.service.revealQuestion(go.ivy);
    expect((await go.store.getRoom('r'))?.language).toBe('go');
    expect(go.code.getText('code').toString()).toContain(
      'func topKTrending(watches [][2]int, queries []int, k int) [][]int {',
    );

    const py = await setup({ language: 'python', bank: repo });
    await py.service.selectQuestion(py.ivy, 'netflix-mle-ndcg-at-k');
    await py.service.revealQuestion(py.ivy);
    expect((await py.store.getRoom('r'))?.language).toBe('python-numpy');
    expect(py.code.getText('code').toString()).toMatch(/^import numpy as np\n\n\ndef ndcg_at_k\(/);
  });

  it('only the interviewer may use the console', async () => {
    const { service, cal } = await setup();
    await expect(service.selectQuestion(cal, 'canary-story')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.revealQuestion(cal)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(service.revealHint(cal)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
