import '../board/assetPath';
import { exportToSvg } from '@excalidraw/excalidraw';
import type { BinaryFiles } from '@excalidraw/excalidraw/types';
import type { SyncedElement } from '../board/BoardBinding';
import { BoardFileLoader } from '../board/boardFiles';
import { restoreBoardElements } from '../board/excalidrawScene';

/**
 * A round's board as an SVG picture, on white whatever the room's theme, with its images
 * (fetched with the participant's secret). Loaded lazily: it needs Excalidraw's renderer.
 */
export async function boardSvg(
  elements: readonly SyncedElement[],
  roomId: string,
  secret: string,
): Promise<SVGSVGElement> {
  const scene = restoreBoardElements(elements);
  const files: BinaryFiles = {};
  const loader = new BoardFileLoader(
    {
      getFiles: () => files,
      addFiles: (added) => {
        for (const file of added) files[file.id] = file;
      },
    },
    roomId,
    secret,
  );
  await loader.load(scene);
  return exportToSvg({
    elements: scene,
    appState: { exportBackground: true, exportWithDarkMode: false, viewBackgroundColor: '#ffffff' },
    files,
    exportPadding: 16,
    // Inlining subsets the fonts with code the app's CSP refuses (no eval); the page has the
    // board's fonts already, and elsewhere (the Markdown) text falls back to a system font.
    skipInliningFonts: true,
  });
}
