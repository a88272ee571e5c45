import type { BoardFileType } from '@mockloop/shared';

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((b, i) => bytes[offset + i] === b);

/**
 * Whether the bytes really are an image of the declared type (by their signature), so that a
 * file stored as an image is one: nothing else can be served back under an image type.
 */
export function looksLike(type: BoardFileType, bytes: Uint8Array): boolean {
  switch (type) {
    case 'image/png':
      return startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'image/jpeg':
      return startsWith(bytes, [0xff, 0xd8, 0xff]);
    case 'image/gif':
      return startsWith(bytes, [0x47, 0x49, 0x46, 0x38]);
    case 'image/webp':
      return startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8);
    case 'image/svg+xml': {
      // Text: an <svg> root near the start, after an optional XML declaration, doctype or comments.
      const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
      return /<svg[\s>]/i.test(head);
    }
  }
}
