/** The SDP direction attributes (RFC 8866 6.7); a section without one is `sendrecv`. */
const DIRECTIONS = ['sendrecv', 'sendonly', 'recvonly', 'inactive'] as const;
type Direction = (typeof DIRECTIONS)[number];

/**
 * Why an observer's session description could send something, or null when every media section
 * only receives (P-CALL-2). Every direction line counts, at session and media level, as browsers
 * read them: Chromium takes an attribute whose name is followed by the line's end, `:` or a
 * space, and applies the last of several; so two direction lines in one place are refused rather
 * than guessed at. A media section's own direction wins over the session's, and no direction at
 * all is `sendrecv`. A section with port 0 is not exempt (with BUNDLE, `a=bundle-only` sections
 * have port 0 and are live), and only audio and video sections are allowed (a data channel sends).
 */
export function receiveOnlyProblem(sdp: string): string | null {
  const lines = sdp.split('\r\n').filter((line) => line !== '');
  const sections: string[][] = [[]];
  for (const line of lines) {
    if (line.startsWith('m=')) sections.push([]);
    sections.at(-1)?.push(line);
  }
  const [session = [], ...media] = sections;
  const sessionDirection = directionOf(session);
  if (sessionDirection === 'conflict') return 'the session has more than one direction line';
  if (sessionDirection && !receives(sessionDirection)) return `the session is ${sessionDirection}`;
  for (const [index, section] of media.entries()) {
    const kind = /^m=([^ ]*)/.exec(section[0] ?? '')?.[1] ?? '';
    if (kind !== 'audio' && kind !== 'video')
      return `media section ${index} is ${kind || 'unnamed'}, not audio or video`;
    const own = directionOf(section);
    if (own === 'conflict') return `media section ${index} has more than one direction line`;
    const effective = own ?? sessionDirection ?? 'sendrecv';
    if (!receives(effective)) return `media section ${index} (${kind}) is ${effective}`;
  }
  return null;
}

function receives(direction: Direction): boolean {
  return direction === 'recvonly' || direction === 'inactive';
}

/** The one direction a block of lines declares, none, or 'conflict' for more than one line. */
function directionOf(lines: readonly string[]): Direction | null | 'conflict' {
  const found = lines.flatMap((line) => {
    const name = /^a=([^: ]*)/i.exec(line)?.[1]?.toLowerCase();
    return DIRECTIONS.filter((d) => d === name);
  });
  if (found.length > 1) return 'conflict';
  return found[0] ?? null;
}
