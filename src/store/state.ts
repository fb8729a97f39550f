/**
 * What every resource store holds: one of four states, the same for every element, so each
 * element draws its five faces (loading, ready, empty, signed-out, error) from one `switch`.
 */
import type { LedgerEntry } from '../api/member.ts';
import type { RewardsError } from '../sdk/errors.ts';

/**
 * - `loading`: nothing to show yet; draw the skeleton.
 * - `ready`: `data` is the latest known answer. `revalidating` is true while a newer one is
 *   being fetched: keep showing `data` (no skeleton, no layout shift).
 * - `error`: the last fetch failed. `data` is still there when an earlier fetch succeeded, so an
 *   element may keep it on screen next to a short error; `error.code` says what happened.
 * - `signed-out`: member data with no member signed in (no token, or a token the server
 *   refuses); show the page's sign-in slot. Public data is never `signed-out`.
 */
export type ResourceState<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly data: T; readonly revalidating: boolean }
  | { readonly status: 'error'; readonly error: RewardsError; readonly data?: T }
  | { readonly status: 'signed-out' };

export type ResourceStatus = ResourceState<unknown>['status'];

/** The ledger pages loaded so far, newest entry first; `nextCursor` is null after the last page. */
export interface LedgerPages {
  readonly entries: readonly LedgerEntry[];
  readonly nextCursor: string | null;
}

/** The data of a state, when it has any (ready, or an error after an earlier success). */
export function dataOf<T>(state: ResourceState<T>): T | undefined {
  return state.status === 'ready' || state.status === 'error' ? state.data : undefined;
}

export const LOADING: ResourceState<never> = Object.freeze({ status: 'loading' });
export const SIGNED_OUT: ResourceState<never> = Object.freeze({ status: 'signed-out' });
