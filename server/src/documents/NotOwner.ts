/**
 * Another node holds this room's lease (P-NODE-1): this node must not load its documents. The
 * upgrade is refused with 503; the client retries, and the proxy sends it to the owner.
 */
export class NotOwner extends Error {
  constructor(docName: string) {
    super(`another node serves ${docName}`);
    this.name = 'NotOwner';
  }
}
