/**
 * Excalidraw loads its fonts from `window.EXCALIDRAW_ASSET_PATH`, falling back to a CDN. The
 * build copies them into our own assets (see vite.config.ts), so the board works with no
 * internet. Imported before Excalidraw so the path is set when its modules run.
 */
declare global {
  interface Window {
    EXCALIDRAW_ASSET_PATH?: string | string[];
  }
}

window.EXCALIDRAW_ASSET_PATH = `${window.location.origin}${__EXCALIDRAW_ASSET_PATH__}`;

export {};
