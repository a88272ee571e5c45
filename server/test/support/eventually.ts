/**
 * Retries an assertion until it passes or the deadline expires, then rethrows its last error.
 * Tests poll for the state they expect instead of sleeping for a guessed time.
 */
export async function eventually<T>(
  assertion: () => T | Promise<T>,
  timeoutMs = 10_000,
  intervalMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await assertion();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
