/**
 * Waiting for an element of the kit to show a face, and reading what a reader sees in it.
 * Elements expose their face as a custom state (`el.matches(':state(ready)')`).
 */

/** Resolves once `element` shows `face` (a custom state such as `ready`, `error`, `unknown`). */
export async function untilFace(element: HTMLElement, face: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!element.matches(`:state(${face})`)) {
    if (Date.now() > deadline) throw new Error(`${element.localName} never showed its ${face} face (text: "${visibleText(element)}")`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
}

/** The text of an element's shadow root, white space collapsed, as it reads on screen. */
export function visibleText(element: Element): string {
  const root = element.shadowRoot ?? element;
  return (root.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The first element in `element`'s shadow root carrying `part`. */
export function part<T extends Element = HTMLElement>(element: Element, name: string): T | null {
  return element.shadowRoot?.querySelector<T>(`[part~="${name}"]`) ?? null;
}

/** Every element in `element`'s shadow root carrying `part`. */
export function parts<T extends Element = HTMLElement>(element: Element, name: string): T[] {
  return [...(element.shadowRoot?.querySelectorAll<T>(`[part~="${name}"]`) ?? [])];
}
