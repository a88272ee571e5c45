import type { ServerLanguage } from '@mockloop/shared';
import { IN_SANDBOX } from './sandbox/sandboxCommand.js';

/** What a run asks of its sandbox: the files, and shell commands for the compile and run steps. */
export interface RunPlan {
  /** File name (in the work folder) to contents: the code and the harness glue. */
  files: Record<string, string>;
  /** The file holding the editor's text, whose lines the compiler's messages name. */
  sourceFile: string;
  compile?: string;
  run: string;
}

/** One server language: where its toolchain lives, its environment, and how it builds a run. */
export interface Toolchain {
  language: ServerLanguage;
  /** Executables that must exist on the host (absolute paths). */
  requires: string[];
  env: Record<string, string>;
  /** The smallest program that prints `ok`, run at start-up to prove the toolchain works. */
  probe: string;
  plan(job: { code: string; entry?: string; tests: boolean; memoryBytes: number }): RunPlan;
}

const JDK = '/usr/lib/jvm/java-17-openjdk-amd64';
const GO = '/usr/lib/go-1.19/bin/go';
const CACHE = IN_SANDBOX.cache;

/** Shell quoting for a word the driver script passes on. */
export const sh = (word: string) => `'${word.replace(/'/g, `'\\''`)}'`;

/**
 * JVM flags for a small, fast start (measured in bench/runner): one GC thread and the client
 * compiler only, class data sharing, no perf-data file, a heap that fits the run's memory. Fd 3
 * (the harness's results) is reached through java.io's FileDescriptor, hence the one opening.
 */
function jvmFlags(memoryBytes: number): string {
  const heapMb = Math.max(64, Math.floor((memoryBytes / 1024 / 1024) * 0.5));
  return [
    '-XX:+UseSerialGC',
    '-XX:TieredStopAtLevel=1',
    '-XX:CICompilerCount=1',
    '-Xshare:auto',
    '-XX:-UsePerfData',
    `-Xmx${heapMb}m`,
    '-Xss8m',
    '-XX:MaxMetaspaceSize=128m',
    '-XX:ReservedCodeCacheSize=32m',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '-Djava.io.tmpdir=/tmp',
  ].join(' ');
}

/** The class a Java file must be named after: its public top-level class, else Solution. */
export function javaFileName(code: string): string {
  const match =
    /^\s*public\s+(?:(?:final|abstract|sealed|strictfp)\s+)*(?:class|record|enum|interface)\s+([A-Za-z_$][\w$]*)/m.exec(
      code,
    );
  return `${match?.[1] ?? 'Solution'}.java`;
}

export const TOOLCHAINS: Record<ServerLanguage, Toolchain> = {
  java: {
    language: 'java',
    requires: [`${JDK}/bin/javac`, `${JDK}/bin/java`],
    env: { JAVA_HOME: JDK },
    probe: 'public class Main { public static void main(String[] a) { System.out.println("ok"); } }\n',
    plan({ code, entry, tests, memoryBytes }) {
      const file = javaFileName(code);
      const javac = [
        `${JDK}/bin/javac`,
        `-J-XX:SharedArchiveFile=${CACHE}/java/javac.jsa`,
        '-J-Xshare:auto',
        '-J-XX:+UseSerialGC',
        '-J-XX:TieredStopAtLevel=1',
        '-J-XX:-UsePerfData',
        '-J-Xmx256m',
        '-encoding UTF-8',
        '-Xmaxerrs 50',
        `-cp ${CACHE}/java`,
        '-d out',
        sh(file),
      ].join(' ');
      const java = `${JDK}/bin/java ${jvmFlags(memoryBytes)} -cp out:${CACHE}/java`;
      return {
        files: { [file]: code },
        sourceFile: file,
        compile: javac,
        run: tests
          ? `${java} MockloopHarness ${sh(entry ?? '')}`
          : // Every compiled top-level class, for the launcher to find the one with main.
            `${java} MockloopMain $(cd out && for f in *.class; do case "$f" in *'$'*) ;; *) echo "\${f%.class}";; esac; done)`,
      };
    },
  },
  cpp: {
    language: 'cpp',
    requires: ['/usr/bin/g++'],
    env: {},
    probe: '#include <cstdio>\nint main() { std::puts("ok"); }\n',
    plan({ code, entry, tests }): RunPlan {
      const gpp = '/usr/bin/g++ -std=gnu++17 -O2 -pipe -fdiagnostics-color=never -fmax-errors=20';
      if (!tests) {
        return {
          files: { 'solution.cpp': code },
          sourceFile: 'solution.cpp',
          compile: `${gpp} -o prog solution.cpp`,
          run: './prog',
        };
      }
      // The harness comes first (its precompiled header), then the code with its main renamed,
      // so a solution that kept a main of its own for trying things still builds.
      const main = [
        '#include "mockloop_harness.hpp"',
        '#define main mockloop_candidate_main',
        '#include "solution.cpp"',
        '#undef main',
        `int main() { return mockloop::run_tests(&${entry ?? 'entry'}); }`,
        '',
      ].join('\n');
      return {
        files: { 'solution.cpp': code, 'mockloop_main.cpp': main },
        sourceFile: 'solution.cpp',
        compile: `${gpp} -Winvalid-pch -I${CACHE}/cpp -o prog mockloop_main.cpp`,
        run: './prog',
      };
    },
  },
  go: {
    language: 'go',
    requires: [GO],
    env: {
      GOCACHE: '/tmp/gocache',
      GOPATH: '/tmp/go',
      GO111MODULE: 'off',
      CGO_ENABLED: '0',
      GOFLAGS: '',
      GOMAXPROCS: '2',
    },
    probe: 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("ok") }\n',
    plan({ code, entry, tests, memoryBytes }) {
      const build = `GOMEMLIMIT=${Math.floor(memoryBytes * 0.7)} ${GO} build -o prog`;
      if (!tests)
        return {
          files: { 'solution.go': code },
          sourceFile: 'solution.go',
          compile: `${build} solution.go`,
          run: './prog',
        };
      // The harness brings func main; a main of the code's own is renamed (same line, same length
      // or longer), so the editor's line numbers hold.
      const renamed = code.replace(/^func\s+main\s*\(/gm, 'func mockloopCandidateMain(');
      return {
        files: { 'solution.go': renamed },
        sourceFile: 'solution.go',
        compile: `sed "s/MOCKLOOP_ENTRY/${entry ?? 'entry'}/" ${CACHE}/go/mockloop_harness.go > mockloop_harness.go && ${build} solution.go mockloop_harness.go`,
        run: `GOMEMLIMIT=${Math.floor(memoryBytes * 0.7)} ./prog`,
      };
    },
  },
  'python-numpy': {
    language: 'python-numpy',
    requires: ['/usr/bin/python3'],
    env: {
      OPENBLAS_NUM_THREADS: '1',
      OMP_NUM_THREADS: '1',
      MKL_NUM_THREADS: '1',
      MPLCONFIGDIR: '/tmp',
      PYTHONDONTWRITEBYTECODE: '1',
    },
    probe: 'import numpy, pandas, sklearn\nprint("ok")\n',
    plan({ code, entry, tests }) {
      return {
        files: { 'solution.py': code },
        sourceFile: 'solution.py',
        run: tests
          ? `/usr/bin/python3 -I -B ${CACHE}/python/harness.py ${sh(entry ?? '')}`
          : '/usr/bin/python3 -B solution.py',
      };
    },
  },
};
