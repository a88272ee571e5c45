import type { Random } from '@mockloop/shared';
import { type BoardScene, byIndex, type SyncedElement, wins } from './BoardBinding.js';

/**
 * Test support: a model of Excalidraw's scene with its collaboration rules, for binding tests
 * that run in Node (Excalidraw itself needs a browser). `reconcile` follows Excalidraw 0.18's
 * `reconcileElements` (data/reconcile.ts): keep the local element while it is being edited or
 * when it wins by version, else take the peer's; order by fractional index, ties by id; then
 * repair invalid indices the way `syncInvalidIndices` does, bumping each repaired element's
 * version with a random nonce. Local edits bump version and nonce like `mutateElement`.
 */
export interface ModelElement extends SyncedElement {
  id: string;
  version: number;
  versionNonce: number;
  index: string | null;
  isDeleted: boolean;
  x: number;
  label: string;
}

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A key strictly between a and b (either may be null for an open end), by the midpoint method of
 * the `fractional-indexing` package that Excalidraw uses.
 */
export function keyBetween(a: string | null, b: string | null): string {
  return midpoint(a ?? '', b);
}

function midpoint(a: string, b: string | null): string {
  if (b !== null) {
    let n = 0;
    while ((a[n] ?? '0') === b[n]) n++;
    if (n > 0) return b.slice(0, n) + midpoint(a.slice(n), b.slice(n));
  }
  const digitA = a ? DIGITS.indexOf(a[0] as string) : 0;
  const digitB = b !== null ? DIGITS.indexOf(b[0] as string) : DIGITS.length;
  if (digitB - digitA > 1) return DIGITS[Math.round(0.5 * (digitA + digitB))] as string;
  if (b !== null && b.length > 1) return b.slice(0, 1);
  return (DIGITS[digitA] as string) + midpoint(a.slice(1), null);
}

const nonce = (random: Random) => Math.floor(random() * 2 ** 31);

/** Excalidraw's reconcileElements, on the model. Mutates repaired elements in place, as Excalidraw does. */
export function reconcile(
  local: readonly ModelElement[],
  remote: readonly ModelElement[],
  isEditing: (id: string) => boolean,
  random: Random,
): ModelElement[] {
  const localById = new Map(local.map((e) => [e.id, e]));
  const result: ModelElement[] = [];
  const added = new Set<string>();
  for (const theirs of remote) {
    if (added.has(theirs.id)) continue;
    const ours = localById.get(theirs.id);
    result.push(ours && (isEditing(ours.id) || wins(ours, theirs)) ? ours : theirs);
    added.add(theirs.id);
  }
  for (const ours of local) {
    if (!added.has(ours.id)) {
      result.push(ours);
      added.add(ours.id);
    }
  }
  result.sort(byIndex);
  repairIndices(result, random);
  return result;
}

/**
 * Gives every element whose index is not above its predecessor's a new one between its
 * neighbours (syncInvalidIndices), bumping its version like mutateElement.
 */
function repairIndices(elements: ModelElement[], random: Random): void {
  let previous: string | null = null;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i] as ModelElement;
    if (element.index !== null && (previous === null || element.index > previous)) {
      previous = element.index;
      continue;
    }
    // The next index above `previous`, if any, bounds the new one.
    let upper: string | null = null;
    for (let j = i + 1; j < elements.length; j++) {
      const candidate = elements[j]?.index ?? null;
      if (candidate !== null && (previous === null || candidate > previous)) {
        upper = candidate;
        break;
      }
    }
    element.index = keyBetween(previous, upper);
    element.version++;
    element.versionNonce = nonce(random);
    previous = element.index;
  }
}

/** One person's editor: the scene, what they are editing, and Excalidraw-like local edits. */
export class SceneModel implements BoardScene<ModelElement> {
  elements: ModelElement[] = [];
  readonly editing = new Set<string>();
  /** Every version this editor produced locally, for checking that the rule decided. */
  readonly produced: ModelElement[] = [];
  remoteApplies = 0;

  constructor(
    readonly name: string,
    private readonly random: Random,
  ) {}

  getElements(): readonly ModelElement[] {
    return this.elements;
  }

  isEditing(id: string): boolean {
    return this.editing.has(id);
  }

  applyRemote(remote: readonly ModelElement[]): void {
    this.remoteApplies++;
    // restoreElements copies what it is given; so does the model.
    const copies = remote.map((e) => ({ ...e }));
    this.elements = reconcile(this.elements, copies, (id) => this.isEditing(id), this.random);
  }

  /** Adds an element on top, or between two neighbours. */
  add(id: string, at?: number): ModelElement {
    const live = this.elements;
    const position = at === undefined ? live.length : Math.min(at, live.length);
    const below = live[position - 1]?.index ?? null;
    const above = live[position]?.index ?? null;
    const element: ModelElement = {
      id,
      version: 1,
      versionNonce: nonce(this.random),
      index: keyBetween(below, above !== null && below !== null && above <= below ? null : above),
      isDeleted: false,
      x: Math.floor(this.random() * 1000),
      label: `${this.name}:${id}`,
    };
    this.elements = [...live.slice(0, position), element, ...live.slice(position)];
    this.elements.sort(byIndex);
    repairIndices(this.elements, this.random);
    this.produced.push({ ...element });
    return element;
  }

  /** Changes an element in place, as mutateElement does. */
  update(id: string, changes: Partial<Pick<ModelElement, 'x' | 'label' | 'isDeleted' | 'index'>>): void {
    const element = this.elements.find((e) => e.id === id);
    if (!element) return;
    Object.assign(element, changes);
    element.version++;
    element.versionNonce = nonce(this.random);
    if (changes.index !== undefined) {
      this.elements.sort(byIndex);
      repairIndices(this.elements, this.random);
    }
    this.produced.push({ ...element });
  }
}
