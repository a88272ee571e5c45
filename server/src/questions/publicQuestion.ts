import type { CodingProblem, PublicQuestion, Question } from '@mockloop/shared';

/** Copies the candidate-facing coding fields one by one, so a field added later stays private by default. */
function publicCoding(coding: CodingProblem): CodingProblem {
  const { entry, signature, starterCode } = coding;
  return {
    entry: {
      python: entry.python,
      javascript: entry.javascript,
      typescript: entry.typescript,
      ...compiled(entry),
    },
    signature: {
      python: signature.python,
      javascript: signature.javascript,
      typescript: signature.typescript,
      ...compiled(signature),
    },
    parameters: coding.parameters.map((p) => ({
      name: p.name,
      type: p.type,
      ...(p.valueType === undefined ? {} : { valueType: p.valueType }),
      description: p.description,
    })),
    returns: {
      type: coding.returns.type,
      ...(coding.returns.valueType === undefined ? {} : { valueType: coding.returns.valueType }),
      description: coding.returns.description,
    },
    constraints: [...coding.constraints],
    examples: coding.examples.map((example) => ({
      args: structuredClone(example.args),
      expected: structuredClone(example.expected),
      ...(example.explanation === undefined ? {} : { explanation: example.explanation }),
    })),
    starterCode: {
      python: starterCode.python,
      javascript: starterCode.javascript,
      typescript: starterCode.typescript,
      ...compiled(starterCode),
    },
    ...(coding.runTimeLimitSeconds === undefined ? {} : { runTimeLimitSeconds: coding.runTimeLimitSeconds }),
    ...(coding.needsNumpy === undefined ? {} : { needsNumpy: coding.needsNumpy }),
  };
}

/** The Java, C++ and Go entries of a per-language record, where present (generated or the file's). */
function compiled<T>(record: { java?: T; cpp?: T; go?: T }): { java?: T; cpp?: T; go?: T } {
  const out: { java?: T; cpp?: T; go?: T } = {};
  for (const language of ['java', 'cpp', 'go'] as const) {
    if (record[language] !== undefined) out[language] = record[language];
  }
  return out;
}

/**
 * The view of a question a candidate may receive. Built from an allow-list, never by deleting keys:
 * rubric, hints, follow-ups, red flags, guidance, hidden tests and solutions can never slip through.
 */
export function publicQuestion(q: Question): PublicQuestion {
  const view: PublicQuestion = {
    id: q.id,
    trackId: q.trackId,
    title: q.title,
    roundType: q.roundType,
    roundLabel: q.roundLabel,
    difficulty: q.difficulty,
    tags: [...q.tags],
    prompt: q.prompt,
    timeLimitMinutes: q.timeLimitMinutes,
    phases: q.phases.map((phase) => ({ name: phase.name, minutes: phase.minutes })),
  };
  if (q.coding) view.coding = publicCoding(q.coding);
  if (q.tests) {
    view.publicTests = q.tests
      .filter((test) => test.hidden === false)
      .map((test) => ({
        name: test.name,
        args: structuredClone(test.args),
        expected: structuredClone(test.expected),
      }));
  }
  return view;
}
