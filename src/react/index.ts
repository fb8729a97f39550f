// Generated from custom-elements.json by scripts/integrations/write-sources.ts (`npm run analyze`): do not edit.
/**
 * React components for the elements (React 18 and later), made with @lit/react. Importing one
 * registers its tag. Event props take the kit's typed events: `onRewardsError={(event) => …}`.
 */
import * as React from 'react';
import { createComponent, type EventName } from '@lit/react';
import type { RewardsCartChangedEvent, RewardsCheckedInEvent, RewardsDonatedEvent, RewardsErrorEvent, RewardsLevelUpEvent, RewardsRedeemedEvent } from '../events/index.ts';
import { CheckInCalendar as CheckInCalendarElement } from '../elements/check-in-calendar/define.ts';
import { CoinBalance as CoinBalanceElement } from '../elements/coin-balance/define.ts';
import { CoinHistory as CoinHistoryElement } from '../elements/coin-history/define.ts';
import { EarnCoinsList as EarnCoinsListElement } from '../elements/earn-coins-list/define.ts';
import { LevelProgress as LevelProgressElement } from '../elements/level-progress/define.ts';
import { MemberLevelBadge as MemberLevelBadgeElement } from '../elements/member-level-badge/define.ts';
import { MemberPrice as MemberPriceElement } from '../elements/member-price/define.ts';
import { PointsForProduct as PointsForProductElement } from '../elements/points-for-product/define.ts';
import { ProjectDonate as ProjectDonateElement } from '../elements/project-donate/define.ts';
import { RedemptionCart as RedemptionCartElement } from '../elements/redemption-cart/define.ts';
import { RewardCatalog as RewardCatalogElement } from '../elements/reward-catalog/define.ts';
import { RewardsProvider as RewardsProviderElement } from '../elements/rewards-provider/define.ts';

/** `<check-in-calendar>`: The month's check-ins, today's check-in button and the monthly bonus tiers. */
export const CheckInCalendar = createComponent({
  react: React,
  tagName: 'check-in-calendar',
  elementClass: CheckInCalendarElement,
  events: {
    onRewardsCheckedIn: 'rewards-checked-in' as EventName<RewardsCheckedInEvent>,
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<coin-balance>`: Available and pending coins, announced politely when they change. */
export const CoinBalance = createComponent({
  react: React,
  tagName: 'coin-balance',
  elementClass: CoinBalanceElement,
  events: {
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<coin-history>`: The member's coin (or points) ledger with reasons, statuses and paging. */
export const CoinHistory = createComponent({
  react: React,
  tagName: 'coin-history',
  elementClass: CoinHistoryElement,
  events: {
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<earn-coins-list>`: The ways to earn coins, with today's progress on capped rules. */
export const EarnCoinsList = createComponent({
  react: React,
  tagName: 'earn-coins-list',
  elementClass: EarnCoinsListElement,
  events: {
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<level-progress>`: Points, level, discount and progress to the next level. */
export const LevelProgress = createComponent({
  react: React,
  tagName: 'level-progress',
  elementClass: LevelProgressElement,
  events: {
    onRewardsLevelUp: 'rewards-level-up' as EventName<RewardsLevelUpEvent>,
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<member-level-badge>`: A member's level (planet name, colour, LV n), inline in any text. */
export const MemberLevelBadge = createComponent({
  react: React,
  tagName: 'member-level-badge',
  elementClass: MemberLevelBadgeElement,
  events: {
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<member-price>`: A price with the member's level discount, or the plain price and why. */
export const MemberPrice = createComponent({
  react: React,
  tagName: 'member-price',
  elementClass: MemberPriceElement,
  events: {
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<points-for-product>`: "Earn N points and N coins" for a price, and the level it would reach. */
export const PointsForProduct = createComponent({
  react: React,
  tagName: 'points-for-product',
  elementClass: PointsForProductElement,
  events: {
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<project-donate>`: Donate coins to a project; the total donated and recent donors. */
export const ProjectDonate = createComponent({
  react: React,
  tagName: 'project-donate',
  elementClass: ProjectDonateElement,
  events: {
    onRewardsDonated: 'rewards-donated' as EventName<RewardsDonatedEvent>,
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<redemption-cart>`: Redeemed gifts and upgrade gifts in the cart: remove them, or choose when they ship. */
export const RedemptionCart = createComponent({
  react: React,
  tagName: 'redemption-cart',
  elementClass: RedemptionCartElement,
  events: {
    onRewardsCartChanged: 'rewards-cart-changed' as EventName<RewardsCartChangedEvent>,
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<reward-catalog>`: Redeemable products and coupons, with coin prices, stock and redeem with confirm. */
export const RewardCatalog = createComponent({
  react: React,
  tagName: 'reward-catalog',
  elementClass: RewardCatalogElement,
  events: {
    onRewardsRedeemed: 'rewards-redeemed' as EventName<RewardsRedeemedEvent>,
    onRewardsCartChanged: 'rewards-cart-changed' as EventName<RewardsCartChangedEvent>,
    onRewardsError: 'rewards-error' as EventName<RewardsErrorEvent>,
  },
});

/** `<rewards-provider>`: Configuration and context for the rewards elements inside it. */
export const RewardsProvider = createComponent({
  react: React,
  tagName: 'rewards-provider',
  elementClass: RewardsProviderElement,
});
