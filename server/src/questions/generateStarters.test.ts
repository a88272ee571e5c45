import { type CodingProblem, CodingProblem as CodingSchema } from '@mockloop/shared';
import { describe, expect, it } from 'vitest';
import { withGeneratedStarters } from './generateStarters.js';

const coding: CodingProblem = CodingSchema.parse({
  entry: { python: 'merge_ranked', javascript: 'mergeRanked', typescript: 'mergeRanked' },
  signature: {
    python: 'def merge_ranked(lists, k)',
    javascript: 'function mergeRanked(lists, k)',
    typescript: 'function mergeRanked(...)',
  },
  parameters: [
    {
      name: 'lists',
      type: 'lists of [id, score]',
      valueType: 'list<list<tuple<movieId: int, score: float>>>',
      description: 'd',
    },
    { name: 'pairs', type: 'pairs', valueType: 'list<tuple<int, int>>', description: 'd' },
    { name: 'k', type: 'int', valueType: 'long', description: 'd' },
  ],
  returns: { type: 'ids', valueType: 'list<string>', description: 'd' },
  constraints: ['c'],
  examples: [{ args: [[[[1, 0.5]]], [[1, 2]], 3], expected: ['a'] }],
  starterCode: {
    python: 'def merge_ranked(lists, pairs, k):\n    pass\n',
    javascript: 'function mergeRanked() {}',
    typescript: 'function mergeRanked() {}',
  },
});

describe('generated Java, C++ and Go signatures', () => {
  const generated = withGeneratedStarters(coding);

  it('maps the types per language: arrays and records in Java, vectors and pairs in C++, slices, arrays and structs in Go', () => {
    expect(generated.signature.java).toBe(
      'public List<String> mergeRanked(MovieIdScore[][] lists, int[][] pairs, long k)',
    );
    expect(generated.signature.cpp).toBe(
      'vector<string> mergeRanked(const vector<vector<pair<int, double>>>& lists, const vector<pair<int, int>>& pairs, long long k)',
    );
    expect(generated.signature.go).toBe(
      'func mergeRanked(lists [][]MovieIdScore, pairs [][2]int, k int64) []string',
    );
    expect(generated.starterCode.java).toContain('record MovieIdScore(int movieId, double score) {}');
    expect(generated.starterCode.go).toContain(
      'type MovieIdScore struct {\n\tMovieId int\n\tScore   float64\n}',
    );
    expect(generated.entry).toMatchObject({ java: 'mergeRanked', cpp: 'mergeRanked', go: 'mergeRanked' });
  });

  it('keeps what the question file gives itself, and leaves untyped questions alone', () => {
    const own = withGeneratedStarters({
      ...coding,
      starterCode: { ...coding.starterCode, java: 'class Solution { mergeRanked }' },
    });
    expect(own.starterCode.java).toBe('class Solution { mergeRanked }');
    expect(own.starterCode.go).toContain('func mergeRanked(');
    const untyped = { ...coding, parameters: coding.parameters.map(({ valueType: _v, ...p }) => p) };
    expect(withGeneratedStarters(untyped).starterCode.java).toBeUndefined();
  });
});
