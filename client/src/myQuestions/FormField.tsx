import type { FieldProblem } from '@mockloop/shared';
import { type ReactNode, useId } from 'react';
import { problemsAt } from './questionDraft';

interface FieldProps {
  label: string;
  /** The field's path as the server names it (`interviewer.hints`), for its problems. */
  field: string;
  problems: readonly FieldProblem[];
  hint?: string;
  /** The control, given its id and the attributes that tie it to its label and errors. */
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}

/** A labelled control with its hint and its own problems under it (field-level errors). */
export function FormField({ label, field, problems, hint, children }: FieldProps) {
  const id = useId();
  const mine = problemsAt(problems, field);
  const described = [hint ? `${id}-hint` : '', mine.length ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (
    <div className={`form-field${mine.length ? ' invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {children({
        id,
        'aria-invalid': mine.length > 0,
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {mine.length > 0 && (
        <ul id={`${id}-error`} className="field-errors">
          {mine.map((p) => (
            <li key={`${p.field}:${p.reason}`}>
              {p.field === field ? '' : `${p.field}: `}
              {p.reason}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

interface TextProps {
  label: string;
  field: string;
  problems: readonly FieldProblem[];
  value: string;
  onChange(value: string): void;
  hint?: string;
  rows?: number;
  code?: boolean;
}

/** A text input, or a text area when `rows` is given. */
export function TextField({ label, field, problems, value, onChange, hint, rows, code }: TextProps) {
  return (
    <FormField label={label} field={field} problems={problems} hint={hint}>
      {(control) =>
        rows ? (
          <textarea
            {...control}
            rows={rows}
            className={code ? 'code-input' : undefined}
            spellCheck={!code}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input {...control} value={value} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </FormField>
  );
}
