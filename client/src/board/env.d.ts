/** Where the build puts Excalidraw's fonts (set by the excalidraw-assets plugin in vite.config.ts). */
declare const __EXCALIDRAW_ASSET_PATH__: string;
