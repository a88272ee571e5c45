/** The name as it will be shown (trimmed), or the message to show when there is none. */
export function checkName(raw: string): { name: string } | { error: string } {
  const name = raw.trim();
  return name ? { name } : { error: 'Please enter your name.' };
}
