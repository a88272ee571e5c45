import type { FieldProblem } from '@mockloop/shared';
import { TextField } from './FormField';
import { emptyParameter, type ParameterDraft, type QuestionDraft } from './questionDraft';

interface Props {
  draft: QuestionDraft;
  problems: readonly FieldProblem[];
  onChange(patch: Partial<QuestionDraft>): void;
}

/** A coding question's contract: entry names, signatures, parameters, return, constraints, starters. */
export function CodingFields({ draft, problems, onChange }: Props) {
  const text = (
    label: string,
    field: string,
    key: keyof QuestionDraft,
    extra: { hint?: string; rows?: number; code?: boolean } = {},
  ) => (
    <TextField
      label={label}
      field={field}
      problems={problems}
      value={String(draft[key])}
      onChange={(value) => onChange({ [key]: value } as Partial<QuestionDraft>)}
      {...extra}
    />
  );
  const setParam = (i: number, patch: Partial<ParameterDraft>) =>
    onChange({ parameters: draft.parameters.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  return (
    <fieldset className="editor-group">
      <legend>Coding</legend>
      {text('Function name in Python', 'coding.entry.python', 'entryPython', {
        hint: 'snake_case: sum_list',
      })}
      {text('Function name in JavaScript and TypeScript', 'coding.entry.javascript', 'entryJavascript', {
        hint: 'camelCase: sumList',
      })}
      {text('Signature in Python', 'coding.signature.python', 'signaturePython', { code: true })}
      {text('Signature in JavaScript', 'coding.signature.javascript', 'signatureJavascript', { code: true })}
      {text('Signature in TypeScript', 'coding.signature.typescript', 'signatureTypescript', { code: true })}
      <h4>Parameters</h4>
      {draft.parameters.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: parameters are positional.
        <div key={i} className="editor-item">
          <TextField
            label={`Parameter ${i + 1} name`}
            field={`coding.parameters[${i}].name`}
            problems={problems}
            value={p.name}
            onChange={(name) => setParam(i, { name })}
          />
          <TextField
            label={`Parameter ${i + 1} type`}
            field={`coding.parameters[${i}].type`}
            problems={problems}
            value={p.type}
            hint="for people: list of integers"
            onChange={(type) => setParam(i, { type })}
          />
          <TextField
            label={`Parameter ${i + 1} value type`}
            field={`coding.parameters[${i}].valueType`}
            problems={problems}
            value={p.valueType}
            hint="optional, for Java, C++ and Go starters and type checks: list<int>, str, map<str, float>"
            onChange={(valueType) => setParam(i, { valueType })}
          />
          <TextField
            label={`Parameter ${i + 1} description`}
            field={`coding.parameters[${i}].description`}
            problems={problems}
            value={p.description}
            onChange={(description) => setParam(i, { description })}
          />
          <button
            type="button"
            className="button small-button"
            disabled={draft.parameters.length <= 1}
            onClick={() => onChange({ parameters: draft.parameters.filter((_, j) => j !== i) })}
          >
            Remove parameter {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        onClick={() => onChange({ parameters: [...draft.parameters, emptyParameter()] })}
      >
        Add a parameter
      </button>
      {text('Return type', 'coding.returns.type', 'returnsType')}
      {text('Return value type', 'coding.returns.valueType', 'returnsValueType', {
        hint: 'optional, as for parameters: int',
      })}
      {text('Return description', 'coding.returns.description', 'returnsDescription')}
      {text('Constraints', 'coding.constraints', 'constraints', {
        rows: 3,
        hint: 'one per line: sizes, ordering, ties',
      })}
      {text('Starter code in Python', 'coding.starterCode.python', 'starterPython', { rows: 5, code: true })}
      {text('Starter code in JavaScript', 'coding.starterCode.javascript', 'starterJavascript', {
        rows: 5,
        code: true,
      })}
      {text('Starter code in TypeScript', 'coding.starterCode.typescript', 'starterTypescript', {
        rows: 5,
        code: true,
      })}
    </fieldset>
  );
}
