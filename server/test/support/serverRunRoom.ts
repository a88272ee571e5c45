import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type Ack,
  ClientEvent,
  CODE_DOC,
  codeTextHash,
  type JoinResult,
  type ServerLanguage,
  type ServerRunRequest,
  type ServerRunResult,
  type SharedRun,
} from '@mockloop/shared';
import { SandboxExecutor } from '../../src/execution/SandboxExecutor.js';
import { type ControlSocket, createRoom, type DocClient, joinOk } from './clients.js';
import { eventually } from './eventually.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/solutions/', import.meta.url));

/** A reference solution in a server language, from server/test/fixtures/solutions/<question>/. */
export function solution(question: string, file: string): string {
  return fs.readFileSync(path.join(FIXTURES, question, file), 'utf8');
}

export const TOP_K = 'netflix-mle-top-k-trending';
/** Per language: the file of the right answer to top-k, and a wrong one that compiles. */
export const TOP_K_ANSWERS: Record<ServerLanguage, { right: string; wrong: string }> = {
  java: {
    right: solution('top-k-trending', 'Solution.java'),
    wrong:
      'import java.util.*;\n\nclass Solution {\n    public List<List<Integer>> topKTrending(int[][] watches, int[] queries, int k) {\n        List<List<Integer>> out = new ArrayList<>();\n        for (int q : queries) out.add(new ArrayList<>());\n        return out;\n    }\n}\n',
  },
  cpp: {
    right: solution('top-k-trending', 'solution.cpp'),
    wrong:
      '#include <bits/stdc++.h>\nusing namespace std;\n\nvector<vector<int>> topKTrending(const vector<pair<int, int>>& watches, const vector<int>& queries, int k) {\n    return vector<vector<int>>(queries.size());\n}\n',
  },
  go: {
    right: solution('top-k-trending', 'solution.go'),
    wrong:
      'package main\n\nfunc topKTrending(watches [][2]int, queries []int, k int) [][]int {\n\tout := [][]int{}\n\tfor range queries {\n\t\tout = append(out, []int{})\n\t}\n\treturn out\n}\n',
  },
  'python-numpy': {
    right: solution('top-k-trending', 'solution_numpy.py'),
    wrong:
      'import numpy as np\n\n\ndef top_k_trending(watches, queries, k):\n    return [np.array([], dtype=np.int64) for _ in queries]\n',
  },
};

export interface RunRoom {
  roomId: string;
  ivy: ControlSocket;
  cal: ControlSocket;
  ivyJoin: JoinResult;
  calJoin: JoinResult;
  calDoc: DocClient;
  ivyDoc: DocClient;
}

const act = (socket: ControlSocket, event: string, payload: unknown) =>
  (socket.emitWithAck as (e: string, p: unknown) => Promise<Ack<unknown>>)(event, payload);

/**
 * A coding room with Ivy interviewing and Cal answering, `questionId` picked and revealed (starter
 * code written), the room on `language`, and both players' code documents open.
 */
export async function runRoom(
  url: string,
  /** A control socket for the room (with several nodes, it must carry the room id: P-NODE-2). */
  control: (roomId: string) => ControlSocket,
  doc: (access: JoinResult['documents']['code']) => DocClient,
  language: ServerLanguage,
  questionId = TOP_K,
): Promise<RunRoom> {
  const room = await createRoom(url, { roundType: 'coding', name: 'Ivy' });
  const ivy = control(room.roomId);
  const ivyJoin = await joinOk(ivy, { roomId: room.roomId, secret: room.secret });
  const cal = control(room.roomId);
  const calJoin = await joinOk(cal, { roomId: room.roomId, name: 'Cal' });
  for (const [event, payload] of [
    [ClientEvent.SetLanguage, { language }],
    [ClientEvent.SelectQuestion, { questionId }],
    [ClientEvent.RevealQuestion, {}],
  ] as const) {
    const ack = await act(ivy, event, payload);
    if (!ack.ok) throw new Error(`${event}: ${ack.error.message}`);
  }
  const calDoc = doc(calJoin.documents.code);
  const ivyDoc = doc(ivyJoin.documents.code);
  await eventually(() => {
    if (calDoc.text.length === 0) throw new Error('no starter code yet');
  });
  return { roomId: room.roomId, ivy, cal, ivyJoin, calJoin, calDoc, ivyDoc };
}

/** Replaces the editor's text, as a paste over everything. */
export function setCode(doc: DocClient, code: string): void {
  doc.doc.transact(() => {
    doc.text.delete(0, doc.text.length);
    doc.text.insert(0, code);
  });
}

/** Asks for a server run of the code in `doc` (its hash), as the page does. */
export function requestRun(
  socket: ControlSocket,
  doc: DocClient,
  kind: ServerRunRequest['kind'],
  language: ServerLanguage,
): Promise<Ack<ServerRunResult>> {
  return socket.emitWithAck(ClientEvent.RunRequest, {
    kind,
    language,
    textHash: codeTextHash(doc.text.toString()),
  });
}

/** The runs the room's code document holds, as a player's copy sees them. */
export function sharedRuns(doc: DocClient): SharedRun[] {
  return doc.doc.getArray<SharedRun>(CODE_DOC.runs).toArray();
}

/**
 * Waits until this machine's runner is ready (on a fresh machine the first start builds the
 * harnesses, tens of seconds), so a test's own time limit measures its runs, not that build.
 */
export async function runnerReady(): Promise<void> {
  await SandboxExecutor.start();
}

/** How long runnerReady may take on a fresh, busy machine. */
export const RUNNER_READY_MS = 300_000;
