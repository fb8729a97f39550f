/**
 * Registers every element of the kit: the entry of the one-file build (dist/member-rewards-kit.js)
 * that a page loads with a single <script type="module"> tag. Each define skips a tag that is
 * already defined, so loading the kit twice never throws. It also exports what such a page needs
 * to act from its own buttons (`checkIn`, `redeem`, `donate`, `pageSession`, `rewardsSession`)
 * through the elements' store.
 *
 * Only the member-facing elements are in the file itself. The store, the SDK and the contract
 * schemas load on demand, as they do for a per-element entry (the page actions answer with
 * promises); `<seller-dashboard>`, which only a seller's page shows, is registered when one first
 * appears in the document (`loadSellerDashboard()` loads it for a page that needs it sooner, or
 * inside a shadow root, and gives its class).
 */
import './rewards-provider/define.ts';
import './member-level-badge/define.ts';
import './level-progress/define.ts';
import './coin-balance/define.ts';
import './coin-history/define.ts';
import './check-in-calendar/define.ts';
import './redemption-cart/define.ts';
import './earn-coins-list/define.ts';
import './reward-catalog/define.ts';
import './member-price/define.ts';
import './points-for-product/define.ts';
import './project-donate/define.ts';
import type { SellerDashboard } from './seller-dashboard/seller-dashboard.ts';
import { defineOnSight } from './define-on-sight.ts';

const sellerDashboard = defineOnSight('seller-dashboard', () => import('./seller-dashboard/define.ts'));

/**
 * Registers `<seller-dashboard>` now (it is otherwise registered when one first appears in the
 * document) and gives its class once its code has arrived.
 */
export async function loadSellerDashboard(): Promise<typeof SellerDashboard> {
  return (await sellerDashboard()).SellerDashboard;
}

export { configure } from '../store/config.ts';
export type { SessionConfig } from '../store/rewards-store.ts';
export type { RewardsSession } from '../store/session.ts';
export type { MutationOptions } from '../store/member-stores.ts';
export { pageSession, rewardsSession, checkIn, redeem, donate } from './page-actions.ts';
export { RewardsProvider } from './rewards-provider/rewards-provider.ts';
export { MemberLevelBadge } from './member-level-badge/member-level-badge.ts';
export { LevelProgress } from './level-progress/level-progress.ts';
export { CoinBalance } from './coin-balance/coin-balance.ts';
export { CoinHistory } from './coin-history/coin-history.ts';
export { CheckInCalendar } from './check-in-calendar/check-in-calendar.ts';
export { RedemptionCart } from './redemption-cart/redemption-cart.ts';
export { EarnCoinsList } from './earn-coins-list/earn-coins-list.ts';
export { RewardCatalog } from './reward-catalog/reward-catalog.ts';
export { MemberPrice } from './member-price/member-price.ts';
export { PointsForProduct } from './points-for-product/points-for-product.ts';
export { ProjectDonate } from './project-donate/project-donate.ts';
export type { SellerDashboard };
export * from '../events/index.ts';
