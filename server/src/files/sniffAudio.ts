import type { RecordingType } from '@mockloop/shared';

/** How each recording type's stream begins: WebM's EBML header, Ogg's first page. */
const SIGNATURES: Record<RecordingType, readonly number[]> = {
  'audio/webm': [0x1a, 0x45, 0xdf, 0xa3],
  'audio/ogg': [0x4f, 0x67, 0x67, 0x53], // "OggS"
};

/**
 * Whether the first piece of a recording begins as its type's stream does. Later pieces are the
 * middle of the stream (MediaRecorder cuts anywhere), so only the first can be checked.
 */
export function beginsAudioStream(type: RecordingType, data: Uint8Array): boolean {
  const signature = SIGNATURES[type];
  return data.byteLength >= signature.length && signature.every((byte, i) => data[i] === byte);
}
