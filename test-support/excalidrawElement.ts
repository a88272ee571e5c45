/**
 * A whole Excalidraw element, as the browser's board binding stores it: `fields` (its id, type,
 * place, size, index and whatever else the caller sets) over the values a fresh element has for
 * the rest. The e2e seed (`e2e/support/seedLoop.ts`) and the replay bench
 * (`bench/replay/interview.mjs`, run by node itself, which strips the types) write boards with it,
 * so their rows have a real element's shape and size. No imports: node loads this file as it is.
 */
export function excalidrawElement<Fields extends Record<string, unknown>>(fields: Fields) {
  return {
    angle: 0,
    strokeColor: '#1e1e1e',
    backgroundColor: 'transparent',
    fillStyle: 'solid',
    strokeWidth: 2,
    strokeStyle: 'solid',
    roughness: 1,
    opacity: 100,
    groupIds: [],
    frameId: null,
    roundness: null,
    seed: 1,
    version: 1,
    versionNonce: 1,
    isDeleted: false,
    boundElements: null,
    updated: 1,
    link: null,
    locked: false,
    ...fields,
  };
}
