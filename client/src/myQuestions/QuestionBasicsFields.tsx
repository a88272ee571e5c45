import { DIFFICULTIES, ROUND_TYPE_LABELS, ROUND_TYPES } from '@mockloop/shared';
import { oneOf } from '../lib/oneOf';
import { type DraftFieldsProps, DraftTextField } from './DraftTextField';
import { FormField } from './FormField';

/** The question's own fields: title, round type, difficulty, tags, minutes and prompt. */
export function QuestionBasicsFields(props: DraftFieldsProps) {
  const { draft, problems, onChange: patch } = props;
  return (
    <fieldset className="editor-group">
      <legend>Question</legend>
      <DraftTextField {...props} label="Title" field="title" draftKey="title" />
      <FormField label="Round type" field="roundType" problems={problems}>
        {(control) => (
          <select
            {...control}
            value={draft.roundType}
            onChange={(e) => {
              const roundType = oneOf(ROUND_TYPES, e.target.value) ?? draft.roundType;
              patch({ roundType, roundLabel: ROUND_TYPE_LABELS[roundType] });
            }}
          >
            {ROUND_TYPES.map((t) => (
              <option key={t} value={t}>
                {ROUND_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label="Difficulty" field="difficulty" problems={problems}>
        {(control) => (
          <select
            {...control}
            value={draft.difficulty}
            onChange={(e) => patch({ difficulty: oneOf(DIFFICULTIES, e.target.value) ?? draft.difficulty })}
          >
            {DIFFICULTIES.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <DraftTextField
        {...props}
        label="Tags"
        field="tags"
        draftKey="tags"
        hint="comma-separated: arrays, hashing"
      />
      <DraftTextField {...props} label="Minutes" field="timeLimitMinutes" draftKey="timeLimitMinutes" />
      <DraftTextField
        {...props}
        label="Prompt"
        field="prompt"
        draftKey="prompt"
        rows={8}
        hint="Markdown, no HTML; put code in `backticks`"
      />
    </fieldset>
  );
}
