import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ClientEvent, ServerEvent } from '../values/events.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const TEST_DIRS = ['shared/src', 'server/src', 'server/test', 'client/src', 'e2e/tests', 'bench'];

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : testFiles(full);
    return /\.(test|spec)\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

describe('shared/PROTOCOL.md', () => {
  it('every rule id is cited by at least one test', () => {
    const protocol = fs.readFileSync(path.join(repo, 'shared/PROTOCOL.md'), 'utf8');
    const ids = [...protocol.matchAll(/\*\*(P-[A-Z]+-\d+)\*\*/g)].map((m) => m[1] as string);
    expect(ids.length).toBeGreaterThan(30);
    const tests = TEST_DIRS.flatMap((d) => testFiles(path.join(repo, d)))
      .map((f) => fs.readFileSync(f, 'utf8'))
      .join('\n');
    const uncited = ids.filter((id) => !new RegExp(`\\b${id}\\b`).test(tests));
    expect(uncited).toEqual([]);
  });

  it('P-CTL-1 names every control event, each side in its own list', () => {
    const protocol = fs.readFileSync(path.join(repo, 'shared/PROTOCOL.md'), 'utf8');
    const rule = protocol.slice(protocol.indexOf('**P-CTL-1**'), protocol.indexOf('**P-CTL-2**'));
    const [clientPart = '', serverPart = ''] = rule.split('Server to client:');
    const named = (text: string) => [...text.matchAll(/`([a-z]+:[a-z-]+)`/g)].map((m) => m[1]).sort();
    expect(named(clientPart)).toEqual(Object.values(ClientEvent).sort());
    expect(named(serverPart)).toEqual(Object.values(ServerEvent).sort());
  });
});
