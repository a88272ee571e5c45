/** Server-wide keys kept in the store, such as the token secret (CONTRACT.md, S-META-1). */
export interface MetaStore {
  getMeta(key: string): Promise<string | null>;
  /** Sets `key` to `value` unless it is set; returns the value that holds (S-META-1). */
  getOrCreateMeta(key: string, value: string): Promise<string>;
}
