/**
 * A centred message that replaces a whole page: loading states, and errors, which get a heading
 * and a way home (a page that only says what went wrong is a dead end).
 */
export function FullPageMessage({ text, title }: { text: string; title?: string }) {
  return (
    <main className="centered">
      <div className="full-page-message">
        {title && <h1>{title}</h1>}
        <p className="muted" aria-live="polite">
          {text}
        </p>
        {title && (
          <a className="button" href="/">
            Go to the home page
          </a>
        )}
      </div>
    </main>
  );
}
