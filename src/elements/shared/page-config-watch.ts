/**
 * One subscription to the page-wide `configure()` for every element on the page: each element
 * follows it twice (its API and its locale), and a nanostores listener list costs a linear
 * search to leave, which ten thousand badges leaving a page would pay ten thousand times.
 */
import { $pageConfig } from '../../store/config.ts';

const listeners = new Set<() => void>();
let stop: (() => void) | undefined;

/** Calls `listener` after every `configure()`; returns the unsubscribe. */
export function watchPageConfig(listener: () => void): () => void {
  if (!stop) stop = $pageConfig.listen(() => [...listeners].forEach((each) => each()));
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      stop?.();
      stop = undefined;
    }
  };
}
