import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { blockInternet, canvasBox, drag, inkIn, openBoard, pickTool, zoomLabel } from '../support/board.js';
import { expect, test } from '../support/fixtures.js';
import { createRoomFromHome, expectConnected, joinFromInvite } from '../support/room.js';

/** Where Ivy draws, in canvas coordinates: clear of Excalidraw's toolbars in both layouts. */
const RECT = { x: 330, y: 170, width: 230, height: 130 };
const TEXT_AT: [number, number] = [360, 380];
const TEXT_AREA = { x: 350, y: 360, width: 200, height: 50 };

/** Excalidraw's cursor colour for a person whose own colour is `hex` (see board/boardPeers.ts). */
function cursorColour(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255) as [
    number,
    number,
    number,
  ];
  const max = Math.max(r, g, b);
  const delta = max - Math.min(r, g, b);
  const sector = max === r ? ((g - b) / delta) % 6 : max === g ? (b - r) / delta + 2 : (r - g) / delta + 4;
  const hue = (Math.round(((sector * 60 + 360) % 360) / 10) % 36) * 10;
  // hsl(hue, 100%, 83%)
  const chroma = (1 - Math.abs(2 * 0.83 - 1)) * 1;
  const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
  const m = 0.83 - chroma / 2;
  const [r1, g1, b1] =
    hue < 60
      ? [chroma, x, 0]
      : hue < 120
        ? [x, chroma, 0]
        : hue < 180
          ? [0, chroma, x]
          : hue < 240
            ? [0, x, chroma]
            : hue < 300
              ? [x, 0, chroma]
              : [chroma, 0, x];
  return [r1, g1, b1].map((v) => Math.round((v + m) * 255)) as [number, number, number];
}

async function avatarColour(page: Page, name: string): Promise<string> {
  const rgb = await page
    .getByRole('list', { name: 'Participants' })
    .getByRole('listitem')
    .filter({ hasText: name })
    .locator('.avatar')
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
  return `#${[r, g, b].map((v) => (v ?? 0).toString(16).padStart(2, '0')).join('')}`;
}

