import { LANGUAGE_LABELS, Language } from '@mockloop/shared';
import { useId } from 'react';

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
        onChange={(e) => props.onChange(Language.parse(e.target.value))}
      >
        {Language.options.map((language) => (
          <option key={language} value={language}>
            {LANGUAGE_LABELS[language]}
          </option>
        ))}
      </select>
    </div>
  );
}
