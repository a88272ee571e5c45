import { maskUrlPassword } from './ConfigError.js';
import { SETTINGS, type SettingName, type Settings } from './settings.js';

/**
 * The effective configuration as `--print-config` shows it: one `NAME=value` line per variable
 * (defaults included, marked), secrets masked: `(set, hidden)` for whole secrets, URLs without
 * their password.
 */
export function printConfig(env: NodeJS.ProcessEnv, settings: Settings): string {
  const lines: string[] = [];
  for (const name of Object.keys(SETTINGS) as SettingName[]) {
    const def = SETTINGS[name];
    const value = settings[name];
    const isSet = env[name] !== undefined && env[name] !== '';
    let shown: string;
    if (value === undefined) shown = `(unset: ${def.shown})`;
    else if (def.secret === 'whole') shown = isSet ? '(set, hidden)' : `(unset: ${def.shown})`;
    else if (def.secret === 'url') shown = maskUrlPassword(String(value));
    else shown = Array.isArray(value) ? value.join(',') : String(value);
    lines.push(`${name}=${shown}${isSet ? '' : '   # default'}`);
  }
  return `${lines.join('\n')}\n`;
}
