/**
 * The board benchmark's page: a real Excalidraw bound to a Y.Doc by the app's own BoardBinding
 * and Excalidraw adapter. A second, in-page Y.Doc plays the peer: it holds a 2,000-element scene,
 * then makes 1,000 edits, each one transaction whose update is applied to the bound document as
 * the WebSocket provider would. Results go to `window.benchResult` for run.mjs to read.
 */
import '@excalidraw/excalidraw/index.css';
import { convertToExcalidrawElements, Excalidraw, restoreElements } from '@excalidraw/excalidraw';
import type { ExcalidrawElementSkeleton } from '@excalidraw/excalidraw/data/transform';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { seededRandom } from '@mockloop/shared';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import * as Y from 'yjs';
import { BoardBinding } from '../../../client/src/board/BoardBinding';
import {
  type ApplyPhase,
  type BoardElement,
  excalidrawScene,
} from '../../../client/src/board/excalidrawScene';

declare global {
  interface Window {
    benchResult?: unknown;
    benchError?: string;
  }
}

const params = new URLSearchParams(location.search);
const ELEMENTS = Number(params.get('elements') ?? 2000);
const EDITS = Number(params.get('edits') ?? 1000);
const WITH_FRAMES = params.get('frames') !== '0';

// Deterministic randomness, so every run makes the same edits.
const random = seededRandom(2000);

/** A system-design-like scene: labelled boxes, ellipses, arrows and notes, in equal parts. */
function scene(count: number): BoardElement[] {
  const skeletons: ExcalidrawElementSkeleton[] = [];
  const quarter = Math.floor(count / 5);
  for (let i = 0; skeletons.length < count; i++) {
    const x = (i % 40) * 180;
    const y = Math.floor(i / 40) * 140;
    const kind = i % 4;
    if (kind === 0 && i < quarter * 2) {
      // A labelled box is two elements: the rectangle and its bound text.
      skeletons.push({ type: 'rectangle', x, y, width: 140, height: 80, label: { text: `service ${i}` } });
    } else if (kind === 1) {
      skeletons.push({ type: 'ellipse', x, y, width: 120, height: 70 });
    } else if (kind === 2) {
      skeletons.push({ type: 'arrow', x, y: y + 40, width: 160, height: 0 });
    } else {
      skeletons.push({ type: 'text', x, y, text: `note ${i}: p99 < 200 ms` });
    }
  }
  const elements = restoreElements(convertToExcalidrawElements(skeletons), null) as BoardElement[];
  return elements.slice(0, count);
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function run(api: ExcalidrawImperativeAPI) {
  // The peer's document and the one bound to Excalidraw.
  const peer = new Y.Doc();
  const peerElements = peer.getMap<BoardElement>('elements');
  const local = new Y.Doc();
  // Where each remote update's time goes, counted only during the edits (not the initial load).
  const phases: Record<ApplyPhase, number[]> = { restore: [], reconcile: [], updateScene: [] };
  let measuring = false;
  const binding = new BoardBinding(
    local.getMap<BoardElement>('elements'),
    excalidrawScene(api, (phase, ms) => measuring && phases[phase].push(ms)),
  );
  api.onChange(() => binding.onLocalChange());

  const initial = scene(ELEMENTS);
  peer.transact(() => {
    for (const element of initial) peerElements.set(element.id, element);
  });
  const loadStart = performance.now();
  Y.applyUpdate(local, Y.encodeStateAsUpdate(peer), 'network');
  const loadMs = performance.now() - loadStart;
  await nextFrame();
  const shown = api.getSceneElementsIncludingDeleted().length;
  const docBytesAfterLoad = Y.encodeStateAsUpdate(local).byteLength;
  let topIndex = initial.reduce((top, e) => (e.index && e.index > top ? e.index : top), '');

  let pending: Uint8Array | null = null;
  peer.on('update', (update: Uint8Array) => {
    pending = update;
  });
  const ids = [...peerElements.keys()];
  const apply: number[] = [];
  const toFrame: number[] = [];
  const updateBytes: number[] = [];
  let adds = 0;
  let deletes = 0;
  measuring = true;
  for (let i = 0; i < EDITS; i++) {
    const roll = random();
    peer.transact(() => {
      if (roll < 0.05) {
        // A new element on top.
        const [element] = scene(1) as [BoardElement];
        topIndex = `${topIndex}V`;
        peerElements.set(element.id, { ...element, index: topIndex as BoardElement['index'] });
        ids.push(element.id);
        adds++;
        return;
      }
      const id = ids[Math.floor(random() * ids.length)] as string;
      const current = peerElements.get(id) as BoardElement;
      const change: Record<string, unknown> =
        roll < 0.1
          ? { isDeleted: true }
          : { x: current.x + 20 * (random() - 0.5), y: current.y + 20 * (random() - 0.5) };
      if (roll < 0.1) deletes++;
      peerElements.set(id, {
        ...current,
        ...change,
        version: current.version + 1,
        versionNonce: Math.floor(random() * 2 ** 31),
        updated: Date.now(),
      } as BoardElement);
    });
    const update = pending as Uint8Array | null;
    if (!update) continue;
    updateBytes.push(update.byteLength);
    const start = performance.now();
    Y.applyUpdate(local, update, 'network');
    apply.push(performance.now() - start);
    if (WITH_FRAMES) {
      await nextFrame();
      toFrame.push(performance.now() - start);
    }
  }
  measuring = false;
  binding.flush();
  const sorted = [...apply].sort((a, b) => a - b);
  const phaseFigures = Object.fromEntries(
    Object.entries(phases).map(([phase, values]) => {
      const ordered = [...values].sort((a, b) => a - b);
      return [phase, { median: percentile(ordered, 50), p95: percentile(ordered, 95) }];
    }),
  );
  const framed = [...toFrame].sort((a, b) => a - b);
  const final = api.getSceneElementsIncludingDeleted();
  const converged = final.every((element) => {
    const stored = local.getMap<BoardElement>('elements').get(element.id);
    return stored?.version === element.version && stored.versionNonce === element.versionNonce;
  });
  return {
    elements: ELEMENTS,
    phases: phaseFigures,
    shownAfterLoad: shown,
    edits: apply.length,
    mix: { moves: apply.length - adds - deletes, adds, deletes },
    loadMs,
    applyMs: { median: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1) ?? 0 },
    toNextFrameMs: WITH_FRAMES ? { median: percentile(framed, 50), p95: percentile(framed, 95) } : null,
    updateBytes: {
      median: percentile(
        [...updateBytes].sort((a, b) => a - b),
        50,
      ),
    },
    docBytes: Y.encodeStateAsUpdate(local).byteLength,
    docBytesAfterLoad,
    sceneElements: final.length,
    converged,
  };
}

const root = document.getElementById('root') as HTMLElement;
createRoot(root).render(
  createElement(Excalidraw, {
    excalidrawAPI: (api: ExcalidrawImperativeAPI) => {
      // Start once Excalidraw has set up its own scene (its first onChange).
      const off = api.onChange(() => {
        off();
        run(api).then(
          (result) => {
            window.benchResult = result;
          },
          (err: Error) => {
            window.benchError = err.stack ?? String(err);
          },
        );
      });
    },
  }),
);
