import workerPath from './runner.worker.ts?worker&url';
import { BOOTED, PORT_MESSAGE } from './sandboxProtocol';

/**
 * The sandbox page (sandbox.html): served with its own CSP (no network but /pyodide/, and a
 * `sandbox` directive) and framed with sandbox="allow-scripts", so it has an opaque origin: no
 * cookies, storage or IndexedDB of the app's, and no way into the page that framed it. It only
 * starts the worker and relays messages between it and the page's MessageChannel port; the
 * code runs in the worker, never here.
 */

let started = false;

window.addEventListener('message', (event) => {
  const port = event.ports[0];
  if (started || event.source !== window.parent || event.data?.type !== PORT_MESSAGE || !port) return;
  started = true;
  relay(port);
});

function relay(port: MessagePort): void {
  // An opaque origin can start a worker only from a blob: URL, and Chromium only a classic one
  // there; it imports the module build of the worker from our origin (script-src allows it).
  const workerUrl = new URL(workerPath, import.meta.url).href;
  const boot = `import(${JSON.stringify(workerUrl)}).catch((e) => postMessage({ type: 'crashed', error: 'The runner could not load: ' + e }));`;
  const worker = new Worker(URL.createObjectURL(new Blob([boot], { type: 'text/javascript' })), {
    name: 'mockloop-runner',
  });
  // The page may speak before the worker's module has loaded and is listening: hold its messages.
  let booted = false;
  const held: unknown[] = [];
  worker.onmessage = (event: MessageEvent) => {
    if (!booted && event.data?.type === BOOTED) {
      booted = true;
      for (const message of held.splice(0)) worker.postMessage(message);
      return;
    }
    port.postMessage(event.data);
  };
  worker.onerror = (event) => {
    event.preventDefault();
    port.postMessage({
      type: 'crashed',
      error: event.message || 'The runner stopped unexpectedly (out of memory?).',
    });
  };
  port.onmessage = (event) => {
    if (booted) worker.postMessage(event.data);
    else held.push(event.data);
  };
  port.postMessage({ type: 'opened' });
}
