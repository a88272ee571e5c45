import { MAX_OUTPUT_BYTES } from './types';

/** Collects a run's output up to a byte cap; past it, keeps nothing more and remembers it did. */
export class OutputBuffer {
  private readonly parts: string[] = [];
  private bytes = 0;
  truncated = false;

  constructor(private readonly cap = MAX_OUTPUT_BYTES) {}

  /** Adds text; returns the part that was kept (empty once the cap is reached). */
  write(text: string): string {
    if (this.truncated) return '';
    const size = new TextEncoder().encode(text).length;
    if (this.bytes + size <= this.cap) {
      this.parts.push(text);
      this.bytes += size;
      return text;
    }
    // Keep what fits, by characters, so the cut is never in the middle of a code point.
    let kept = '';
    for (const char of text) {
      const charBytes = new TextEncoder().encode(char).length;
      if (this.bytes + charBytes > this.cap) break;
      kept += char;
      this.bytes += charBytes;
    }
    this.parts.push(kept);
    this.truncated = true;
    return kept;
  }

  text(): string {
    const joined = this.parts.join('');
    return this.truncated ? `${joined}\n[output truncated at ${Math.round(this.cap / 1024)} KB]` : joined;
  }
}
