import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  access,
  chmod,
  copyFile,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  rename,
  rm,
  stat,
  writeFile,
} from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { ServerLanguage } from '@mockloop/shared';
import { TOOLCHAINS } from './toolchains.js';

const run = promisify(execFile);
/** The harness sources, next to the server's code (server/runner/). */
export const HARNESS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../runner');
const JDK = '/usr/lib/jvm/java-17-openjdk-amd64';
/** Bumped when what the builders below put in the cache changes, so machines build it again. */
const CACHE_LAYOUT = '3';

const exists = (file: string) =>
  access(file).then(
    () => true,
    () => false,
  );

/**
 * The folder bound read-only at /opt/mockloop in every sandbox: the harnesses, compiled once per
 * machine outside any sandbox from our own sources (Java classes and a CDS archive for javac, a
 * precompiled C++ header). Named by a hash of the sources and toolchains, and built in a temporary
 * folder then renamed, so servers starting together share it and never see half of it. Returns
 * the folder and, per language, why its part could not be built (if it could not).
 */
export async function prepareHarnessCache(
  root: string,
  languages: ServerLanguage[],
): Promise<{ dir: string; problems: Partial<Record<ServerLanguage, string>> }> {
  const sources = (await readdir(HARNESS_DIR)).sort();
  const hash = createHash('sha256');
  for (const file of sources) hash.update(file).update(await readFile(path.join(HARNESS_DIR, file)));
  hash.update(languages.join(',')).update(CACHE_LAYOUT);
  for (const language of languages) {
    for (const tool of TOOLCHAINS[language].requires) {
      hash.update(tool).update(String((await stat(tool).catch(() => null))?.mtimeMs ?? 'missing'));
    }
  }
  const dir = path.join(root, hash.digest('hex').slice(0, 16));
  const problemsFile = path.join(dir, 'problems.json');
  if (await exists(problemsFile)) {
    return { dir, problems: JSON.parse(await readFile(problemsFile, 'utf8')) };
  }
  await mkdir(root, { recursive: true, mode: 0o755 });
  await chmod(root, 0o755);
  // One builder per machine: servers starting together (a test suite) wait for it rather than
  // each compiling the same headers.
  const lock = `${dir}.lock`;
  await takeLock(lock);
  try {
    // Built by whoever held the lock before us, if anyone: then this only reads it.
    return await build(dir, languages);
  } finally {
    await rm(lock, { recursive: true, force: true });
  }
}

/**
 * Takes the build lock (a folder holding the builder's pid), waiting while another live process
 * holds it. A lock whose owner died is taken over.
 */
