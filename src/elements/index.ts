/**
 * Registers every element of the kit: the entry of the one-file build (dist/member-rewards-kit.js)
 * that a page loads with a single <script type="module"> tag. Each define skips a tag that is
 * already defined, so loading the kit twice never throws.
 */
import './rewards-provider/define.ts';
import './member-level-badge/define.ts';
import './level-progress/define.ts';
import './coin-balance/define.ts';
import './coin-history/define.ts';
import './check-in-calendar/define.ts';
import './redemption-cart/define.ts';
import './seller-dashboard/define.ts';

export { configure } from '../store/config.ts';
export { RewardsProvider } from './rewards-provider/rewards-provider.ts';
export { MemberLevelBadge } from './member-level-badge/member-level-badge.ts';
export { LevelProgress } from './level-progress/level-progress.ts';
export { CoinBalance } from './coin-balance/coin-balance.ts';
export { CoinHistory } from './coin-history/coin-history.ts';
export { CheckInCalendar } from './check-in-calendar/check-in-calendar.ts';
export { RedemptionCart } from './redemption-cart/redemption-cart.ts';
export { SellerDashboard } from './seller-dashboard/seller-dashboard.ts';
export * from '../events/index.ts';
