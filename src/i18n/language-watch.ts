/**
 * One observer per page for the inputs of locale resolution that live outside any element:
 * `lang` attributes anywhere in the document and the browser's language. Elements inside
 * shadow roots are reached too, because they look the closest `lang` up through their hosts;
 * a `lang` changed inside a shadow root is not observed.
 */
type Listener = () => void;

const listeners = new Set<Listener>();
let observer: MutationObserver | undefined;

function notify(): void {
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` after any `lang` or browser language change; returns the unsubscribe. */
export function watchLanguage(listener: Listener): () => void {
  if (listeners.size === 0) {
    observer = new MutationObserver(notify);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
    window.addEventListener('languagechange', notify);
  }
  listeners.add(listener);
  return () => {
    if (!listeners.delete(listener) || listeners.size > 0) return;
    observer?.disconnect();
    observer = undefined;
    window.removeEventListener('languagechange', notify);
  };
}

/** The closest non-empty `lang`, looking through shadow roots to their hosts. */
export function closestLang(element: Element): string | undefined {
  let node: Element | undefined = element;
  while (node) {
    const found: Element | null = node.closest('[lang]:not([lang=""])');
    if (found) return found.getAttribute('lang') ?? undefined;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return undefined;
}
