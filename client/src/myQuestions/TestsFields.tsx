import type { FieldProblem } from '@mockloop/shared';
import { FormField, TextField } from './FormField';
import { emptyTest, type TestDraft } from './questionDraft';

interface Props {
  tests: TestDraft[];
  problems: readonly FieldProblem[];
  onChange(tests: TestDraft[]): void;
}

/** Public and hidden tests: arguments (a JSON list, one per parameter) and the expected value. */
export function TestsFields({ tests, problems, onChange }: Props) {
  const set = (i: number, patch: Partial<TestDraft>) =>
    onChange(tests.map((t, j) => (j === i ? { ...t, ...patch } : t)));
  return (
    <fieldset className="editor-group">
      <legend>Tests</legend>
      <p className="hint">
        Public tests are shown to the candidate once revealed; hidden ones reach only the interviewer.
        Arguments are a JSON list, one item per parameter: <code>[[1, 2, 3], 2]</code>.
      </p>
      {problems.some((p) => p.field === 'tests') && (
        <ul className="field-errors" aria-label="Problems with the tests">
          {problems
            .filter((p) => p.field === 'tests')
            .map((p) => (
              <li key={p.reason}>{p.reason}</li>
            ))}
        </ul>
      )}
      {tests.map((t, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: tests are edited in place; their names change as typed.
        <div key={i} className="editor-item test-row">
          <TextField
            label={`Test ${i + 1} name`}
            field={`tests[${i}].name`}
            problems={problems}
            value={t.name}
            onChange={(name) => set(i, { name })}
          />
          <TextField
            label={`Test ${i + 1} arguments`}
            field={`tests[${i}].args`}
            problems={problems}
            value={t.args}
            code
            onChange={(args) => set(i, { args })}
          />
          <TextField
            label={`Test ${i + 1} expected`}
            field={`tests[${i}].expected`}
            problems={problems}
            value={t.expected}
            code
            onChange={(expected) => set(i, { expected })}
          />
          <FormField label={`Test ${i + 1} hidden`} field={`tests[${i}].hidden`} problems={problems}>
            {(control) => (
              <input
                {...control}
                type="checkbox"
                checked={t.hidden}
                onChange={(e) => set(i, { hidden: e.target.checked })}
              />
            )}
          </FormField>
          <button
            type="button"
            className="button small-button"
            onClick={() => onChange(tests.filter((_, j) => j !== i))}
          >
            Remove test {i + 1}
          </button>
        </div>
      ))}
      <div className="editor-actions">
        <button type="button" className="button" onClick={() => onChange([...tests, emptyTest(false)])}>
          Add a public test
        </button>
        <button type="button" className="button" onClick={() => onChange([...tests, emptyTest(true)])}>
          Add a hidden test
        </button>
      </div>
    </fieldset>
  );
}
