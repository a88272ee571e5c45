import { exportToBlob, exportToSvg } from '@excalidraw/excalidraw';
import type { ExcalidrawImperativeAPI } from '@excalidraw/excalidraw/types';

export type ExportFormat = 'png' | 'svg';

/**
 * Downloads the board (every element that is not deleted, with its images) as PNG or SVG, on a
 * light background whatever the editor's theme, so it prints and pastes anywhere.
 */
export async function exportBoard(api: ExcalidrawImperativeAPI, format: ExportFormat, name: string) {
  const elements = api.getSceneElements();
  const appState = { ...api.getAppState(), exportBackground: true, exportWithDarkMode: false };
  const files = api.getFiles();
  const blob =
    format === 'png'
      ? await exportToBlob({ elements, appState, files, mimeType: 'image/png', exportPadding: 24 })
      : new Blob([(await exportToSvg({ elements, appState, files, exportPadding: 24 })).outerHTML], {
          type: 'image/svg+xml',
        });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${name}.${format}`;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the download a moment to start before the URL goes away.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
