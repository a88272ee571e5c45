import type { FieldProblem } from '@mockloop/shared';
import { TextField } from './FormField';
import { emptyParameter, type ParameterDraft } from './questionDraft';

/** A coding question's parameters, each with its name, types and description; at least one stays. */
export function ParameterFields({
  parameters,
  problems,
  onChange,
}: {
  parameters: ParameterDraft[];
  problems: readonly FieldProblem[];
  onChange(parameters: ParameterDraft[]): void;
}) {
  const setParam = (i: number, patch: Partial<ParameterDraft>) =>
    onChange(parameters.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <>
      <h4>Parameters</h4>
      {parameters.map((p, i) => (
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
            disabled={parameters.length <= 1}
            onClick={() => onChange(parameters.filter((_, j) => j !== i))}
          >
            Remove parameter {i + 1}
          </button>
        </div>
      ))}
      <button type="button" className="button" onClick={() => onChange([...parameters, emptyParameter()])}>
        Add a parameter
      </button>
    </>
  );
}
