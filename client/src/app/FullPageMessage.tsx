/** A centred one-line message: loading states and errors that replace a whole page. */
export function FullPageMessage({ text }: { text: string }) {
  return (
    <main className="centered">
      <p className="muted" aria-live="polite">
        {text}
      </p>
    </main>
  );
}
