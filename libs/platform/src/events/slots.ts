/**
 * At most `size` holders at once; the rest wait their turn in order. Survey exports read through
 * a few, so other requests always find database connections; domain events are delivered through
 * a few, so a batch's follow-up work runs side by side without flooding the pool.
 */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  /** Waits for a slot; the function returned frees it (once, however often it is called). */
  async acquire(): Promise<() => void> {
    if (this.active >= this.size) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.active += 1;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      this.active -= 1;
      this.waiting.shift()?.();
    };
  }
}
