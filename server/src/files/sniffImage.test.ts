import { describe, expect, it } from 'vitest';
import { looksLike } from './sniffImage.js';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('looksLike', () => {
  it('accepts each image type by its signature', () => {
    expect(looksLike('image/png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe(true);
    expect(looksLike('image/jpeg', bytes(0xff, 0xd8, 0xff, 0xe0))).toBe(true);
    expect(looksLike('image/gif', new TextEncoder().encode('GIF89a'))).toBe(true);
    expect(looksLike('image/webp', new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe(true);
    expect(
      looksLike('image/svg+xml', new TextEncoder().encode('<?xml version="1.0"?>\n<svg xmlns="x">')),
    ).toBe(true);
  });

  it('refuses anything else under an image type', () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script>');
    expect(looksLike('image/png', html)).toBe(false);
    expect(looksLike('image/svg+xml', html)).toBe(false);
    expect(looksLike('image/webp', new TextEncoder().encode('RIFF\0\0\0\0WAVE'))).toBe(false);
    expect(looksLike('image/jpeg', bytes(0xff))).toBe(false);
  });
});
