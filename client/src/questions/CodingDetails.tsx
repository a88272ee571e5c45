import type { JsonValue, PublicQuestion } from '@mockloop/shared';

interface Props {
  coding: NonNullable<PublicQuestion['coding']>;
  /** Which language's signature to show. */
  language: keyof NonNullable<PublicQuestion['coding']>['signature'];
  /** The level of its headings where it sits: under the room's question title, or a page's h1. */
  heading: 'h2' | 'h4';
}

/** A coding question's signature, input, output, rules and examples: in the room and on its preview. */
export function CodingDetails({ coding, language, heading: Heading }: Props) {
  return (
    <>
      <Heading>Signature</Heading>
      <pre className="code-block">{coding.signature[language]}</pre>
      <Heading>Input</Heading>
      <ul className="params">
        {coding.parameters.map((p) => (
          <li key={p.name}>
            <code>{p.name}</code> <span className="muted">({p.type})</span>: {p.description}
          </li>
        ))}
      </ul>
      <Heading>Output</Heading>
      <p>
        <span className="muted">({coding.returns.type})</span> {coding.returns.description}
      </p>
      <Heading>Rules</Heading>
      <ul className="constraints">
        {coding.constraints.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <Heading>Examples</Heading>
      {coding.examples.map((example, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: examples are static and ordered
        <div className="example" key={i}>
          <pre className="code-block">{`args:     ${json(example.args)}\nexpected: ${json(example.expected)}`}</pre>
          {example.explanation && <p className="muted small">{example.explanation}</p>}
        </div>
      ))}
    </>
  );
}

function json(value: JsonValue | JsonValue[]): string {
  const text = JSON.stringify(value);
  return text.length > 400 ? `${text.slice(0, 400)}…` : text;
}
