interface Props {
  hints: readonly string[];
  /** How many the candidate has seen: those are marked. */
  revealed: number;
}

export function HintList({ hints, revealed }: Props) {
  return (
    <section className="brief-section">
      <h4>Hints, gentle to strong</h4>
      <ol className="hint-list small">
        {hints.map((text, i) => (
          <li key={text} className={i < revealed ? 'revealed' : undefined}>
            {text}
            {i < revealed && <span className="muted"> (shown)</span>}
          </li>
        ))}
      </ol>
    </section>
  );
}
