import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SETTINGS } from './settings.js';

const README = new URL('../../../README.md', import.meta.url);

/** The rows of the README's configuration table: variable name and default as written. */
function readmeTable(): Map<string, string> {
  const text = fs.readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf('## Configuration'));
  const lines = section.split('\n');
  const start = lines.findIndex((l) => /^\|\s*variable\s*\|\s*default\s*\|/.test(l));
  const rows = new Map<string, string>();
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    const [name = '', shown = ''] = line
      .slice(1, -1)
      .split(' | ')
      .map((c) => c.trim());
    rows.set(name.replace(/^`|`$/g, ''), shown);
  }
  return rows;
}

describe('the README documents the configuration schema', () => {
  it('lists exactly the variables of SETTINGS, each with its default', () => {
    const table = readmeTable();
    expect([...table.keys()].sort()).toEqual(Object.keys(SETTINGS).sort());
    for (const [name, setting] of Object.entries(SETTINGS)) {
      expect(table.get(name), name).toBe(setting.shown);
    }
  });

  it('shows numeric defaults as the values the schema falls back to', () => {
    for (const [name, setting] of Object.entries(SETTINGS)) {
      if (typeof setting.fallback === 'number')
        expect(setting.shown, name).toMatch(new RegExp(`^\`${setting.fallback}\``));
    }
  });
});
