import { randomBytes } from 'node:crypto';
import type { FieldErrorBody, OwnQuestionEntry, OwnQuestionList } from '@mockloop/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ownBehavioralQuestion, ownCodingQuestion } from './fixtures/ownQuestion.js';
import { startTestServer, type TestServer } from './support/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    ownQuestionLimits: { perPerson: 4, bytesPerPerson: 48 * 1024, questionBytes: 16 * 1024, importCount: 3 },
  });
});
afterAll(() => server.close());

const newAuthor = () => randomBytes(32).toString('base64url');

function api(author: string | null, path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (author) headers.set('authorization', `Bearer ${author}`);
  if (typeof init.body === 'string' && !headers.has('content-type'))
    headers.set('content-type', 'application/json');
  return fetch(`${server.url}${path}`, { ...init, headers });
}
const post = (author: string | null, body: unknown) =>
  api(author, '/api/my-questions', { method: 'POST', body: JSON.stringify(body) });
const importYaml = (author: string, text: string) =>
  api(author, '/api/my-questions/import', {
    method: 'POST',
    body: text,
    headers: { 'content-type': 'application/yaml' },
  });
const list = async (author: string) =>
  (await (await api(author, '/api/my-questions')).json()) as OwnQuestionList;

/** The field names of a 400's problems. */
async function problemFields(res: Response): Promise<string[]> {
  expect(res.status).toBe(400);
  const { error } = (await res.json()) as { error: FieldErrorBody };
  expect(error.code).toBe('BAD_REQUEST');
  return (error.problems ?? []).map((p) => (p.document ? `#${p.document} ${p.field}` : p.field));
}

