/**
 * For a page without a bundler that acts from its own buttons: check in, redeem, donate (and
 * more, through the session) with the same store as the elements, so every element on the page
 * shows the result at once. The session is the page-wide `configure()`'s; a page configured by
 * a `<rewards-provider>` gets the same store with `rewardsSession({ api, getToken })` and the
 * provider's own `getToken` function.
 *
 * ```html
 * <script type="module">
 *   import { configure, checkIn } from '/member-rewards-kit.js';
 *   configure({ api: '/rewards', getToken: () => myToken });
 *   document.querySelector('#check-in').onclick = () => checkIn();
 * </script>
 * ```
 */
import type { CheckInResponse, DonateResponse, RedeemResponse } from '../api/member.ts';
import type { MutationOptions } from '../store/member-stores.ts';
import { $pageSession } from '../store/rewards-store.ts';
import type { RewardsSession } from '../store/session.ts';

/** The session of the page-wide `configure()`; throws until `configure()` has been called. */
export function pageSession(): RewardsSession {
  const session = $pageSession.get();
  if (!session) throw new Error('member-rewards-kit: call configure({ api, getToken }) first');
  return session;
}

/** Checks the signed-in member in for today (C6, C7). */
export function checkIn(options?: MutationOptions): Promise<CheckInResponse> {
  return pageSession().checkIn(options);
}

/** Redeems a catalog item with coins (S1, S2). */
export function redeem(catalogItemId: string, options?: MutationOptions): Promise<RedeemResponse> {
  return pageSession().redeem(catalogItemId, options);
}

/** Gives coins to a project (S3). */
export function donate(projectId: string, coins: number, options?: MutationOptions): Promise<DonateResponse> {
  return pageSession().donate(projectId, coins, options);
}
