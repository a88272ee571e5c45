import { describe, expect, it } from 'vitest';
import { editorCompileErrors, firstErrorLine } from './compileErrors.js';

describe('compile errors name editor lines (P-SRUN-7)', () => {
  it('rewrites each compiler’s references to the editor’s file as "line N"', () => {
    expect(
      editorCompileErrors(
        "Solution.java:3: error: ';' expected\n        return 1\n2 errors",
        'Solution.java',
      ),
    ).toBe("line 3: error: ';' expected\n        return 1\n2 errors");
    expect(
      editorCompileErrors(
        "In file included from mockloop_main.cpp:3:\nsolution.cpp: In function 'int f()':\nsolution.cpp:4:12: error: expected ';'",
        'solution.cpp',
      ),
    ).toBe("solution.cpp: In function 'int f()':\nline 4:12: error: expected ';'");
    expect(
      editorCompileErrors(
        '# command-line-arguments\n./solution.go:7:2: x declared but not used',
        'solution.go',
      ),
    ).toBe('line 7:2: x declared but not used');
  });

  it('finds the first line an error names', () => {
    expect(firstErrorLine('line 4:12: error: x\nline 9: y')).toBe(4);
    expect(firstErrorLine('ValueError: bad (line 7)')).toBe(7);
    expect(firstErrorLine('no line here')).toBeNull();
  });
});
