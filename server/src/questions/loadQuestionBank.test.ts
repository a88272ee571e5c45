import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { loadQuestionBank } from './loadQuestionBank.js';
import { QuestionBankError } from './QuestionBankError.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bankDir = path.resolve(here, '../../../questions');

/** Round type, difficulty and tags exactly as the seed lists them, in the seed's order. */
const SEED: Array<[id: string, roundType: string, difficulty: string, tags: string[]]> = [
  [
    'radical-candor-feedback',
    'behavioral',
    'medium',
    ['Communication', 'Conflict Resolution', 'Netflix Culture'],
  ],
  [
    'disagree-on-launch-readiness',
    'behavioral',
    'medium',
    ['Freedom and Responsibility', 'Stakeholder Management'],
  ],
  ['context-not-control-ambiguity', 'behavioral', 'medium', ['Autonomy', 'Ambiguity', 'Ownership']],
  ['top-k-trending', 'coding', 'medium', ['Heaps', 'Sliding Window', 'Stream Processing']],
  ['merge-k-ranked-lists', 'coding', 'hard', ['Divide and Conquer', 'Heaps', 'Pointers']],
  ['watch-order-dependencies', 'coding', 'medium', ['Graphs', 'Topological Sort', 'Cycle Detection']],
  [
    'homepage-personalization',
    'system-design',
    'hard',
    ['Recommendation Systems', 'Ranking', 'Personalization', 'Microservices'],
  ],
  [
    'original-series-ltv',
    'system-design',
    'hard',
    ['Predictive Modeling', 'Content Valuation', 'Cold Start'],
  ],
  [
    'real-time-feature-pipeline',
    'system-design',
    'hard',
    ['Streaming Architecture', 'Kafka', 'Flink', 'Feature Store'],
  ],
  ['position-bias', 'technical', 'medium', ['Bias Mitigation', 'Implicit Feedback', 'Ranking Metrics']],
  [
    'ab-test-collaborative-filtering',
    'technical',
    'medium',
    ['A/B Testing', 'Metrics', 'Statistical Significance'],
  ],
  ['new-user-cold-start', 'technical', 'medium', ['Cold Start', 'Onboarding', 'Heuristics']],
  ['distributed-training', 'technical', 'hard', ['Distributed Training', 'Ray', 'Spark', 'Data Parallelism']],
  [
    'push-notification-uplift',
    'technical',
    'hard',
    ['Causal Inference', 'Uplift Modeling', 'Churn Prediction'],
  ],
  [
    'artwork-contextual-bandit',
    'technical',
    'hard',
    ['Contextual Bandits', 'Reinforcement Learning', 'Exploration vs Exploitation'],
  ],
];

