/**
 * FNV-1a (32 bits) of a text's UTF-16 code units, as 8 hex digits: a cheap fingerprint the page
 * and the server compute alike (no crypto.subtle, which plain-HTTP pages lack). Not a secret.
 */
export function codeTextHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
