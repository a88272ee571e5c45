import { createHash } from 'node:crypto';

/** A run of id characters long enough to be a room id (22), secret (43), token or report key. */
const CAPABILITY = /[A-Za-z0-9_-]{20,}/g;

/** The tag logs carry instead of a capability: `~` and 10 hex digits of its SHA-256. */
function tag(value: string): string {
  return `~${createHash('sha256').update(value).digest('hex').slice(0, 10)}`;
}

/**
 * What a log may say about a room id, secret, token or a text that holds them (a URL, a document
 * name, an error message): each such value replaced by a short hash tag, the same for the same
 * value (an operator finds a room's lines with `redact(roomId)`), which cannot be turned back into
 * the id (128 bits and more behind 40). Applied to every log line (createLogger), and by call
 * sites to ids they log on purpose.
 */
export function redact(value: string): string {
  if (/^[A-Za-z0-9_-]{16,}$/.test(value)) return tag(value);
  // A long run is a capability when it mixes cases, as random base64url does (a question id
  // like `netflix-mle-two-sum-variant` does not, and stays readable).
  return value.replace(CAPABILITY, (run) => (/[a-z]/.test(run) && /[A-Z]/.test(run) ? tag(run) : run));
}