describe('the real question bank', async () => {
  const bank = await loadQuestionBank(bankDir);

  const trackOf = (id: string) => bank.tracks.find((t) => t.id === id);
  const questionsOf = (trackId: string) => bank.questions.filter((q) => q.trackId === trackId);

  it('has the tracks in folder order, each listing its own questions in folder order', () => {
    expect(bank.tracks.map((t) => t.id)).toEqual(['backend-swe', 'netflix-mle']);
    for (const track of bank.tracks) {
      expect(track.questionIds).toEqual(questionsOf(track.id).map((q) => q.id));
    }
    expect(bank.questions.map((q) => q.trackId)).toEqual(
      bank.tracks.flatMap((t) => t.questionIds.map(() => t.id)),
    );
  });

  it('has the Netflix MLE track with its loop, persona and unwritten rule', () => {
    const track = trackOf('netflix-mle');
    expect(track?.company.name).toBe('Netflix');
    expect(track?.role).toBe('Machine Learning Engineer');
    expect(track?.difficulty).toBe('hard');
    expect(track?.typicalDurationDays).toBe(14);
    expect(track?.loop.map((s) => [s.name, s.minutes, s.rounds])).toEqual([
      ['Recruiter screen', 30, undefined],
      ['Technical loop', undefined, { min: 3, max: 4 }],
    ]);
    expect(track?.personas.map((p) => [p.name, p.title])).toEqual([
      ['The Standard Interviewer', 'Senior Engineer'],
    ]);
    expect(track?.unwrittenRules.map((r) => r.title)).toEqual(['Think out loud']);
    expect(track?.plan?.map((r) => [r.roundType, r.label ?? null, r.minutes])).toEqual([
      ['recruiter-screen', null, 30],
      ['coding', null, 45],
      ['technical', 'ML domain', 45],
      ['system-design', null, 45],
      ['technical', 'ML deep dive', 45],
    ]);
  });

  it("has the seed's 15 questions in folder order with the seed's round types, difficulties and tags", () => {
    expect(
      questionsOf('netflix-mle')
        .slice(0, 15)
        .map((q) => [q.id, q.roundType, q.difficulty, q.tags]),
    ).toEqual(
      SEED.map(([slug, roundType, difficulty, tags]) => [`netflix-mle-${slug}`, roundType, difficulty, tags]),
    );
  });

  it('has the backend track: a five-round plan with two coding rounds, a persona and its rules', () => {
    const track = trackOf('backend-swe');
    expect(track?.role).toBe('Backend Software Engineer');
    expect(track?.plan?.map((r) => [r.roundType, r.label ?? null, r.minutes])).toEqual([
      ['recruiter-screen', null, 30],
      ['coding', 'Coding: data structures', 45],
      ['coding', 'Coding: practical', 45],
      ['system-design', null, 45],
      ['behavioral', 'Hiring manager', 30],
    ]);
    expect(track?.personas.map((p) => p.id)).toEqual(['pragmatic-lead']);
    expect(track?.unwrittenRules.map((r) => r.title)).toEqual([
      'Ask before you assume',
      'Test your own code',
      'Say what happens when it breaks',
    ]);
  });

  it('has at least 12 backend questions: 4+ coding, 3+ system design, 3+ behavioural, 1-2 technical', () => {
    const questions = questionsOf('backend-swe');
    const count = (type: string) => questions.filter((q) => q.roundType === type).length;
    expect(questions.length).toBeGreaterThanOrEqual(12);
    expect(count('coding')).toBeGreaterThanOrEqual(4);
    expect(count('system-design')).toBeGreaterThanOrEqual(3);
    expect(count('behavioral')).toBeGreaterThanOrEqual(3);
    expect(count('technical')).toBeGreaterThanOrEqual(1);
    expect(count('technical')).toBeLessThanOrEqual(2);
  });

  it('adds two numpy coding questions of our own after the seed’s, answerable in Python + numpy', () => {
    const added = questionsOf('netflix-mle').slice(15);
    expect(added.map((q) => [q.id, q.roundType, q.coding?.needsNumpy])).toEqual([
      ['netflix-mle-ndcg-at-k', 'coding', true],
      ['netflix-mle-epsilon-greedy-artwork', 'coding', true],
    ]);
    for (const q of added) expect(q.prompt, q.id).toContain('Python + numpy');
  });

  it('meets the authoring rules on every question', () => {
    for (const q of bank.questions) {
      expect(q.interviewer.rubric.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.interviewer.rubric.length, q.id).toBeLessThanOrEqual(6);
      expect(q.interviewer.hints.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.interviewer.followUps.length, q.id).toBeGreaterThan(0);
      expect(q.interviewer.redFlags.length, q.id).toBeGreaterThan(0);
      if (q.roundType !== 'coding') continue;
      expect(q.tests?.length, q.id).toBeGreaterThanOrEqual(8);
      expect(q.solutionSources?.python, q.id).toContain(`def ${q.coding?.entry.python}(`);
      expect(q.solutionSources?.typescript, q.id).toContain(`export function ${q.coding?.entry.typescript}(`);
    }
  });

  it('expands generated test inputs', () => {
    const trending = bank.questions.find((q) => q.id === 'netflix-mle-top-k-trending');
    const large = trending?.tests?.find((t) => t.name === 'large stream with a shift in taste');
    const watches = large?.args[0];
    expect(Array.isArray(watches) && watches.length).toBe(20000);
    expect(Array.isArray(watches) && watches.slice(0, 2)).toEqual([
      [0, 7],
      [1, 3],
    ]);
  });
});

