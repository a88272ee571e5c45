import { CaptureUpdateAction, reconcileElements, restoreElements } from '@excalidraw/excalidraw';
import type { RemoteExcalidrawElement } from '@excalidraw/excalidraw/data/reconcile';
import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { BoardScene } from './BoardBinding';
import { reconcileInPlace } from './reconcileInPlace';
import { wellFormedElements } from './wellFormedElements';

export type BoardElement = OrderedExcalidrawElement;

/**
 * Elements from the board document, as Excalidraw elements: malformed ones left out (a peer wrote
 * them; see wellFormedElements), the rest restored (copied, normalised).
 */
export function restoreBoardElements(elements: readonly unknown[]): BoardElement[] {
  return restoreElements(wellFormedElements(elements) as BoardElement[], null) as BoardElement[];
}

/** The three steps of applying peers' elements, timed (the board benchmark passes this). */
export type ApplyPhase = 'restore' | 'reconcile' | 'updateScene';

/**
 * The binding's view of a live Excalidraw: peers' elements are restored (copied and normalised),
 * reconciled with the local scene by Excalidraw's own rule (in place when they only changed,
 * `reconcileInPlace`), and applied with
 * `CaptureUpdateAction.NEVER`, so a peer's edit never lands in my undo history.
 */
export function excalidrawScene(
  api: ExcalidrawImperativeAPI,
  measure?: (phase: ApplyPhase, ms: number) => void,
): BoardScene<BoardElement> {
  const scene: BoardScene<BoardElement> = {
    getElements: () => api.getSceneElementsIncludingDeleted(),
    isEditing: (id) => {
      const state = api.getAppState();
      return (
        state.editingTextElement?.id === id || state.resizingElement?.id === id || state.newElement?.id === id
      );
    },
    applyRemote: (remote) => {
      const t0 = performance.now();
      const restored = restoreBoardElements(remote) as RemoteExcalidrawElement[];
      const t1 = performance.now();
      const local = api.getSceneElementsIncludingDeleted();
      const isEditing = (id: string) => scene.isEditing(id);
      const elements =
        reconcileInPlace(local, restored as BoardElement[], isEditing) ??
        reconcileElements(local, restored, api.getAppState());
      const t2 = performance.now();
      api.updateScene({ elements, captureUpdate: CaptureUpdateAction.NEVER });
      if (measure) {
        measure('restore', t1 - t0);
        measure('reconcile', t2 - t1);
        measure('updateScene', performance.now() - t2);
      }
    },
  };
  return scene;
}
