type Block = { kind: 'p'; text: string } | { kind: 'ul'; items: string[] };

/**
 * Splits the bank's hand-wrapped text into blocks: blank lines separate paragraphs, lines that
 * start with "- " are list items, other line breaks are soft wraps.
 */
export function parseProse(text: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of text.split(/\n\s*\n/)) {
    const lines = chunk.split('\n').map((l) => l.trim());
    for (const line of lines) {
      if (!line) continue;
      const last = blocks[blocks.length - 1];
      if (line.startsWith('- ')) {
        if (last?.kind === 'ul' && last.items.length > 0) last.items.push(line.slice(2));
        else blocks.push({ kind: 'ul', items: [line.slice(2)] });
      } else if (last?.kind === 'ul' && !isNewParagraph(chunk, line)) {
        last.items[last.items.length - 1] += ` ${line}`;
      } else if (last?.kind === 'p' && !isNewParagraph(chunk, line)) {
        last.text += ` ${line}`;
      } else {
        blocks.push({ kind: 'p', text: line });
      }
    }
  }
  return blocks;
}

/** A line is the first of its chunk when it opens a new paragraph. */
function isNewParagraph(chunk: string, line: string): boolean {
  return chunk.trimStart().startsWith(line);
}

/** Renders bank text (guidance, hints, prompts) as paragraphs and lists. */
export function Prose({ text, className }: { text: string; className?: string }) {
  return (
    <div className={`prose ${className ?? ''}`}>
      {parseProse(text).map((block, i) =>
        block.kind === 'p' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of static text, never reordered
          <p key={i}>{block.text}</p>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: blocks of static text, never reordered
          <ul key={i}>
            {block.items.map((item) => (
              <li key={item}>{item}</li>
            ))}
          </ul>
        ),
      )}
    </div>
  );
}
