/**
 * The moments data may have gone stale without this tab doing anything: the tab comes back
 * into view, or the network comes back. Both exist only in browsers; in Node nothing fires.
 */

/** Calls `listener` when the tab becomes visible or the browser goes back online; returns a remover. */
export function onTabReturn(listener: () => void): () => void {
  const scope = globalThis as {
    document?: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
    addEventListener?: Window['addEventListener'];
    removeEventListener?: Window['removeEventListener'];
  };
  const doc = scope.document;
  const onVisibility = () => {
    if (doc?.visibilityState === 'visible') listener();
  };
  const hasDocument = typeof doc?.addEventListener === 'function';
  const hasWindowEvents = typeof scope.addEventListener === 'function' && hasDocument;
  if (hasDocument) doc.addEventListener('visibilitychange', onVisibility);
  if (hasWindowEvents) scope.addEventListener?.('online', listener);
  return () => {
    if (hasDocument) doc.removeEventListener('visibilitychange', onVisibility);
    if (hasWindowEvents) scope.removeEventListener?.('online', listener);
  };
}
