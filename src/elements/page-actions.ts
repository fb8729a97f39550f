/**
 * For a page without a bundler that acts from its own buttons: check in, redeem, donate (and
 * more, through the session) with the same store as the elements, so every element on the page
 * shows the result at once. The session is the page-wide `configure()`'s; a page configured by
 * a `<rewards-provider>` gets the same store with `rewardsSession({ api, getToken })` and the
 * provider's own `getToken` function.
 *
 * The store, the SDK and the contract schemas are the chunk the data elements load on demand,
 * so each of these answers with a promise: the first call fetches that chunk (unless an element
 * already has), later calls find it there.
 *
 * ```html
 * <script type="module">
 *   import { configure, checkIn, pageSession } from '/member-rewards-kit.js';
 *   configure({ api: '/rewards', getToken: () => myToken });
 *   document.querySelector('#check-in').onclick = () => checkIn();
 *   const session = await pageSession();
 *   session.account.subscribe((state) => console.log(state.status));
 * </script>
 * ```
 */
import type { CheckInResponse, DonateResponse, RedeemResponse } from '../api/member.ts';
import type { MutationOptions } from '../store/member-stores.ts';
import { $pageConfig } from '../store/config.ts';
import type { SessionConfig } from '../store/rewards-store.ts';
import type { RewardsSession } from '../store/session.ts';
import { store } from './shared/store-loader.ts';

/**
 * The session of the page-wide `configure()`, once the store has loaded. Rejects until
 * `configure()` has been called.
 */
export async function pageSession(): Promise<RewardsSession> {
  if (!$pageConfig.get()) throw new Error('member-rewards-kit: call configure({ api, getToken }) first');
  const session = (await store.load()).$pageSession.get();
  if (!session) throw new Error('member-rewards-kit: call configure({ api, getToken }) first');
  return session;
}

/**
 * The session of an API and token source on the page's shared store (the one the elements use),
 * once the store has loaded: for a page configured by a `<rewards-provider>`, pass the provider's
 * `api` and its own `getToken`. Rejects with a `TypeError` for an unusable `api`.
 */
export async function rewardsSession(config: SessionConfig): Promise<RewardsSession> {
  return (await store.load()).rewardsSession(config);
}

/** Checks the signed-in member in for today (C6, C7). */
export async function checkIn(options?: MutationOptions): Promise<CheckInResponse> {
  return (await pageSession()).checkIn(options);
}

/** Redeems a catalog item with coins (S1, S2). */
export async function redeem(catalogItemId: string, options?: MutationOptions): Promise<RedeemResponse> {
  return (await pageSession()).redeem(catalogItemId, options);
}

/** Gives coins to a project (S3). */
export async function donate(projectId: string, coins: number, options?: MutationOptions): Promise<DonateResponse> {
  return (await pageSession()).donate(projectId, coins, options);
}