describe('a broken bank', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * Copies part of the real bank into a temp dir, then lets the test corrupt it. The loop plan is
   * left out (a few questions cannot fill it) unless the test gives one.
   */
  async function fixture(folders: string[], plan?: unknown[]): Promise<string> {
    dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bank-'));
    const trackFile = path.join(dir, 'netflix-mle', 'track.yaml');
    await cp(path.join(bankDir, 'netflix-mle', 'track.yaml'), trackFile);
    await edit(trackFile, (t) => {
      if (plan) t.plan = plan;
      else delete t.plan;
    });
    for (const folder of folders) {
      await cp(path.join(bankDir, 'netflix-mle', folder), path.join(dir, 'netflix-mle', folder), {
        recursive: true,
      });
    }
    return dir;
  }

  it('accepts a loop plan only when every round can have a question of its own', async () => {
    const fits = await fixture(
      ['01-radical-candor-feedback', '04-top-k-trending'],
      [{ roundType: 'recruiter-screen', minutes: 30 }, { roundType: 'coding' }],
    );
    expect((await loadQuestionBank(fits)).tracks[0]?.plan?.map((r) => r.roundType)).toEqual([
      'recruiter-screen',
      'coding',
    ]);
    await rm(fits, { recursive: true, force: true });
    // One behavioural question for a behavioural round and a screen: the narrower round takes it.
    const short = await fixture(
      ['01-radical-candor-feedback', '04-top-k-trending'],
      [{ roundType: 'recruiter-screen' }, { roundType: 'behavioral' }],
    );
    const { problems } = await problemsOf(short);
    expect(problems.map((p) => `${p.field}: ${p.reason}`)).toEqual([
      'plan.0: not enough recruiter-screen questions in the track for every round of the plan to have its own',
    ]);
  });

  async function edit(file: string, change: (data: Record<string, unknown>) => void): Promise<void> {
    const data = parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    change(data);
    await writeFile(file, stringify(data));
  }

  async function problemsOf(root: string) {
    const error = await loadQuestionBank(root).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(QuestionBankError);
    return error as QuestionBankError;
  }

  it('loads an untouched copy', async () => {
    const root = await fixture(['01-radical-candor-feedback', '04-top-k-trending']);
    const bank = await loadQuestionBank(root);
    expect(bank.questions.map((q) => q.id)).toEqual([
      'netflix-mle-radical-candor-feedback',
      'netflix-mle-top-k-trending',
    ]);
  });

  it('names the file, the field and the reason of every problem', async () => {
    const folders = [
      '01-radical-candor-feedback',
      '04-top-k-trending',
      '06-watch-order-dependencies',
      '10-position-bias',
    ];
    const root = await fixture(folders);
    const [behavioral, coding, graph, technical] = folders.map((f) =>
      path.join(root, 'netflix-mle', f, 'question.yaml'),
    );

    await edit(behavioral as string, (q) => {
      const notes = q.interviewer as { rubric: unknown[] };
      notes.rubric = notes.rubric.slice(0, 2);
      q.colour = 'red';
    });
    await edit(coding as string, (q) => {
      delete (q.tests as Array<Record<string, unknown>>)[0]?.hidden;
    });
    // Schema-valid, so the later checks (generators, solution files) run for this one.
    await edit(graph as string, (q) => {
      const test = (q.tests as Array<Record<string, unknown>>)[1];
      if (test) test.args = [{ $rnage: [0, 10] }, []];
    });
    await rm(path.join(root, 'netflix-mle', '06-watch-order-dependencies', 'solution.py'));
    await writeFile(technical as string, 'id: [unclosed\n');

    const error = await problemsOf(root);
    const lines = error.message.split('\n');
    expect(lines[0]).toBe(`Question bank ${root} has 6 problems:`);
    expect(lines).toContain(`${behavioral}: interviewer.rubric: needs 3 to 6 criteria`);
    expect(lines).toContain(`${behavioral}: (root): Unrecognized key: "colour"`);
    expect(lines).toContain(
      `${coding}: tests[0].hidden: Invalid input: expected boolean, received undefined`,
    );
    expect(lines).toContain(
      `${graph}: tests[1].args[0]: unknown generator "$rnage" (known: $range, $repeat, $concat, $zip)`,
    );
    expect(lines).toContain(`${graph}: interviewer.solution.files.python: cannot read solution.py: ENOENT`);
    const yamlProblem = error.problems.find((p) => p.file === technical);
    expect(yamlProblem?.field).toMatch(/^line \d+:\d+$/);
    expect(yamlProblem?.reason).not.toBe('');
  });

  it('reports duplicate ids, ids outside the track and a track id that differs from its folder', async () => {
    const root = await fixture(['01-radical-candor-feedback', '02-disagree-on-launch-readiness']);
    const first = path.join(root, 'netflix-mle', '01-radical-candor-feedback', 'question.yaml');
    const second = path.join(root, 'netflix-mle', '02-disagree-on-launch-readiness', 'question.yaml');
    await cp(
      path.join(root, 'netflix-mle', '01-radical-candor-feedback'),
      path.join(root, 'netflix-mle', '09-copy'),
      {
        recursive: true,
      },
    );
    await edit(second, (q) => {
      q.id = 'other-track-question';
    });
    await edit(path.join(root, 'netflix-mle', 'track.yaml'), (t) => {
      t.id = 'netflix';
    });

    const { problems } = await problemsOf(root);
    expect(problems).toEqual([
      {
        file: path.join(root, 'netflix-mle', 'track.yaml'),
        field: 'id',
        reason: 'must equal the folder name "netflix-mle"',
      },
      { file: second, field: 'id', reason: 'must start with the track id "netflix-"' },
      {
        file: path.join(root, 'netflix-mle', '09-copy', 'question.yaml'),
        field: 'id',
        reason: `duplicate id "netflix-mle-radical-candor-feedback", also used in ${first}`,
      },
    ]);
  });

  it('checks the coding rules across fields', async () => {
    const root = await fixture(['05-merge-k-ranked-lists']);
    const file = path.join(root, 'netflix-mle', '05-merge-k-ranked-lists', 'question.yaml');
    await edit(file, (q) => {
      const tests = q.tests as Array<Record<string, unknown>>;
      q.tests = tests.slice(0, 5).map((t) => ({ ...t, hidden: false }));
      (q.coding as { starterCode: Record<string, string> }).starterCode.javascript = '// nothing here\n';
      (q.phases as Array<{ minutes: number }>)[0] = { ...(q.phases as object[])[0], minutes: 50 } as {
        minutes: number;
      };
      const first = (q.tests as Array<{ args: unknown[] }>)[0];
      if (first) first.args = [[]];
    });

    const { problems } = await problemsOf(root);
    expect(problems.map((p) => `${p.field}: ${p.reason}`)).toEqual([
      'phases: minutes add up to 90, but timeLimitMinutes is 45',
      'tests: has 5 test cases, needs at least 8',
      'tests: needs at least one hidden test case (hidden: true)',
      'coding.starterCode.javascript: does not define the entry "mergeRankedLists"',
      'tests[0].args: has 1 arguments, the function takes 2',
    ]);
  });

  it('reports a folder without track.yaml and an empty bank', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-bank-'));
    const empty = await problemsOf(dir);
    expect(empty.problems).toEqual([{ file: dir, field: '(dir)', reason: 'contains no track folders' }]);

    await cp(path.join(bankDir, 'netflix-mle', '01-radical-candor-feedback'), path.join(dir, 'stray', 'q1'), {
      recursive: true,
    });
    const stray = await problemsOf(dir);
    expect(stray.problems[0]).toEqual({
      file: path.join(dir, 'stray', 'track.yaml'),
      field: '(file)',
      reason: 'file is missing',
    });
  });
});
