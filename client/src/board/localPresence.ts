import type { AppState } from '@excalidraw/excalidraw/types';
import type { BoardPresence } from '@mockloop/shared';

/** The part of my presence that comes from Excalidraw's state: what I have selected and what I see. */
export function presenceFromAppState(
  appState: Pick<AppState, 'selectedElementIds' | 'scrollX' | 'scrollY' | 'zoom' | 'width' | 'height'>,
): Pick<BoardPresence, 'selectedElementIds' | 'viewport'> {
  return {
    // Excalidraw keeps deselected ids with the value false.
    selectedElementIds: Object.keys(appState.selectedElementIds).filter(
      (id) => appState.selectedElementIds[id],
    ),
    viewport: {
      scrollX: appState.scrollX,
      scrollY: appState.scrollY,
      zoom: appState.zoom.value,
      width: appState.width,
      height: appState.height,
    },
  };
}
