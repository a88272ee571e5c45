import fs from 'node:fs';
import path from 'node:path';
import {
  PAGES,
  type PageName,
  type PublicQuestion,
  type PublicTrack,
  ROOM_ID_PATTERN,
} from '@mockloop/shared';
import express, { type Response } from 'express';
import type { RoomService } from '../../rooms/RoomService.js';
import { pageHtml } from '../pagePreloads.js';
import { precompressed } from '../precompressed.js';

export interface PageRoutesOptions {
  /** The built client (index.html and assets). */
  clientDir: string;
  rooms: RoomService;
  questions: readonly PublicQuestion[];
  tracks: readonly PublicTrack[];
}

/**
 * The built client: its assets as a CDN serves them (precompressed copies, hashed files and the
 * versioned Python cached as immutable), and index.html for every page of the app's one page
 * table (`PAGES`), its head naming the page's own chunks (pagePreloads.ts); a page of something that does not exist (an unknown room or track) still gets
 * it, with a 404 status, and any other path a browser asks for too (the app's not-found page).
 * Null when the client is not built: the server then serves the API alone.
 */
export function pageRoutes({
  clientDir,
  rooms,
  questions,
  tracks,
}: PageRoutesOptions): express.Router | null {
  const indexHtml = path.join(clientDir, 'index.html');
  if (!fs.existsSync(indexHtml)) return null;
  const router = express.Router();
  // Hashed bundles and a versioned Python never change; index.html must always be fresh.
  const setHeaders = (res: Response, file: string) => {
    if (/[/\\](?:assets|pyodide)[/\\]/.test(file)) {
      res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    }
  };
  router.use(precompressed(clientDir, setHeaders));
  router.use(express.static(clientDir, { index: false, setHeaders }));
  const htmlFor = pageHtml(clientDir);
  const page = (res: Response, found: boolean, name: PageName | null = null) =>
    res
      .status(found ? 200 : 404)
      .set('Cache-Control', 'no-cache')
      .type('html')
      .send(htmlFor(found ? name : null));

  /** Whether what a page shows exists, from its params. */
  const exists: Record<PageName, (params: Record<string, string>) => Promise<boolean> | boolean> = {
    home: () => true,
    lobby: () => true,
    practice: () => true,
    // My questions live in the browser's author secret: the page itself tells what exists.
    myQuestions: () => true,
    myQuestion: () => true,
    sharedQuestion: () => true,
    room: async ({ roomId = '' }) => ROOM_ID_PATTERN.test(roomId) && (await rooms.summary(roomId)) !== null,
    report: async ({ roomId = '' }) => ROOM_ID_PATTERN.test(roomId) && (await rooms.summary(roomId)) !== null,
    review: async ({ roomId = '' }) => ROOM_ID_PATTERN.test(roomId) && (await rooms.summary(roomId)) !== null,
    track: ({ trackId }) => tracks.some((t) => t.id === trackId),
    question: ({ trackId, questionId }) =>
      questions.some((q) => q.id === questionId && q.trackId === trackId),
  };
  for (const [name, pattern] of Object.entries(PAGES) as Array<[PageName, string]>) {
    router.get(pattern, async (req, res) => {
      page(res, await exists[name](req.params as Record<string, string>), name);
    });
  }
  router.get('/index.html', (_req, res) => page(res, true));
  // Any other page a browser asks for gets the app's own not-found page, with a 404.
  router.get('/{*path}', (req, res, next) => {
    if (!req.accepts('html')) return next();
    page(res, false);
  });
  return router;
}
