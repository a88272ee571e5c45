import { CaptureUpdateAction, reconcileElements, restoreElements } from '@excalidraw/excalidraw';
import type { RemoteExcalidrawElement } from '@excalidraw/excalidraw/data/reconcile';
import type { OrderedExcalidrawElement } from '@excalidraw/excalidraw/element/types';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import type { BoardScene } from './BoardBinding';

export type BoardElement = OrderedExcalidrawElement;

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
      const restored = restoreElements(remote, null) as RemoteExcalidrawElement[];
      const elements = reconcileElements(api.getSceneElementsIncludingDeleted(), restored, api.getAppState());
      api.updateScene({ elements, captureUpdate: CaptureUpdateAction.NEVER });
    },
  };
}
