import { describe, expect, it } from 'vitest';
import { fieldPath } from './fieldPath.js';

describe('fieldPath', () => {
  it('renders paths the way an author would write them', () => {
    expect(fieldPath([])).toBe('(root)');
    expect(fieldPath(['tests', 3, 'args', 0])).toBe('tests[3].args[0]');
    expect(fieldPath(['interviewer', 'rubric', 1, 'scores', '4'])).toBe('interviewer.rubric[1].scores["4"]');
    expect(fieldPath(['args', 0, '$range'])).toBe('args[0].$range');
  });
});