test('system-design board: live drawing, pointers, laser, follow, views, export, refresh and restart, all offline', async ({
  server,
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  const attempted: string[] = [];
  await blockInternet(ivy, attempted);
  await blockInternet(cal, attempted);

  const roomUrl = await createRoomFromHome(ivy, 'Ivy', 'System design');
  await joinFromInvite(cal, roomUrl, 'Cal');
  // System-design rooms open on the whiteboard, with the editor one click away.
  for (const page of [ivy, cal]) {
    await expect(page.getByRole('tab', { name: 'Whiteboard' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tab', { name: 'Code' })).toBeVisible();
    await openBoard(page);
  }

  // A rectangle drawn by Ivy appears on Cal's board.
  await pickTool(ivy, 'r');
  await drag(ivy, [RECT.x, RECT.y], [RECT.x + RECT.width, RECT.y + RECT.height]);
  await expect
    .poll(() => inkIn(cal, RECT), { message: "Ivy's rectangle on Cal's board" })
    .toBeGreaterThan(200);

  // Text renders on the peer's board, in Excalidraw's font, loaded from our own origin.
  await pickTool(ivy, 't');
  const box = await canvasBox(ivy);
  await ivy.mouse.click(box.x + TEXT_AT[0], box.y + TEXT_AT[1]);
  await ivy.keyboard.type('Load balancer');
  await ivy.keyboard.press('Escape');
  await expect
    .poll(() => inkIn(cal, TEXT_AREA), { message: 'text glyphs on Cal’s board' })
    .toBeGreaterThan(150);
  const fonts = await cal.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .map((entry) => entry.name)
      .filter((name) => name.includes('/fonts/Excalifont/')),
  );
  expect(fonts.length).toBeGreaterThan(0);
  for (const font of fonts) expect(font.startsWith(new URL(server.url).origin)).toBe(true);
  expect(await cal.evaluate(() => document.fonts.check('20px Excalifont', 'Load balancer'))).toBe(true);

  // Remote edits never enter my undo history: Cal's undo leaves Ivy's rectangle alone.
  await cal.locator('.excalidraw').focus();
  await cal.keyboard.press('Control+z');
  await cal.keyboard.press('Control+z');
  expect(await inkIn(cal, RECT)).toBeGreaterThan(200);

  // Ivy's pointer shows on Cal's board with her name label, in her colour.
  const ivyCursor = cursorColour(await avatarColour(cal, 'Ivy'));
  await ivy.mouse.move(box.x + 640, box.y + 240, { steps: 4 });
  const near = { x: 630, y: 230, width: 120, height: 60 };
  await expect
    .poll(() => inkIn(cal, near, 'interactive', ivyCursor), {
      message: "Ivy's cursor and label on Cal's board",
    })
    .toBeGreaterThan(100);

  // The laser pointer: Ivy's trail shows on Cal's screen while she draws with it.
  await pickTool(ivy, 'k');
  await ivy.mouse.move(box.x + 200, box.y + 450);
  await ivy.mouse.down();
  for (let i = 0; i < 30; i++) await ivy.mouse.move(box.x + 200 + i * 8, box.y + 450 + (i % 5) * 6);
  await expect(cal.locator('.excalidraw .SVGLayer path').first()).toBeAttached();
  await ivy.mouse.up();
  await pickTool(ivy, '1');

  // Follow: Cal's viewport tracks Ivy's zoom and scroll, with a visible indicator on both sides.
  await cal.getByRole('button', { name: 'Follow Ivy' }).click();
  await expect(cal.getByText('Following Ivy')).toBeVisible();
  await expect(ivy.getByText('Cal is following you')).toBeVisible();
  await ivy.getByRole('button', { name: 'Zoom in' }).click();
  await ivy.getByRole('button', { name: 'Zoom in' }).click();
  await expect(zoomLabel(ivy)).toHaveText('120%');
  await expect(zoomLabel(cal)).toHaveText('120%');
  await ivy.mouse.move(box.x + 400, box.y + 400);
  await ivy.mouse.wheel(0, 1500);
  await expect.poll(() => inkIn(cal, RECT), { message: 'Cal follows Ivy away from the rectangle' }).toBe(0);
  // Until Cal interacts: scrolling on his own ends it.
  const calBox = await canvasBox(cal);
  await cal.mouse.move(calBox.x + 400, calBox.y + 400);
  await cal.mouse.wheel(0, -300);
  await expect(cal.getByText('Following Ivy')).toBeHidden();
  await expect(ivy.getByText('Cal is following you')).toBeHidden();

  // Export as PNG and SVG.
  const svgDownload = cal.waitForEvent('download');
  await cal.getByRole('button', { name: 'Export SVG' }).click();
  const svg = fs.readFileSync((await (await svgDownload).path()) ?? '', 'utf8');
  expect(svg).toContain('<svg');
  expect(svg).toContain('Load balancer');
  const pngDownload = cal.waitForEvent('download');
  await cal.getByRole('button', { name: 'Export PNG' }).click();
  const png = fs.readFileSync((await (await pngDownload).path()) ?? '');
  expect(png.subarray(0, 4).toString('hex')).toBe('89504e47');
  expect((await pngDownload).suggestedFilename()).toMatch(/\.png$/);

  // Each person picks a view; the interviewer brings everyone to one.
  await cal.getByRole('tab', { name: 'Shared notes' }).click();
  await expect(cal.getByRole('textbox', { name: 'Shared notes' })).toBeVisible();
  await ivy.getByRole('tab', { name: 'Code' }).click();
  await ivy.getByRole('button', { name: 'Bring everyone here' }).click();
  await expect(cal.getByRole('tab', { name: 'Code' })).toHaveAttribute('aria-selected', 'true');
  await expect(cal.getByText('Ivy brought everyone to the code.')).toBeVisible();
  await expect(cal.getByRole('button', { name: 'Bring everyone here' })).toHaveCount(0);
  await ivy.getByRole('tab', { name: 'Whiteboard' }).click();
  await ivy.getByRole('button', { name: 'Bring everyone here' }).click();
  await expect(cal.getByRole('tab', { name: 'Whiteboard' })).toHaveAttribute('aria-selected', 'true');

  // The board survives a refresh and a server crash.
  await cal.reload();
  await openBoard(cal);
  await expect.poll(() => inkIn(cal, RECT)).toBeGreaterThan(200);
  await server.kill();
  await expect(ivy.getByRole('status')).toHaveText(/Reconnecting/);
  await server.restart();
  await expectConnected(ivy);
  for (const page of [ivy, cal]) {
    await page.reload();
    await expectConnected(page);
    await openBoard(page);
  }
  await expect.poll(() => inkIn(cal, RECT), { message: 'rectangle after restart' }).toBeGreaterThan(200);
  await expect.poll(() => inkIn(cal, TEXT_AREA), { message: 'text after restart' }).toBeGreaterThan(150);

  expect(attempted, 'requests that tried to leave the machine').toEqual([]);
});

/** Drops a file on the board the way a browser does when one is dragged in from the desktop. */
async function dropFile(page: Page, file: { name: string; type: string; bytes?: number; pngSide?: number }) {
  const box = await canvasBox(page);
  await page.locator('canvas.excalidraw__canvas.interactive').evaluate(
    async (canvas, { file, at }) => {
      let blob: Blob;
      if (file.pngSide) {
        const source = document.createElement('canvas');
        source.width = file.pngSide;
        source.height = file.pngSide;
        const context = source.getContext('2d') as CanvasRenderingContext2D;
        context.fillStyle = '#e03131';
        context.fillRect(0, 0, file.pngSide, file.pngSide);
        blob = await new Promise<Blob>((resolve) => source.toBlob((b) => resolve(b as Blob), 'image/png'));
      } else {
        const bytes = new Uint8Array(file.bytes ?? 0);
        bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        blob = new Blob([bytes], { type: file.type });
      }
      const transfer = new DataTransfer();
      transfer.items.add(new File([blob], file.name, { type: file.type }));
      canvas.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: transfer,
          clientX: at.x,
          clientY: at.y,
          bubbles: true,
          cancelable: true,
        }),
      );
    },
    { file, at: { x: box.x + 450, y: box.y + 300 } },
  );
}

