import './assetPath';
import '@excalidraw/excalidraw/index.css';
import { Excalidraw, MainMenu, WelcomeScreen } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';
import { useCallback, useMemo, useState } from 'react';
import type { SharedDocHandle } from '../docs/useSharedDoc';
import { BoardToolbar } from './BoardToolbar';
import { uploadBoardFile } from './boardFiles';
import { useBoardSync } from './useBoardSync';

interface Props {
  /** The round's board document, opened by the caller (see room/views/BoardView.tsx). */
  board: { handle: SharedDocHandle | null; synced: boolean };
  isObserver: boolean;
  roomId: string;
  /** The participant secret: images are uploaded and fetched with it. */
  secret: string;
  /** Only the round's two players draw; everyone else watches (and may point with the laser). */
  readOnly: boolean;
  /** Used to name exported files. */
  exportName: string;
}

/**
 * The system-design whiteboard: Excalidraw bound to the round's board document, with peers'
 * pointers, laser and selections, follow mode, images stored on the server, and PNG/SVG export.
 * Loaded lazily (it is most of a megabyte of JavaScript) the first time the whiteboard opens.
 */
export default function Whiteboard({ board, isObserver, roomId, secret, readOnly, exportName }: Props) {
  const [api, setApi] = useState<ExcalidrawImperativeAPI | null>(null);
  const sync = useBoardSync(api, board.handle, { roomId, secret, readOnly });
  const generateIdForFile = useCallback(
    (file: File) => uploadBoardFile(roomId, secret, file),
    [roomId, secret],
  );
  const { onPointer } = sync;
  const onPointerUpdate = useCallback(
    ({ pointer, button }: { pointer: Parameters<typeof onPointer>[0]; button: 'up' | 'down' }) =>
      onPointer(pointer, button),
    [onPointer],
  );

  // Built once per setting: Excalidraw re-renders whenever its props change, and this component
  // re-renders whenever someone joins, leaves or starts following.
  const canvas = useMemo(
    () => (
      <Excalidraw
        excalidrawAPI={setApi}
        isCollaborating
        theme="dark"
        name={exportName}
        viewModeEnabled={readOnly}
        onPointerUpdate={onPointerUpdate}
        generateIdForFile={generateIdForFile}
        UIOptions={{
          canvasActions: {
            loadScene: false,
            saveToActiveFile: false,
            export: false,
            toggleTheme: false,
            clearCanvas: !readOnly,
          },
          tools: { image: !readOnly },
        }}
      >
        <MainMenu>
          <MainMenu.DefaultItems.SaveAsImage />
          <MainMenu.DefaultItems.SearchMenu />
          <MainMenu.DefaultItems.Help />
          {!readOnly && <MainMenu.DefaultItems.ClearCanvas />}
          <MainMenu.Separator />
          <MainMenu.DefaultItems.ChangeCanvasBackground />
        </MainMenu>
        <WelcomeScreen>
          <WelcomeScreen.Hints.ToolbarHint />
          <WelcomeScreen.Hints.MenuHint />
          <WelcomeScreen.Hints.HelpHint />
          <WelcomeScreen.Center>
            <WelcomeScreen.Center.Heading>
              {readOnly
                ? 'The players draw here; you see every stroke live.'
                : 'Sketch the system together: both of you draw at once, and it is saved with the room.'}
            </WelcomeScreen.Center.Heading>
          </WelcomeScreen.Center>
        </WelcomeScreen>
      </Excalidraw>
    ),
    [exportName, readOnly, onPointerUpdate, generateIdForFile],
  );

  return (
    <section className="workspace board" aria-label="Whiteboard">
      <BoardToolbar
        api={api}
        sync={sync}
        synced={board.synced}
        readOnly={readOnly}
        isObserver={isObserver}
        exportName={exportName}
      />
      <div className="board-host" onPointerLeave={sync.onPointerLeave}>
        {canvas}
      </div>
    </section>
  );
}
