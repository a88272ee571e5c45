import { useId, useState } from 'react';

/**
 * My questions' import: a YAML file or pasted text. The pasted text is cleared only once an
 * import went in (`onImport` calls `imported`), so a failed one keeps it for fixing.
 */
export function ImportYamlBox({
  onImport,
}: {
  onImport: (text: string, imported: () => void) => Promise<void>;
}) {
  const [yaml, setYaml] = useState('');
  const importId = useId();
  const importText = (text: string) => onImport(text, () => setYaml(''));
  return (
    <section className="card import-box" aria-labelledby={`${importId}-heading`}>
      <h2 id={`${importId}-heading`}>Import YAML</h2>
      <p className="muted small">
        One question or several (<code>---</code> between them) in the bank’s question.yaml format. All or
        none is imported; problems name the question and field.
      </p>
      <label htmlFor={`${importId}-file`}>YAML file</label>
      <input
        id={`${importId}-file`}
        type="file"
        accept=".yaml,.yml,text/yaml,application/yaml"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (file) await importText(await file.text());
          e.target.value = '';
        }}
      />
      <label htmlFor={`${importId}-text`}>Or paste YAML</label>
      <textarea
        id={`${importId}-text`}
        rows={6}
        className="code-input"
        value={yaml}
        onChange={(e) => setYaml(e.target.value)}
      />
      <button type="button" className="button" disabled={!yaml.trim()} onClick={() => importText(yaml)}>
        Import
      </button>
    </section>
  );
}
