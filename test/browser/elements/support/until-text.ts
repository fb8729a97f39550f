import type { ReactiveElement } from 'lit';

/** Waits until `read()` gives `expected` (a shadow DOM text after the store's answer). */
export async function untilText(element: ReactiveElement, read: () => string, expected: string, timeoutMs = 4_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    await element.updateComplete;
    try {
      last = read();
    } catch (error) {
      last = String(error);
    }
    if (last === expected) return;
    if (Date.now() > deadline) throw new Error(`expected "${expected}", still "${last}"`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
