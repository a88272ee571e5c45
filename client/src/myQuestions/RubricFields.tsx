import type { FieldProblem } from '@mockloop/shared';
import { TextField } from './FormField';
import { type CriterionDraft, emptyCriterion } from './questionDraft';

interface Props {
  rubric: CriterionDraft[];
  problems: readonly FieldProblem[];
  onChange(rubric: CriterionDraft[]): void;
}

const ANCHORS = ['1 (weak)', '2', '3', '4 (excellent)'] as const;

/** The rubric: 3 to 6 criteria, each with what it measures and an anchor per score. */
export function RubricFields({ rubric, problems, onChange }: Props) {
  const set = (i: number, patch: Partial<CriterionDraft>) =>
    onChange(rubric.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  return (
    <fieldset className="editor-group">
      <legend>Rubric (interviewer only)</legend>
      {rubric.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: criteria are edited in place; their ids change as typed.
        <div key={i} className="editor-item">
          <h4>Criterion {i + 1}</h4>
          <TextField
            label={`Criterion ${i + 1} name`}
            field={`interviewer.rubric[${i}].name`}
            problems={problems}
            value={c.name}
            onChange={(name) => set(i, { name })}
          />
          <TextField
            label={`Criterion ${i + 1} id`}
            field={`interviewer.rubric[${i}].id`}
            problems={problems}
            value={c.id}
            hint="kebab-case, unique in the rubric"
            onChange={(id) => set(i, { id })}
          />
          <TextField
            label={`Criterion ${i + 1} measures`}
            field={`interviewer.rubric[${i}].measures`}
            problems={problems}
            value={c.measures}
            onChange={(measures) => set(i, { measures })}
          />
          {ANCHORS.map((anchor, s) => (
            <TextField
              key={anchor}
              label={`Criterion ${i + 1} score ${anchor}`}
              field={`interviewer.rubric[${i}].scores["${s + 1}"]`}
              problems={problems}
              value={c.scores[s] ?? ''}
              onChange={(text) => {
                const scores = [...c.scores] as CriterionDraft['scores'];
                scores[s] = text;
                set(i, { scores });
              }}
            />
          ))}
          <button
            type="button"
            className="button small-button"
            disabled={rubric.length <= 3}
            onClick={() => onChange(rubric.filter((_, j) => j !== i))}
          >
            Remove criterion {i + 1}
          </button>
        </div>
      ))}
      <button
        type="button"
        className="button"
        disabled={rubric.length >= 6}
        onClick={() => onChange([...rubric, emptyCriterion(rubric.length + 1)])}
      >
        Add a criterion
      </button>
    </fieldset>
  );
}
