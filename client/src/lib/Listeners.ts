/** A set of listeners called with the same arguments; `add` returns the unsubscribe. */
export class Listeners<A extends unknown[]> {
  private readonly set = new Set<(...args: A) => void>();

  add(listener: (...args: A) => void): () => void {
    this.set.add(listener);
    return () => {
      this.set.delete(listener);
    };
  }

  /** Calls each listener there is now; one added or removed meanwhile does not change this call. */
  emit(...args: A): void {
    for (const listener of [...this.set]) listener(...args);
  }
}
