import { CaptureUpdateAction, reconcileElements, restoreElements } from '@excalidraw/excalidraw';
import type { RemoteExcalidrawElement } from '@excalidraw/excalidraw/data/reconcile';
import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { BoardScene } from './BoardBinding';
import { wellFormedElements } from './wellFormedElements';

export type BoardElement = OrderedExcalidrawElement;

/**
 * Elements from the board document, as Excalidraw elements: malformed ones left out (a peer wrote
 * them; see wellFormedElements), the rest restored (copied, normalised).
 */
export function restoreBoardElements(elements: readonly unknown[]): BoardElement[] {
  return restoreElements(wellFormedElements(elements) as BoardElement[], null) as BoardElement[];
}

/**
 * The binding's view of a live Excalidraw: peers' elements are restored (copied and normalised),
 * reconciled with the local scene by Excalidraw's own rule, and applied with
 * `CaptureUpdateAction.NEVER`, so a peer's edit never lands in my undo history.
 */
export function excalidrawScene(api: ExcalidrawImperativeAPI): BoardScene<BoardElement> {
  return {
    getElements: () => api.getSceneElementsIncludingDeleted(),
    isEditing: (id) => {
      const state = api.getAppState();
      return (
        state.editingTextElement?.id === id || state.resizingElement?.id === id || state.newElement?.id === id
      );
    },
    applyRemote: (remote) => {
      const restored = restoreBoardElements(remote) as RemoteExcalidrawElement[];
      const elements = reconcileElements(api.getSceneElementsIncludingDeleted(), restored, api.getAppState());
      api.updateScene({ elements, captureUpdate: CaptureUpdateAction.NEVER });
    },
  };
}