describe('My questions', () => {
  it('P-MYQ-1: an author creates, lists, reads, edits and deletes their questions; nobody else sees them', async () => {
    const ann = newAuthor();
    const created = await post(ann, ownCodingQuestion());
    expect(created.status).toBe(201);
    const entry = (await created.json()) as OwnQuestionEntry;
    expect(entry.id).toBe(`my-${entry.key}`);
    expect(entry.question.interviewer.hints[1]).toContain('PRIVATE-MARKER');

    expect((await list(ann)).questions.map((q) => q.title)).toEqual(['Sum of a list']);
    const edited = await api(ann, `/api/my-questions/${entry.key}`, {
      method: 'PUT',
      body: JSON.stringify({ ...ownCodingQuestion(), title: 'Sum of many' }),
    });
    expect(edited.status).toBe(200);
    expect(
      ((await (await api(ann, `/api/my-questions/${entry.key}`)).json()) as OwnQuestionEntry).question.title,
    ).toBe('Sum of many');

    // Another author, no author, a malformed secret: nothing of it.
    const bob = newAuthor();
    expect((await list(bob)).questions).toEqual([]);
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const res = await api(bob, `/api/my-questions/${entry.key}`, {
        method,
        ...(method === 'PUT' ? { body: JSON.stringify(ownCodingQuestion()) } : {}),
      });
      expect(res.status, method).toBe(404);
    }
    expect((await api(null, '/api/my-questions')).status).toBe(401);
    expect((await api('short', '/api/my-questions')).status).toBe(401);
    expect((await post(null, ownCodingQuestion())).status).toBe(401);

    expect((await api(ann, `/api/my-questions/${entry.key}`, { method: 'DELETE' })).status).toBe(204);
    expect((await list(ann)).questions).toEqual([]);
    expect((await api(ann, `/api/my-questions/${entry.key}`)).status).toBe(404);
  });

  it('P-MYQ-2: hostile questions are refused field by field and change nothing', async () => {
    const ann = newAuthor();
    const base = ownCodingQuestion();
    const cases: Array<[string, unknown, string[]]> = [
      ['not an object', [1, 2], ['(root)']],
      [
        'script in Markdown',
        {
          ...base,
          prompt: 'Hello <script>alert(1)</script>',
          interviewer: { ...base.interviewer, hints: ['ok', '[x](javascript:alert(1))', 'three'] },
        },
        ['prompt', 'interviewer.hints[1]'],
      ],
      [
        'a test with the wrong number of arguments',
        { ...base, tests: [...base.tests, { name: 'b', args: [[1], 2], expected: 3, hidden: true }] },
        ['tests[3].args'],
      ],
      [
        'tests whose values do not match the typed signature',
        {
          ...base,
          tests: [
            { name: 'a', args: [[1, 2]], expected: 'three', hidden: false },
            { name: 'c', args: [['x']], expected: 3, hidden: true },
          ],
        },
        ['tests[0].expected', 'tests[1].args[0][0]'],
      ],
      [
        'missing fields',
        { ...base, title: '  ', interviewer: { ...base.interviewer, hints: [] } },
        ['title', 'interviewer.hints'],
      ],
      [
        'no hidden test',
        { ...base, tests: base.tests.filter((t) => !t.hidden).concat(base.tests[0] as never) },
        ['tests'],
      ],
      [
        'a generator',
        {
          ...base,
          tests: [...base.tests, { name: 'g', args: [{ $range: [1, 9] }], expected: 1, hidden: true }],
        },
        ['tests[3].args[0].$range'],
      ],
      ['a huge text', { ...base, prompt: 'x'.repeat(20_001) }, ['prompt']],
      ['a long list', { ...base, tags: Array.from({ length: 201 }, (_, i) => `t${i}`) }, ['tags']],
      [
        'solution files',
        {
          ...base,
          interviewer: {
            ...base.interviewer,
            solution: {
              approach: 'a',
              complexity: { time: 'n', space: '1' },
              files: { python: 'a.py', typescript: 'a.ts' },
            },
          },
        },
        ['interviewer.solution'],
      ],
      ['an unknown field', { ...base, extra: 1 }, ['(root)']],
    ];
    for (const [what, body, fields] of cases) {
      const got = await problemFields(await post(ann, body));
      for (const field of fields) expect(got, what).toContainEqual(expect.stringContaining(field));
    }
    // Markup inside code is code: `a < b` in the prompt's code span and in starter code pass.
    expect((await post(ann, base)).status).toBe(201);
    expect((await list(ann)).questions).toHaveLength(1);
    // An edit that fails leaves the question as it was.
    const [kept] = (await list(ann)).questions;
    const res = await api(ann, `/api/my-questions/${kept?.key}`, {
      method: 'PUT',
      body: JSON.stringify({ ...base, difficulty: 'brutal' }),
    });
    expect(await problemFields(res)).toEqual(['difficulty']);
    expect((await list(ann)).questions[0]?.difficulty).toBe('easy');
    // Malformed JSON and an oversized body.
    expect((await api(ann, '/api/my-questions', { method: 'POST', body: '{' })).status).toBe(400);
    expect((await post(ann, { ...base, prompt: 'x'.repeat(30 * 1024) })).status).toBe(413);
  });

  it('P-MYQ-3: each author keeps at most so many questions and bytes, each question at most its size', async () => {
    const ann = newAuthor();
    for (let i = 0; i < 4; i++) expect((await post(ann, ownBehavioralQuestion(`Q${i}`))).status).toBe(201);
    const full = await post(ann, ownBehavioralQuestion('one too many'));
    expect(full.status).toBe(409);
    expect(((await full.json()) as { error: FieldErrorBody }).error.message).toMatch(/at most 4 questions/);
    expect((await list(ann)).questions).toHaveLength(4);
    // Another author is not held back by Ann's list.
    expect((await post(newAuthor(), ownBehavioralQuestion())).status).toBe(201);
    // One question past its size (stored JSON) names the limit.
    const big = { ...ownCodingQuestion(), prompt: 'word '.repeat(3500) };
    const bob = newAuthor();
    const fields = await problemFields(await post(bob, big));
    expect(fields).toEqual(['(root)']);
    // Bytes in all: three questions of ~15 KiB fit, a fourth passes 48 KiB.
    const sized = (n: number) => ({ ...ownBehavioralQuestion(`S${n}`), prompt: 'word '.repeat(2900) });
    const carl = newAuthor();
    for (let i = 0; i < 3; i++) expect((await post(carl, sized(i))).status).toBe(201);
    const over = await post(carl, sized(3));
    expect(over.status).toBe(409);
    expect(((await over.json()) as { error: FieldErrorBody }).error.message).toMatch(/KiB in all/);
  });

  it('P-MYQ-4: export then import round-trips; a bad import names document and field and imports nothing', async () => {
    const ann = newAuthor();
    await post(ann, ownCodingQuestion());
    await post(ann, ownBehavioralQuestion());
    const exported = await api(ann, '/api/my-questions/export');
    expect(exported.headers.get('content-type')).toMatch(/yaml/);
    const yamlText = await exported.text();
    expect(yamlText).toContain('---');

    const bob = newAuthor();
    const imported = await importYaml(bob, yamlText);
    expect(imported.status).toBe(201);
    const bobs = await list(bob);
    expect(bobs.questions.map((q) => q.title).sort()).toEqual(['A hard decision', 'Sum of a list']);
    const annsCoding = (await list(ann)).questions.find((q) => q.roundType === 'coding');
    const bobsCoding = bobs.questions.find((q) => q.roundType === 'coding');
    const full = async (author: string, key?: string) =>
      ((await (await api(author, `/api/my-questions/${key}`)).json()) as OwnQuestionEntry).question;
    expect(await full(bob, bobsCoding?.key)).toEqual(await full(ann, annsCoding?.key));
    // One question's export, by key.
    const one = await (await api(ann, `/api/my-questions/export?keys=${annsCoding?.key}`)).text();
    expect(one).not.toContain('---');

    // Bad YAML, a bad question among good ones, too many at once: nothing imported, each named.
    const carl = newAuthor();
    expect(await problemFields(await importYaml(carl, 'title: [unclosed'))).toEqual([
      expect.stringMatching(/^#1 line \d+:\d+$/),
    ]);
    const mixed = [
      stringify(ownBehavioralQuestion()),
      stringify({ ...ownBehavioralQuestion(), prompt: '<img src=x onerror=alert(1)>' }),
    ].join('---\n');
    expect(await problemFields(await importYaml(carl, mixed))).toEqual(['#2 prompt']);
    const four = Array.from({ length: 4 }, () => stringify(ownBehavioralQuestion())).join('---\n');
    expect(await problemFields(await importYaml(carl, four))).toEqual(['(file)']);
    expect(await problemFields(await importYaml(carl, ''))).toEqual(['(file)']);
    // A billion laughs: aliases past YAML's limit are refused, not expanded.
    const laughs = `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n`;
    expect((await importYaml(carl, laughs)).status).toBe(400);
    expect((await list(carl)).questions).toEqual([]);
    // An import past the author's count imports nothing.
    const dana = newAuthor();
    for (let i = 0; i < 3; i++) await post(dana, ownBehavioralQuestion(`D${i}`));
    expect((await importYaml(dana, yamlText)).status).toBe(409);
    expect((await list(dana)).questions).toHaveLength(3);
  });

  it('P-MYQ-5: a share link shows the whole question with a warning and lets another interviewer copy it', async () => {
    const ann = newAuthor();
    const entry = (await (await post(ann, ownCodingQuestion())).json()) as OwnQuestionEntry;
    const bob = newAuthor();
    expect((await api(bob, `/api/my-questions/${entry.key}/share`, { method: 'POST' })).status).toBe(404);
    const shared = (await (
      await api(ann, `/api/my-questions/${entry.key}/share`, { method: 'POST' })
    ).json()) as {
      shareKey: string;
    };
    const again = (await (
      await api(ann, `/api/my-questions/${entry.key}/share`, { method: 'POST' })
    ).json()) as {
      shareKey: string;
    };
    expect(again.shareKey).toBe(shared.shareKey);
    const view = (await (await api(null, `/api/shared-questions/${shared.shareKey}`)).json()) as {
      notice: string;
      question: unknown;
    };
    expect(view.notice).toMatch(/never to a candidate/);
    expect(JSON.stringify(view.question)).toContain('PRIVATE-MARKER');

    const copied = await api(bob, `/api/shared-questions/${shared.shareKey}/copy`, { method: 'POST' });
    expect(copied.status).toBe(201);
    const copy = (await copied.json()) as OwnQuestionEntry;
    expect(copy.key).not.toBe(entry.key);
    // The copy is Bob's own: Ann's edits and deletion leave it as it was.
    await api(ann, `/api/my-questions/${entry.key}`, { method: 'DELETE' });
    expect((await list(bob)).questions.map((q) => q.title)).toEqual(['Sum of a list']);
    expect((await api(null, `/api/shared-questions/${shared.shareKey}`)).status).toBe(404);
    expect((await api(bob, `/api/shared-questions/${shared.shareKey}/copy`, { method: 'POST' })).status).toBe(
      404,
    );
    expect((await api(null, '/api/shared-questions/nonsense')).status).toBe(404);
  });
});