test('images dropped on the board reach the peer through the server; too big is refused; observers watch', async ({
  person,
}) => {
  const ivy = await person();
  const cal = await person();
  const attempted: string[] = [];
  await blockInternet(ivy, attempted);
  await blockInternet(cal, attempted);
  const roomUrl = await createRoomFromHome(ivy, 'Ivy', 'System design');
  await joinFromInvite(cal, roomUrl, 'Cal');
  await openBoard(ivy);
  await openBoard(cal);

  const uploaded = ivy.waitForResponse(
    (res) => /\/files$/.test(res.url()) && res.request().method() === 'POST',
  );
  const fetched = cal.waitForResponse((res) => /\/files\/[A-Za-z0-9_-]{22}$/.test(res.url()));
  await dropFile(ivy, { name: 'diagram.png', type: 'image/png', pngSide: 120 });
  expect((await uploaded).status()).toBe(201);
  expect((await fetched).status()).toBe(200);
  // Cal sees the image (dropped at 450, 300: a 120 px square around it); the document carried only its id.
  await expect.poll(() => inkIn(cal, { x: 400, y: 250, width: 100, height: 100 })).toBeGreaterThan(9000);

  await dropFile(ivy, { name: 'huge.png', type: 'image/png', bytes: 3.5 * 1024 * 1024 });
  await expect(ivy.getByText(/Images can be at most 3 MiB/)).toBeVisible();

  // An observer sees the board, image included, read-only.
  const obi = await person();
  await blockInternet(obi, attempted);
  await joinFromInvite(obi, roomUrl, 'Obi');
  await openBoard(obi);
  await expect(obi.getByTestId('toolbar-rectangle')).toHaveCount(0);
  await expect.poll(() => inkIn(obi, { x: 400, y: 250, width: 100, height: 100 })).toBeGreaterThan(9000);

  expect(attempted).toEqual([]);
});
