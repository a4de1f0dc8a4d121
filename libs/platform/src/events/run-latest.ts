/**
 * Per key, at most one run at a time, and one more after it when asked meanwhile: a burst of
 * requests for the same recount costs a few recounts, and the last one starts after the last
 * request, so it sees everything the burst changed. Resolves when the key's runs are done.
 */
export class RunLatest {
  private readonly running = new Map<string, Promise<void>>();
  private readonly asked = new Set<string>();

  run(key: string, task: () => Promise<void>): Promise<void> {
    const current = this.running.get(key);
    if (current) {
      this.asked.add(key);
      return current;
    }
    const runs = (async () => {
      do {
        this.asked.delete(key);
        await task();
      } while (this.asked.has(key));
    })().finally(() => this.running.delete(key));
    this.running.set(key, runs);
    return runs;
  }
}
