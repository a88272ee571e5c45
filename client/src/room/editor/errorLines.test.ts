import { describe, expect, it } from 'vitest';
import { errorLines } from './errorLines';

describe('errorLines: where an error output points in the editor', () => {
  it('reads a Python traceback: the innermost frame of the candidate file, with the error itself', () => {
    const traceback = [
      'Traceback (most recent call last):',
      '  File "solution.py", line 9, in <module>',
      '    print(top_k([1], 2))',
      '  File "solution.py", line 4, in top_k',
      '    return sorted(evnts)[:k]',
      "NameError: name 'evnts' is not defined",
    ].join('\n');
    expect(errorLines(traceback, 20)).toEqual([
      { line: 4, message: "NameError: name 'evnts' is not defined" },
    ]);
  });

  it("reads the browser runner's JavaScript and TypeScript errors", () => {
    expect(errorLines('TypeError: x is not a function (line 7)', 10)).toEqual([
      { line: 7, message: 'TypeError: x is not a function' },
    ]);
  });

  it("reads compilers' file:line[:column] messages: Java, C++, Go", () => {
    expect(errorLines("Solution.java:5: error: ';' expected\n        int x = 1\n", 10)).toEqual([
      { line: 5, message: "error: ';' expected" },
    ]);
    const cpp = "solution.cpp:3:10: error: 'vector' was not declared\nsolution.cpp:8:1: warning: unused";
    expect(errorLines(cpp, 10).map((e) => e.line)).toEqual([3, 8]);
    expect(errorLines('./solution.go:12:2: undefined: fmtx', 20)).toEqual([
      { line: 12, message: 'undefined: fmtx' },
    ]);
  });

  it('leaves out lines the editor does not have, repeats, and anything past twenty', () => {
    expect(errorLines('x.py:99: bad', 10)).toEqual([]);
    expect(errorLines('a.go:2:1: one\na.go:2:5: two', 10)).toHaveLength(1);
    const many = Array.from({ length: 40 }, (_, i) => `m.cpp:${i + 1}:1: error`).join('\n');
    expect(errorLines(many, 100)).toHaveLength(20);
    expect(errorLines('all fine', 10)).toEqual([]);
  });
});
