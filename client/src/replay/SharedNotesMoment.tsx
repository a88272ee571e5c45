/** The shared notes at the replay's position (a space keeps an empty block its height). */
export function SharedNotesMoment({ text, className }: { text: string; className?: string }) {
  return (
    <section aria-label="Shared notes at this moment" className={className}>
      <h4>Shared notes</h4>
      <pre className="notes-block">{text || ' '}</pre>
    </section>
  );
}
