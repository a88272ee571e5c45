import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PublicQuestion, PublicTrack, type Question } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { loadQuestionBank } from './loadQuestionBank.js';
import { publicQuestion } from './publicQuestion.js';
import { publicTrack } from './publicTrack.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const bank = await loadQuestionBank(path.resolve(here, '../../../questions'));

/** Every string only the interviewer may see, labelled so a failure says which one leaked. */
function privateStrings(q: Question): Array<[label: string, text: string]> {
  const notes = q.interviewer;
  const out: Array<[string, string]> = [['guidance', notes.guidance]];
  for (const c of notes.rubric) {
    out.push([`rubric ${c.id} name`, c.name], [`rubric ${c.id} measures`, c.measures]);
    for (const [level, text] of Object.entries(c.scores)) out.push([`rubric ${c.id} score ${level}`, text]);
  }
  for (const [i, hint] of notes.hints.entries()) out.push([`hint ${i}`, hint]);
  for (const [i, followUp] of notes.followUps.entries()) out.push([`follow-up ${i}`, followUp]);
  for (const [i, redFlag] of notes.redFlags.entries()) out.push([`red flag ${i}`, redFlag]);
  if (notes.solution) {
    out.push(['approach', notes.solution.approach]);
    out.push(
      ['time complexity', notes.solution.complexity.time],
      ['space complexity', notes.solution.complexity.space],
    );
  }
  for (const [language, source] of Object.entries(q.solutionSources ?? {}))
    out.push([`${language} solution`, source]);
  for (const t of q.tests ?? []) {
    if (!t.hidden) continue;
    out.push([`hidden test name "${t.name}"`, t.name]);
    // Serialised the way a leaked case would appear, so even an unnamed copy would be caught.
    const body = JSON.stringify({ args: t.args, expected: t.expected });
    out.push([`hidden test body "${t.name}"`, body.slice(1, -1)]);
  }
  return out;
}

describe('publicQuestion', () => {
  it.each(bank.questions.map((q) => [q.id, q] as const))('%s leaks no private string', (_id, q) => {
    const json = JSON.stringify(publicQuestion(q));
    const leaked = privateStrings(q)
      .filter(([, text]) => json.includes(JSON.stringify(text).slice(1, -1)))
      .map(([label]) => label);
    expect(leaked).toEqual([]);
  });

  it.each(bank.questions.map((q) => [q.id, q] as const))('%s matches the strict public schema', (_id, q) => {
    const view = publicQuestion(q);
    expect(PublicQuestion.parse(view)).toEqual(view);
    expect(view.prompt).toBe(q.prompt);
    expect(view.tags).toEqual(q.tags);
    if (q.roundType === 'coding') {
      expect(view.coding?.starterCode).toEqual(q.coding?.starterCode);
      expect(view.publicTests?.map((t) => t.name)).toEqual(
        q.tests?.filter((t) => !t.hidden).map((t) => t.name),
      );
    } else {
      expect(view.coding).toBeUndefined();
      expect(view.publicTests).toBeUndefined();
    }
  });

  it('drops fields it does not know about, at the top and inside the coding section', () => {
    const coding = bank.questions.find((q) => q.roundType === 'coding') as Question;
    const tampered = {
      ...coding,
      secretNotes: 'TOP-SECRET-1',
      coding: { ...coding.coding, internalHint: 'TOP-SECRET-2' },
    } as unknown as Question;
    expect(JSON.stringify(publicQuestion(tampered))).not.toMatch(
      /TOP-SECRET|secretNotes|internalHint|sourceFile/,
    );
  });
});

describe('publicTrack', () => {
  it('keeps the candidate-facing track and drops persona coaching', () => {
    for (const track of bank.tracks) {
      const view = publicTrack(track);
      expect(PublicTrack.parse(view)).toEqual(view);
      const json = JSON.stringify(view);
      for (const persona of track.personas) {
        expect(json).not.toContain(JSON.stringify(persona.interviewerGuidance).slice(1, 40));
      }
      expect(view.unwrittenRules).toEqual(track.unwrittenRules);
    }
  });
});
