/**
 * An update the document refused before applying it: `too-large` when it would pass the kind's
 * size or writer limits, `reset` while the document is being reloaded after a failed update.
 */
export class DocLimitError extends Error {
  constructor(
    message: string,
    readonly reason: 'too-large' | 'reset',
  ) {
    super(message);
    this.name = 'DocLimitError';
  }
}
