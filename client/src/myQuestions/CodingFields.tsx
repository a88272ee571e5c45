import { type DraftFieldsProps, DraftTextField } from './DraftTextField';
import { ParameterFields } from './ParameterFields';

/** A coding question's contract: entry names, signatures, parameters, return, constraints, starters. */
export function CodingFields(props: DraftFieldsProps) {
  const { draft, problems, onChange } = props;
  return (
    <fieldset className="editor-group">
      <legend>Coding</legend>
      <DraftTextField
        {...props}
        label="Function name in Python"
        field="coding.entry.python"
        draftKey="entryPython"
        hint="snake_case: sum_list"
      />
      <DraftTextField
        {...props}
        label="Function name in JavaScript and TypeScript"
        field="coding.entry.javascript"
        draftKey="entryJavascript"
        hint="camelCase: sumList"
      />
      <DraftTextField
        {...props}
        label="Signature in Python"
        field="coding.signature.python"
        draftKey="signaturePython"
        code
      />
      <DraftTextField
        {...props}
        label="Signature in JavaScript"
        field="coding.signature.javascript"
        draftKey="signatureJavascript"
        code
      />
      <DraftTextField
        {...props}
        label="Signature in TypeScript"
        field="coding.signature.typescript"
        draftKey="signatureTypescript"
        code
      />
      <ParameterFields
        parameters={draft.parameters}
        problems={problems}
        onChange={(parameters) => onChange({ parameters })}
      />
      <DraftTextField {...props} label="Return type" field="coding.returns.type" draftKey="returnsType" />
      <DraftTextField
        {...props}
        label="Return value type"
        field="coding.returns.valueType"
        draftKey="returnsValueType"
        hint="optional, as for parameters: int"
      />
      <DraftTextField
        {...props}
        label="Return description"
        field="coding.returns.description"
        draftKey="returnsDescription"
      />
      <DraftTextField
        {...props}
        label="Constraints"
        field="coding.constraints"
        draftKey="constraints"
        rows={3}
        hint="one per line: sizes, ordering, ties"
      />
      <StarterFields {...props} />
    </fieldset>
  );
}

function StarterFields(props: DraftFieldsProps) {
  return (
    <>
      <DraftTextField
        {...props}
        label="Starter code in Python"
        field="coding.starterCode.python"
        draftKey="starterPython"
        rows={5}
        code
      />
      <DraftTextField
        {...props}
        label="Starter code in JavaScript"
        field="coding.starterCode.javascript"
        draftKey="starterJavascript"
        rows={5}
        code
      />
      <DraftTextField
        {...props}
        label="Starter code in TypeScript"
        field="coding.starterCode.typescript"
        draftKey="starterTypescript"
        rows={5}
        code
      />
    </>
  );
}
