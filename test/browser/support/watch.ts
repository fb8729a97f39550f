/**
 * Subscribing to a store the way an element does, and waiting for the state a test expects.
 */
import type { ReadableAtom } from 'nanostores';
import type { ResourceState } from '../../../src/store/index.ts';

export interface Watched<T> {
  /** Every state seen, the first one included. */
  readonly states: ResourceState<T>[];
  current(): ResourceState<T>;
  /** The data of the current state; fails the test when there is none. */
  data(): T;
  /** Resolves with the first state (the current one included) that `check` accepts. */
  until(check: (state: ResourceState<T>) => boolean, what?: string, timeoutMs?: number): Promise<ResourceState<T>>;
  ready(): Promise<T>;
  stop(): void;
}

export function watch<T>(store: ReadableAtom<ResourceState<T>>): Watched<T> {
  const states: ResourceState<T>[] = [];
  const waiters = new Set<() => void>();
  const stop = store.subscribe((state) => {
    states.push(state);
    for (const waiter of [...waiters]) waiter();
  });
  const current = () => states[states.length - 1]!;
  const until = (check: (state: ResourceState<T>) => boolean, what = 'a state', timeoutMs = 5_000) =>
    new Promise<ResourceState<T>>((resolve, reject) => {
      const test = () => {
        if (!check(current())) return false;
        waiters.delete(test);
        clearTimeout(timer);
        resolve(current());
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(test);
        reject(new Error(`timed out waiting for ${what}; last state: ${JSON.stringify(current())}`));
      }, timeoutMs);
      if (!test()) waiters.add(test);
    });
  return {
    states,
    current,
    data() {
      const state = current();
      if (state.status !== 'ready' && state.status !== 'error') throw new Error(`no data in state ${state.status}`);
      if (state.data === undefined) throw new Error('no data');
      return state.data;
    },
    until,
    async ready() {
      const state = await until((s) => s.status === 'ready' && !s.revalidating, 'ready');
      return (state as { data: T }).data;
    },
    stop,
  };
}