async function takeLock(lock: string): Promise<void> {
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    try {
      await mkdir(lock);
      await writeFile(path.join(lock, 'pid'), String(process.pid));
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(await readFile(path.join(lock, 'pid'), 'utf8').catch(() => '0'));
    if (owner && !alive(owner)) {
      await rm(lock, { recursive: true, force: true });
      continue;
    }
    if (Date.now() > deadline) throw new Error(`the runner's harness build is stuck (${lock})`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function build(
  dir: string,
  languages: ServerLanguage[],
): Promise<{ dir: string; problems: Partial<Record<ServerLanguage, string>> }> {
  const problemsFile = path.join(dir, 'problems.json');
  if (await exists(problemsFile)) return { dir, problems: JSON.parse(await readFile(problemsFile, 'utf8')) };
  const temp = await mkdtemp(path.join(path.dirname(dir), 'building-'));
  const problems: Partial<Record<ServerLanguage, string>> = {};
  try {
    for (const language of languages) {
      try {
        await BUILDERS[language](temp);
      } catch (err) {
        problems[language] = `its harness did not build: ${firstLine(err)}`;
      }
    }
    await writeFile(path.join(temp, 'problems.json'), JSON.stringify(problems));
    await openUp(temp);
    try {
      await rename(temp, dir);
    } catch (err) {
      // Another server built it first: theirs is as good.
      if (!['ENOTEMPTY', 'EEXIST'].includes((err as NodeJS.ErrnoException).code ?? '')) throw err;
      await rm(temp, { recursive: true, force: true });
      return { dir, problems: JSON.parse(await readFile(problemsFile, 'utf8')) };
    }
  } catch (err) {
    await rm(temp, { recursive: true, force: true });
    throw err;
  }
  return { dir, problems };
}

/** Where g++ finds <bits/stdc++.h> (libstdc++'s own folder for this target), or null. */
async function findStdcppHeader(): Promise<string | null> {
  return new Promise((resolve) => {
    const child = execFile(
      '/usr/bin/g++',
      ['-std=gnu++17', '-x', 'c++', '-H', '-fsyntax-only', '-'],
      (_err, _out, stderr) => {
        const line = stderr.split('\n').find((l) => /^\. .*bits\/stdc\+\+\.h$/.test(l));
        resolve(line ? line.slice(2) : null);
      },
    );
    child.stdin?.end('#include <bits/stdc++.h>\n');
  });
}

function firstLine(err: unknown): string {
  const e = err as { stderr?: string; message?: string };
  return (e.stderr || e.message || String(err)).trim().split('\n')[0] ?? 'unknown error';
}

/** Every folder 0755 and file 0644 (or 0755 if it was executable): the sandbox's user reads them. */
async function openUp(dir: string): Promise<void> {
  await chmod(dir, 0o755);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) await openUp(full);
    else await chmod(full, 0o644);
  }
}

const BUILDERS: Record<ServerLanguage, (dir: string) => Promise<void>> = {
  async 'python-numpy'(dir) {
    await mkdir(path.join(dir, 'python'));
    await copyFile(path.join(HARNESS_DIR, 'harness.py'), path.join(dir, 'python/harness.py'));
  },
  async go(dir) {
    await mkdir(path.join(dir, 'go'));
    await copyFile(path.join(HARNESS_DIR, 'mockloop_harness.go'), path.join(dir, 'go/mockloop_harness.go'));
  },
  async java(dir) {
    const out = path.join(dir, 'java');
    await mkdir(out);
    const sources = ['MockloopHarness.java', 'MockloopMain.java'].map((f) => path.join(HARNESS_DIR, f));
    await run(`${JDK}/bin/javac`, ['-J-XX:+UseSerialGC', '-d', out, ...sources], { timeout: 120_000 });
    // A class-data-sharing archive of javac's own start: compiling then takes half the time.
    const probeDir = await mkdtemp(path.join(os.tmpdir(), 'mockloop-jsa-'));
    try {
      await writeFile(
        path.join(probeDir, 'Probe.java'),
        TOOLCHAINS.java.probe.replace('class Main', 'class Probe'),
      );
      await run(
        `${JDK}/bin/javac`,
        [
          `-J-XX:ArchiveClassesAtExit=${path.join(out, 'javac.jsa')}`,
          '-J-XX:+UseSerialGC',
          '-J-XX:TieredStopAtLevel=1',
          '-J-XX:-UsePerfData',
          '-J-Xmx256m',
          '-d',
          probeDir,
          path.join(probeDir, 'Probe.java'),
        ],
        { timeout: 120_000 },
      ).catch(() => {}); // without the archive javac still runs, only slower
    } finally {
      await rm(probeDir, { recursive: true, force: true });
    }
  },
  async cpp(dir) {
    const out = path.join(dir, 'cpp');
    await mkdir(out);
    const header = path.join(out, 'mockloop_harness.hpp');
    await copyFile(path.join(HARNESS_DIR, 'mockloop_harness.hpp'), header);
    // The same flags as the runs' (toolchains.ts), or g++ ignores the precompiled header.
    const flags = ['-std=gnu++17', '-O2', '-pipe', '-fdiagnostics-color=never', '-x', 'c++-header'];
    await run('/usr/bin/g++', [...flags, '-o', `${header}.gch`, header], { timeout: 300_000 });
    // <bits/stdc++.h>, which most answers start with, precompiled as well: g++ finds
    // bits/stdc++.h.gch in this folder (-I) before the header itself. A third of the compile.
    const stdcpp = await findStdcppHeader();
    if (stdcpp) {
      await mkdir(path.join(out, 'bits'));
      await run('/usr/bin/g++', [...flags, '-o', path.join(out, 'bits/stdc++.h.gch'), stdcpp], {
        timeout: 300_000,
      });
    }
  },
};
