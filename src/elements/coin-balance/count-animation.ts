/**
 * Counts a number from one value to another over a short time, one whole number per frame,
 * easing out so the last steps slow down where the reader's eye lands. A new run starts from
 * wherever the number is, so two quick changes never jump back.
 */

export interface CountAnimationCallbacks {
  /** Every frame, with the whole number to draw. */
  frame(value: number): void;
  /** Once, when the number has reached its target (not when cancelled). */
  settled(value: number): void;
}

/** Ease-out cubic: fast at first, gentle at the end. */
function easeOut(t: number): number {
  return 1 - (1 - t) ** 3;
}

export class CountAnimation {
  private handle?: number;
  private value?: number;
  /** Bumped by every run and cancel, so a jump queued by an earlier run does not land. */
  private generation = 0;

  constructor(private readonly callbacks: CountAnimationCallbacks) {}

  /** Whether a count is under way. */
  get running(): boolean {
    return this.handle !== undefined;
  }

  /** Counts from `from` to `to` in `durationMs`, replacing any count under way. */
  run(from: number, to: number, durationMs: number): void {
    this.cancel();
    if (from === to || durationMs <= 0) {
      // A jump still lands after the caller's own work (a render under way), not inside it.
      const generation = this.generation;
      queueMicrotask(() => {
        if (generation === this.generation) this.finish(to);
      });
      return;
    }
    let start: number | undefined;
    const step = (time: number) => {
      start ??= time;
      const t = Math.min(1, (time - start) / durationMs);
      const value = Math.round(from + (to - from) * easeOut(t));
      if (t >= 1) {
        this.handle = undefined;
        this.finish(to);
        return;
      }
      if (value !== this.value) {
        this.value = value;
        this.callbacks.frame(value);
      }
      this.handle = requestAnimationFrame(step);
    };
    this.handle = requestAnimationFrame(step);
  }

  /** Stops a count under way where it is; `settled` is not called. */
  cancel(): void {
    this.generation += 1;
    if (this.handle !== undefined) cancelAnimationFrame(this.handle);
    this.handle = undefined;
  }

  private finish(to: number): void {
    this.value = to;
    this.callbacks.frame(to);
    this.callbacks.settled(to);
  }
}
