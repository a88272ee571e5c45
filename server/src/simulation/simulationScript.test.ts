import type { Persona, Question } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { phaseAt, phaseSpans, simulationScript } from './simulationScript.js';

const persona = { id: 'p', name: 'Pat', title: 'Staff Engineer', focus: 'Clarity.' } as Persona;
const question = (phases: Array<[string, number]>, followUps: string[]) =>
  ({
    title: 'Q',
    timeLimitMinutes: phases.reduce((s, [, m]) => s + m, 0),
    phases: phases.map(([name, minutes]) => ({ name, minutes })),
    interviewer: { followUps, hints: ['h'] },
  }) as unknown as Question;

describe('simulationScript (P-SIM-2)', () => {
  it('opens with intro, reveal and phases, says each phase on time, ends at the total', () => {
    const steps = simulationScript(
      question(
        [
          ['Clarify', 5],
          ['Design', 20],
          ['Deep dive', 10],
        ],
        ['f1'],
      ),
      persona,
      1000,
    );
    expect(steps.slice(0, 4).map((s) => s.kind)).toEqual(['intro', 'question', 'phases', 'phase']);
    expect(steps[0]?.text).toBe("Hi, I'm Pat, Staff Engineer. Clarity.");
    expect(steps.find((s) => s.kind === 'question')?.action).toBe('reveal');
    expect(steps.filter((s) => s.kind === 'phase').map((s) => s.offsetMs)).toEqual([0, 5000, 25000]);
    expect(steps.at(-1)).toMatchObject({ kind: 'time-up', offsetMs: 35000, action: 'end' });
    // Sorted by time.
    const offsets = steps.map((s) => s.offsetMs);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('spreads follow-ups over the later phases, in order, each inside its phase', () => {
    const q = question(
      [
        ['A', 10],
        ['B', 10],
        ['C', 10],
      ],
      ['f1', 'f2', 'f3'],
    );
    const asked = simulationScript(q, persona, 1000).filter((s) => s.kind === 'follow-up');
    expect(asked.map((s) => s.text)).toEqual(['f1', 'f2', 'f3']);
    const spans = phaseSpans(q, 1000);
    expect(asked.map((s) => phaseAt(spans, s.offsetMs))).toEqual([1, 1, 2]);
    // A one-phase question asks them in its second half.
    const lone = simulationScript(question([['All', 10]], ['f']), persona, 1000).find(
      (s) => s.kind === 'follow-up',
    );
    expect(lone?.offsetMs).toBeGreaterThanOrEqual(5000);
    expect(lone?.offsetMs).toBeLessThan(10000);
  });

  it('phaseAt: -1 before the start, the last phase after the end', () => {
    const spans = phaseSpans(
      question(
        [
          ['A', 1],
          ['B', 1],
        ],
        ['f'],
      ),
      100,
    );
    expect([-1, 0, 99, 100, 500].map((t) => phaseAt(spans, t))).toEqual([-1, 0, 0, 1, 1]);
  });

  it('P-SIM-6: in a simulated loop the intro names the stage; later rounds say it is the next one', () => {
    const q = question([['Talk', 10]], []);
    const first = simulationScript(q, persona, 1000, { label: 'Recruiter screen', number: 1, of: 3 });
    expect(first[0]?.text).toBe(
      "Hi, I'm Pat, Staff Engineer. Clarity. We'll go through the loop round by round, 3 rounds, starting with the Recruiter screen.",
    );
    const second = simulationScript(q, persona, 1000, { label: 'Coding', number: 2, of: 3 });
    expect(second[0]?.text).toBe("Next round: Coding (2 of 3). It's Pat again, Staff Engineer.");
    expect(second.slice(1).map((s) => s.text)).toEqual(first.slice(1).map((s) => s.text));
  });
});
