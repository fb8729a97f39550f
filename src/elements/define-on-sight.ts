/**
 * Registers a tag only once a page uses it: its module (which defines the tag) is fetched when
 * the first such element is in the document, or as soon as one is added to it. A page that never
 * shows the tag never downloads its code; one that does sees the element upgrade when its module
 * arrives, like any custom element defined after it was parsed.
 *
 * It watches the document itself, not the inside of other components' shadow roots: a page that
 * renders the tag there calls the returned function, which loads the module (once) and gives it.
 */
export function defineOnSight<M>(tag: string, importer: () => Promise<M>): () => Promise<M> {
  let loading: Promise<M> | undefined;
  let observer: MutationObserver | undefined;
  const load = (): Promise<M> => {
    observer?.disconnect();
    observer = undefined;
    loading ??= importer().catch((error: unknown) => {
      // Not remembered: the next call tries again.
      loading = undefined;
      throw error;
    });
    return loading;
  };
  const loadNow = (): void => {
    load().catch((error: unknown) => {
      console.error(`member-rewards-kit: <${tag}> could not be loaded`, error);
      addEventListener('online', loadNow, { once: true });
    });
  };

  if (typeof document === 'undefined' || customElements.get(tag)) return load;
  if (document.querySelector(tag)) {
    loadNow();
    return load;
  }
  const shows = (node: Node) => node instanceof Element && (node.localName === tag || node.querySelector(tag) !== null);
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (shows(node)) return loadNow();
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  return load;
}
