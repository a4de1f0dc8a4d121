/**
 * Retries an assertion until it passes or the time is up, then fails with its last error. For
 * effects that happen asynchronously (a job, a broadcast); never a bare sleep.
 */
export async function expectEventually<T>(assertion: () => T | Promise<T>, timeoutMs = 5000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      return await assertion();
    } catch (error) {
      lastError = error;
    }
    if (Date.now() >= deadline) throw lastError;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
