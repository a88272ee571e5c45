import { describe, expect, it } from 'vitest';
import { beginsAudioStream } from './sniffAudio.js';

describe('beginsAudioStream (P-AUDIO-2)', () => {
  it("knows WebM's EBML header and Ogg's first page, and nothing else", () => {
    expect(beginsAudioStream('audio/webm', new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1]))).toBe(true);
    expect(beginsAudioStream('audio/ogg', new TextEncoder().encode('OggS\0'))).toBe(true);
    expect(beginsAudioStream('audio/webm', new TextEncoder().encode('OggS\0'))).toBe(false);
    expect(beginsAudioStream('audio/ogg', new TextEncoder().encode('<html>'))).toBe(false);
    expect(beginsAudioStream('audio/webm', new Uint8Array([0x1a, 0x45]))).toBe(false);
  });
});
