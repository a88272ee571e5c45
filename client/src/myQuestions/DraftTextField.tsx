import type { FieldProblem } from '@mockloop/shared';
import { TextField } from './FormField';
import type { QuestionDraft } from './questionDraft';

export interface DraftFieldsProps {
  draft: QuestionDraft;
  problems: readonly FieldProblem[];
  onChange(patch: Partial<QuestionDraft>): void;
}

/** A text field bound to one of the draft's plain string fields (`key`), its problems under `field`. */
export function DraftTextField({
  draft,
  problems,
  onChange,
  label,
  field,
  draftKey,
  hint,
  rows,
  code,
}: DraftFieldsProps & {
  label: string;
  field: string;
  draftKey: keyof QuestionDraft;
  hint?: string;
  rows?: number;
  code?: boolean;
}) {
  return (
    <TextField
      label={label}
      field={field}
      problems={problems}
      value={String(draft[draftKey])}
      onChange={(value) => onChange({ [draftKey]: value })}
      hint={hint}
      rows={rows}
      code={code}
    />
  );
}
