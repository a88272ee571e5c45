/**
 * A stored document the server will not load: its rows are larger, or take longer to apply, than
 * the load budget allows (P-DOC-10). Its connections are closed with `DocumentUnloadable`.
 */
export class DocUnloadable extends Error {
  constructor(reason: string) {
    super(`This document cannot be opened: ${reason}.`);
    this.name = 'DocUnloadable';
  }
}
