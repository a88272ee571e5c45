import '../board/assetPath';
import '@excalidraw/excalidraw/index.css';
import { CaptureUpdateAction, Excalidraw } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { SyncedElement } from '../board/BoardBinding';
import { BoardFileLoader } from '../board/boardFiles';
import { restoreBoardElements } from '../board/excalidrawScene';
import { useSceneReady } from '../board/useSceneReady';
import { describeBoard } from './describeBoard';
import { RestoredElements } from './RestoredElements';

interface Props {
  elements: readonly SyncedElement[];
  /** The drawing as it ended: the view frames all of it, so it holds still while the replay plays. */
  fitTo: readonly SyncedElement[];
  roomId: string;
  secret: string;
}

/**
 * The board at the replay's position, in Excalidraw's view mode: pan and zoom, no editing. Loaded
 * lazily with Excalidraw, like the room's whiteboard. Opens framed on the whole final drawing;
 * after that the viewer's pan and zoom stay where they put them.
 */
export default function ReplayBoard({ elements, fitTo, roomId, secret }: Props) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const files = useMemo(() => (api ? new BoardFileLoader(api, roomId, secret) : null), [api, roomId, secret]);
  useEffect(() => () => files?.destroy(), [files]);

  const restored = useRef(new RestoredElements());
  const ready = useSceneReady(api);

  useEffect(() => {
    if (!api || !files || !ready) return;
    const scene = restored.current.scene(elements);
    api.updateScene({ elements: scene, captureUpdate: CaptureUpdateAction.NEVER });
    void files.load(scene);
  }, [api, files, ready, elements]);

  useEffect(() => {
    if (!api || !ready || fitTo.length === 0) return;
    const whole = restoreBoardElements(fitTo);
    // After layout: Excalidraw measures its container, which the grid sizes only once mounted.
    const handle = requestAnimationFrame(() => {
      api.refresh();
      api.scrollToContent(whole, { fitToViewport: true, viewportZoomFactor: 0.8, animate: false });
    });
    return () => cancelAnimationFrame(handle);
  }, [api, ready, fitTo]);

  const canvas = useMemo(
    () => (
      <Excalidraw
        excalidrawAPI={setApi}
        theme="dark"
        viewModeEnabled
        UIOptions={{
          canvasActions: {
            loadScene: false,
            saveToActiveFile: false,
            saveAsImage: false,
            export: false,
            toggleTheme: false,
            clearCanvas: false,
            changeViewBackgroundColor: false,
          },
        }}
      />
    ),
    [],
  );

  return (
    <figure className="replay-board" aria-label="Board at this moment">
      <div className="board-host">{canvas}</div>
      <figcaption className="visually-hidden">{describeBoard(elements)}</figcaption>
    </figure>
  );
}
