/** A bad configuration value: its message is the one line start-up prints before exiting 1. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
}

/** A variable's value as an error may show it: quoted, shortened, and never a secret. */
export function describeValue(raw: string, secret?: 'whole' | 'url'): string {
  if (secret === 'whole') return `(${raw.length} characters, hidden)`;
  const shown = secret === 'url' ? maskUrlPassword(raw) : raw;
  const short = shown.length > 120 ? `${shown.slice(0, 120)}...` : shown;
  return JSON.stringify(short);
}

/** A URL with its password (if any) replaced by `***`; text that is no URL is returned as is. */
export function maskUrlPassword(raw: string): string {
  try {
    const u = new URL(raw);
    if (!u.password) return raw;
    u.password = '***';
    return u.href;
  } catch {
    // Not a URL: it could still hold a password after a colon; hide everything past the scheme.
    const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(raw)?.[0];
    return scheme ? `${scheme}***` : '***';
  }
}
