import type { RoomState, RunnerAvailability } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { runPlans } from './runPlans';

const room = (language: string, withQuestion = true) =>
  ({
    language,
    round: {
      number: 1,
      question: withQuestion
        ? {
            coding: { entry: { python: 'f', javascript: 'f', typescript: 'f' } },
            publicTests: [{ name: 't', args: [1], expected: 1 }],
          }
        : null,
    },
  }) as unknown as RoomState;
const brief = {
  revealed: true,
  round: 1,
  selected: { hiddenTests: [{ name: 'h', args: [2], expected: 2, hidden: true }] },
} as never;
const ready = {
  java: { available: true },
  cpp: {
    available: false,
    reason: 'C++ cannot run on this server: its toolchain is not installed (npm run runner:setup)',
  },
} as RunnerAvailability;

describe('run plans', () => {
  it('P-SRUN-1: a server language asks the server for the kind of run; the code and tests never travel in it', () => {
    const plans = runPlans(room('java'), brief, true, 'class Solution {}', ready);
    expect(plans.run).toEqual({ target: 'server', language: 'java', kind: 'run', code: 'class Solution {}' });
    expect(plans.tests).toMatchObject({ target: 'server', kind: 'tests' });
    expect(plans.hidden).toMatchObject({ target: 'server', kind: 'hidden-tests' });
    expect(JSON.stringify(plans.hidden)).not.toContain('"h"');
  });

  it('P-SRUN-6: a server language that cannot run here says why, and nothing runs', () => {
    expect(runPlans(room('cpp'), null, true, '', ready)).toEqual({ blocked: ready.cpp.reason });
    expect(runPlans(room('go'), null, true, '', null).blocked).toMatch(/Asking the server/);
    expect(runPlans(room('java'), null, false, '', ready)).toEqual({
      blocked: 'Only the two players run code',
    });
  });

  it('browser languages still run in the browser with their tests', () => {
    const plans = runPlans(room('python'), brief, true, 'def f(x): return x', ready);
    expect(plans.run).toMatchObject({ target: 'browser', request: { language: 'python' } });
    expect(plans.hidden).toMatchObject({ target: 'browser', request: { tests: [{ name: 'h' }] } });
  });
});
