import { expect, type Page } from '@playwright/test';

/** A rectangle in CSS pixels, relative to the board's canvas. */
export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * Aborts, and records, every request a page makes to anything but this machine: the room must
 * work with no internet, so a test that ends with a non-empty list has found a leak.
 */
export async function blockInternet(page: Page, attempted: string[]): Promise<void> {
  await page.context().route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    attempted.push(route.request().url());
    return route.abort('internetdisconnected');
  });
}

/** The board's region, once Excalidraw has mounted in it. */
export async function openBoard(page: Page) {
  const board = page.getByRole('region', { name: 'Whiteboard' });
  await expect(board.locator('canvas.excalidraw__canvas.interactive')).toBeVisible();
  return board;
}

/** The interactive canvas's box on the page: positions in tests are relative to it. */
export async function canvasBox(page: Page) {
  const box = await page.locator('canvas.excalidraw__canvas.interactive').boundingBox();
  if (!box) throw new Error('no board canvas');
  return box;
}

/** Draws with the current tool by dragging from one point to another (canvas coordinates). */
export async function drag(page: Page, from: [number, number], to: [number, number]): Promise<void> {
  const box = await canvasBox(page);
  await page.mouse.move(box.x + from[0], box.y + from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + to[0], box.y + to[1], { steps: 10 });
  await page.mouse.up();
}

/** Picks a tool by its Excalidraw shortcut, with the keyboard focus on the board. */
export async function pickTool(page: Page, key: string): Promise<void> {
  await page.locator('.excalidraw').focus();
  await page.keyboard.press(key);
}

/**
 * How many pixels of a canvas in this area are drawn on. For the static canvas (the scene) that is
 * anything not the white background (the dark theme is a CSS filter over it); for the interactive
 * canvas (cursors, labels, selections) anything not transparent. `color` narrows it to pixels
 * near that colour.
 */
export function inkIn(
  page: Page,
  area: Area,
  layer: 'static' | 'interactive' = 'static',
  color?: [number, number, number],
): Promise<number> {
  return page.locator(`canvas.excalidraw__canvas.${layer}`).evaluate(
    (canvas, { area, layer, color }) => {
      const c = canvas as HTMLCanvasElement;
      const scale = c.width / c.clientWidth;
      const context = c.getContext('2d');
      if (!context) return 0;
      const x = Math.max(0, Math.round(area.x * scale));
      const y = Math.max(0, Math.round(area.y * scale));
      const width = Math.min(c.width - x, Math.round(area.width * scale));
      const height = Math.min(c.height - y, Math.round(area.height * scale));
      if (width <= 0 || height <= 0) return 0;
      const data = context.getImageData(x, y, width, height).data;
      let count = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
        if (color) {
          if (a > 200 && Math.abs(r - color[0]) + Math.abs(g - color[1]) + Math.abs(b - color[2]) < 40)
            count++;
        } else if (layer === 'interactive' ? a > 0 : r + g + b < 600) {
          count++;
        }
      }
      return count;
    },
    { area, layer, color },
  );
}

/** The zoom Excalidraw shows (e.g. "110%"). */
export function zoomLabel(page: Page) {
  return page.locator('.excalidraw .reset-zoom-button');
}
