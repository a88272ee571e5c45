/**
 * An update the document refused before applying it: `too-large` when it would pass the kind's
 * size or writer limits, `history` when its row would pass a history quota (P-DOC-13), `reset`
 * while the document is being reloaded after a failed update.
 */
export class DocLimitError extends Error {
  constructor(
    message: string,
    readonly reason: 'too-large' | 'history' | 'reset',
  ) {
    super(message);
    this.name = 'DocLimitError';
  }
}
