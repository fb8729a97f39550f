/**
 * Lets a `<rewards-provider>` that is defined after the elements inside it still reach
 * them: without a root, a context request made before its provider was upgraded is lost.
 */
import { ContextRoot } from '@lit/context';

const ATTACHED = Symbol.for('member-rewards-kit/context-root');

/** Attaches one context root per document, shared by every copy of the kit. */
export function ensureContextRoot(element: Element): void {
  const doc = element.ownerDocument as Document & { [ATTACHED]?: true };
  if (doc[ATTACHED]) return;
  doc[ATTACHED] = true;
  new ContextRoot().attach(doc.documentElement);
}
