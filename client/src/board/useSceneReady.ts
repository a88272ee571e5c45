import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useEffect, useState } from 'react';

/**
 * Whether Excalidraw has set up its scene. It does so asynchronously after it mounts, replacing
 * whatever was applied before, so nothing should be put on the board until this is true (the
 * first onChange comes after it).
 */
export function useSceneReady(api: ExcalidrawImperativeAPI | null): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    if (!api) return;
    if (!api.getAppState().isLoading) {
      setReady(true);
      return;
    }
    const off = api.onChange((_elements, appState) => {
      if (!appState.isLoading) {
        setReady(true);
        off();
      }
    });
    return off;
  }, [api]);
  return ready;
}
