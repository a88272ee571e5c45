import { LANGUAGE_LABELS, LANGUAGES, type Language } from '@mockloop/shared';
import { useId } from 'react';
import { oneOf } from '../lib/oneOf';

export function LanguageSelect(props: {
  value: Language;
  disabled: boolean;
  onChange(language: Language): void;
}) {
  const id = useId();
  return (
    <div className="field-inline">
      <label htmlFor={id}>Language</label>
      <select
        id={id}
        value={props.value}
        disabled={props.disabled}
        onChange={(e) => props.onChange(oneOf(LANGUAGES, e.target.value) ?? props.value)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {LANGUAGE_LABELS[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
