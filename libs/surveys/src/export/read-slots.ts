/**
 * At most `size` holders at once; the rest wait their turn in order. Exports read from the database
 * through a few slots, so however many officials download at once, other requests find connections.
 */
export class ReadSlots {
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
