import { z } from 'zod';

/**
 * The shape an element from the board document must have before Excalidraw sees it. The server
 * relays board elements without reading them (they are a peer's data in a Y.Map), so a hostile
 * peer can write anything there: an arrow without points, a NaN coordinate, a type Excalidraw does
 * not know. Excalidraw's restoreElements throws on some of those, which would break the board for
 * everyone in the room and the report's replay of it. Elements that fail this are left out, and
 * the rest of the board carries on.
 */
const finite = z.number().finite().min(-1e9).max(1e9);
const point = z.tuple([finite, finite]);
/** More points than any hand draws in one stroke. */
const MAX_POINTS = 50_000;

const common = {
  id: z.string().min(1).max(128),
  x: finite,
  y: finite,
  width: finite,
  height: finite,
  angle: finite.optional(),
  version: z.number().int().nonnegative(),
  versionNonce: z.number().int(),
  index: z.string().max(512).nullable(),
  isDeleted: z.boolean(),
  groupIds: z.array(z.string().max(128)).max(1000).optional(),
  boundElements: z
    .array(z.looseObject({ id: z.string().max(128), type: z.enum(['arrow', 'text']) }))
    .max(1000)
    .nullable()
    .optional(),
};

const Shape = z.looseObject({
  ...common,
  type: z.enum(['rectangle', 'ellipse', 'diamond', 'image', 'frame', 'magicframe', 'embeddable', 'iframe']),
});
const Text = z.looseObject({ ...common, type: z.literal('text'), text: z.string() });
const Linear = z.looseObject({
  ...common,
  type: z.enum(['line', 'arrow', 'freedraw']),
  points: z.array(point).min(1).max(MAX_POINTS),
});
const Element = z.union([Shape, Text, Linear]);

/** The elements Excalidraw can take, the same objects, in the same order. */
export function wellFormedElements<E>(elements: readonly E[]): E[] {
  return elements.filter((element) => Element.safeParse(element).success);
}
