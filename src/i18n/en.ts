/**
 * English: the source of truth for the set of messages. Every other catalog must have
 * exactly these keys (the `Catalog` type enforces it) and the same placeholders.
 *
 * Plural messages are chosen by the number in `{n}`. Weekday and month names are not
 * here: they come from `Intl` (see `elements/shared/format.ts`).
 */
import enCore from './en-core.ts';
import type { Message, MessagePlaceholders } from './message.ts';

const en = {
  ...enCore,

  // Actions every data element shares.
  'action.cancel': 'Cancel',
  'action.confirm': 'Confirm',
  'action.close': 'Close',

  // Levels (P3).
  'level.badge': 'Level {n}: {level}',
  'level.points': { one: '{n} point', other: '{n} points' },
  'level.pointsToNext': { one: '{n} point to {level}', other: '{n} points to {level}' },
  'level.progress': 'Progress to {level}',
  'level.top': 'Top level reached',
  'level.discount': '{percent} member discount',
  'level.noDiscount': 'No member discount on this product',
  'level.noDiscountYet': 'No member discount yet',
  'level.progressValue': '{points} of {target} points',
  'level.reached': 'Level up! You reached {level}.',

  // Coins.
  'coins.title': 'Coins',
  'coins.amount': { one: '{n} coin', other: '{n} coins' },
  'coins.available': { one: '{n} coin available', other: '{n} coins available' },
  'coins.pending': '{n} pending',
  'coins.balanceAnnouncement': { one: 'Coin balance: {n} coin', other: 'Coin balance: {n} coins' },
  'coins.earnForPrice': 'Earn {points} points and {coins} coins',
  'coins.unit': { one: 'coin', other: 'coins' },
  'points.unit': { one: 'point', other: 'points' },

  // Coin history: reasons by rule id (what earned or spent the coins).
  'reason.P1': 'Points for a completed order',
  'reason.P5': 'Level upgrade gift',
  'reason.P7': 'Order refunded',
  'reason.C1': 'Order completed',
  'reason.C2': 'Subscribed to the newsletter',
  'reason.C3': 'Completed your profile',
  'reason.C4': 'Shared a project',
  'reason.C5': 'Shared feedback',
  'reason.C6': 'Daily check-in',
  'reason.C7': 'Monthly check-in bonus',
  'reason.C8': 'Liked a project',
  'reason.C9': 'Commented on a project',
  'reason.C10': 'Invited a friend',
  'reason.C11': 'Official project reward',
  'reason.C12': 'Uploaded a BOM with our template',
  'reason.C13': 'Uploaded a test file with a PCBA inquiry',
  'reason.C14': 'Paid a PCBA quotation within 5 days',
  'reason.C15': 'Checked your PCBA progress',
  'reason.C16': 'Rated a PCBA photo or video',
  'reason.C17': 'Confirmed a PCBA project',
  'reason.C18': 'Filled out a questionnaire',
  'reason.S1': 'Product redeemed',
  'reason.S1.returned': 'Redeemed product removed from cart',
  'reason.S2': 'Coupon redeemed',
  'reason.S3': 'Donation to a project',
  'reason.S3.received': 'Donation received for your project',
  'reason.M1': 'Partner sale, after the 5% fee',
  'reason.M2': 'Monthly seller payout',
  'reason.M3': 'First seller payout',
  'reason.M4': 'Store credit withdrawal',
  'reason.other': 'Other',

  // Ways to earn (capped rules show today's progress).
  'earn.title': 'Ways to earn coins',
  'earn.coins': { one: '+{n} coin', other: '+{n} coins' },
  'earn.todayProgress': '{earned} of {cap} today',
  'earn.once': 'Once',

  // Partner seller dashboard (M1–M6).
  'seller.title': 'Seller dashboard',
  'seller.notSeller': 'You are not a partner seller. Partner sellers see their sales, stock and earnings here.',
  'seller.signIn': 'Sign in to see your seller dashboard.',
  'seller.empty': 'No sales or products yet.',
  'seller.storeCredit': 'Store credit',
  'seller.pending': 'Not paid out yet: {amount}',
  'seller.debt': 'Owed from refunds: {amount}, paid first from your next earnings',
  'seller.withdrawAmount': 'Amount to withdraw (USD)',
  'seller.withdraw': 'Withdraw',
  'seller.confirmWithdraw': 'Withdraw {amount} from your store credit?',
  'seller.withdrawing': 'Withdrawing…',
  'seller.withdrawInvalid': 'Enter an amount from 0.01 up to your store credit.',
  'seller.withdrawTooMuch': 'That is more than your store credit.',
  'seller.withdrawRequested': 'Withdrawal of {amount} requested.',
  'seller.withdrawals': 'Withdrawals',
  'seller.withdrawal.requested': 'Requested',
  'seller.withdrawal.paid': 'Paid',
  'seller.withdrawal.failed': 'Failed, returned to store credit',
  'seller.thisMonth': 'This month so far',
  'seller.gross': 'Sales',
  'seller.fee': 'Fee ({percent})',
  'seller.net': 'Net',
  'seller.months': 'Past months',
  'seller.month': 'Month',
  'seller.paidOut': 'Paid out',
  'seller.paidOutOn': '{amount} on {date}',
  'seller.notPaidYet': 'Not paid yet',
  'seller.firstOrder': 'First order {order} credited at once: {amount}',
  'seller.chart': 'Net earnings per month',
  'seller.orders': 'Orders',
  'seller.order': 'Order',
  'seller.date': 'Date',
  'seller.status.completed': 'Completed',
  'seller.status.refunded': 'Refunded {amount}',
  'seller.status': 'Status',
  'seller.sortBy': 'Sort by {column}',
  'seller.page': 'Page {page} of {pages}',
  'seller.previous': 'Previous page',
  'seller.next': 'Next page',
  'seller.products': 'Products',
  'seller.product': 'Product',
  'seller.stock': 'Stock',
  'seller.sold': 'Sold',
  'seller.unknownStock': 'Not reported',
  'seller.lowStock': 'Low stock',
  'seller.oversold': 'Oversold by {n}',
  'seller.noOrders': 'No orders yet.',

  // Coin history.
  'history.title': 'Coin history',
  'history.status.pending': 'Pending',
  'history.status.available': 'Available',
  'history.status.void': 'Void',
  'history.loadMore': 'Load more',
  'history.empty': 'No coin activity yet.',
  'history.end': 'That is everything.',
  'history.pointsTitle': 'Points history',
  'history.pointsEmpty': 'No points yet.',
  'history.loadingMore': 'Loading more…',

  // Sign-in prompts (the page's own sign-in link goes into the `signed-out` slot).
  'signIn.history': 'Sign in to see your coin history.',
  'signIn.checkIn': 'Sign in to check in and earn coins every day.',
  'signIn.cart': 'Sign in to see the gifts in your cart.',
  'signIn.redeem': 'Sign in to redeem rewards with your coins.',
  'signIn.coins': 'Sign in to see your coins.',
  'signIn.pointsHistory': 'Sign in to see your points history.',

  // Daily check-in (C6) and the monthly bonus (C7).
  'checkIn.title': 'Daily check-in',
  'checkIn.action': 'Check in',
  'checkIn.done': 'Checked in today',
  'checkIn.awarded': { one: 'Checked in: +{n} coin', other: 'Checked in: +{n} coins' },
  'checkIn.bonusAwarded': { one: 'Monthly bonus: +{n} coin', other: 'Monthly bonus: +{n} coins' },
  'checkIn.monthCount': { one: '{n} day checked in this month', other: '{n} days checked in this month' },
  'checkIn.bonusTier': '{count} of {target} days',
  'checkIn.bonusReward': { one: '+{n} bonus coin', other: '+{n} bonus coins' },
  'checkIn.bonusEarned': 'Bonus earned',
  'checkIn.calendar': 'Check-ins in {month}',
  'checkIn.dayChecked': '{date}, checked in',
  'checkIn.dayMissed': '{date}, not checked in',
  'checkIn.today': 'Today',
  'checkIn.previousMonth': 'Previous month',
  'checkIn.nextMonth': 'Next month',
  'checkIn.checking': 'Checking in…',
  'checkIn.bonusTitle': 'Monthly bonus',
  'checkIn.bonusTierName': '{n}-day bonus',

  // Reward catalog (S1, S2).
  'catalog.title': 'Rewards',
  'catalog.redeem': 'Redeem',
  'catalog.redeemFor': { one: 'Redeem for {n} coin', other: 'Redeem for {n} coins' },
  'catalog.confirmRedeem': { one: 'Redeem {name} for {n} coin?', other: 'Redeem {name} for {n} coins?' },
  'catalog.redeemed': '{name} is in your cart.',
  'catalog.couponRedeemed': 'Your coupon code: {code}',
  'catalog.stock': '{n} left',
  'catalog.outOfStock': 'Out of stock',
  'catalog.notEnoughCoins': { one: '{n} more coin needed', other: '{n} more coins needed' },
  'catalog.empty': 'No rewards to redeem right now.',

  // Redemption cart (S1, P5).
  'cart.title': 'Gifts in your cart',
  'cart.upgradeGift': 'Upgrade gift for reaching {level}',
  'cart.free': 'Free',
  'cart.remove': 'Remove',
  'cart.removeItem': 'Remove {name}',
  'cart.confirmRemove': { one: 'Remove {name}? {n} coin will come back.', other: 'Remove {name}? {n} coins will come back.' },
  'cart.confirmRemoveGift': 'Remove {name}? An upgrade gift cannot be claimed again.',
  'cart.removed': { one: '{name} removed. {n} coin returned.', other: '{name} removed. {n} coins returned.' },
  'cart.shipping': 'Shipping',
  'cart.shipNow': 'Ship now (I pay the shipping)',
  'cart.shipWithNextOrder': 'With my next order',
  'cart.notRemovable': 'Can no longer be removed',
  'cart.empty': 'No gifts in your cart.',
  'cart.keep': 'Keep',
  'cart.removing': 'Removing…',
  'cart.redeemedFor': { one: 'Redeemed for {n} coin', other: 'Redeemed for {n} coins' },
  'cart.notRemovableOrdered': 'It is part of a completed order.',
  'cart.giftNotRemovable': 'Upgrade gifts cannot be removed.',
  'cart.shippingFailed': 'Your shipping choice for {name} could not be saved.',

  // Ways to earn, titled for members (C1–C18), and how often each pays.
  'earn.rule.C1': 'Complete an order',
  'earn.rule.C2': 'Subscribe to the newsletter',
  'earn.rule.C3': 'Complete your profile',
  'earn.rule.C4': 'Share a project',
  'earn.rule.C5': 'Share feedback',
  'earn.rule.C6': 'Check in every day',
  'earn.rule.C7': 'Monthly check-in bonus',
  'earn.rule.C8': 'Like a project',
  'earn.rule.C9': 'Comment on a project',
  'earn.rule.C10': 'Invite a friend',
  'earn.rule.C11': 'Official project reward',
  'earn.rule.C12': 'Upload a BOM with our template',
  'earn.rule.C13': 'Upload a test file with a PCBA inquiry',
  'earn.rule.C14': 'Pay a PCBA quotation within 5 days',
  'earn.rule.C15': 'Check your PCBA progress',
  'earn.rule.C16': 'Rate a PCBA photo or video',
  'earn.rule.C17': 'Confirm a PCBA project',
  'earn.rule.C18': 'Fill out a questionnaire',
  'earn.perDollar': { one: '{n} coin per dollar', other: '{n} coins per dollar' },
  'earn.range': '+{min}–{max} coins',
  'earn.scope.per_dollar': 'On every completed order',
  'earn.scope.once': 'Once',
  'earn.scope.per_item': 'Each time',
  'earn.scope.per_day': 'Once a day',
  'earn.scope.per_week': 'Once a week',
  'earn.scope.per_month': 'Every month',
  'earn.scope.per_action': 'Each time',
  'earn.dailyCap': { one: 'Up to {n} coin a day', other: 'Up to {n} coins a day' },
  'earn.earned': 'Earned',
  'earn.empty': 'No ways to earn to show.',
  'earn.forOrder': 'Earn {points} and {coins}',
  'earn.reachLevel': 'and reach {level}',
  'earn.nothing': 'This amount earns no points.',
  'signIn.earn': 'Sign in to see your progress.',

  // Reward catalog, more.
  'catalog.couponValue': '{value} coupon',
  'catalog.redeeming': 'Redeeming…',
  'catalog.copy': 'Copy code',
  'catalog.copied': 'Copied',
  'catalog.copyFailed': 'Select the code to copy it.',

  // Member price (P4).
  'price.member': 'Member price',
  'price.list': 'List price',
  'price.discount': '{level} price, {percent} off',
  'price.signedOut': 'Sign in for your member price.',
  'price.partnerSeller': 'Partner seller product: no member discount.',
  'price.specialOffer': 'Special offer: no member discount.',

  // Donations to a project (S3).
  'donate.title': 'Support this project',
  'donate.total': { one: '{n} coin donated', other: '{n} coins donated' },
  'donate.donors': { one: 'by {n} member', other: 'by {n} members' },
  'donate.recent': 'Recent donations',
  'donate.anonymous': 'A member',
  'donate.none': 'No donations yet. Be the first.',
  'donate.amount': 'Coins to give',
  'donate.balance': { one: 'You have {n} coin.', other: 'You have {n} coins.' },
  'donate.quickPicks': 'Quick picks',
  'donate.all': 'All',
  'donate.action': 'Donate',
  'donate.confirm': { one: 'Give {n} coin to this project?', other: 'Give {n} coins to this project?' },
  'donate.donating': 'Donating…',
  'donate.thanks': { one: 'Thank you! You gave {n} coin.', other: 'Thank you! You gave {n} coins.' },
  'donate.invalid': { one: 'Enter a whole number of coins from 1 to {n}.', other: 'Enter a whole number of coins from 1 to {n}.' },
  'donate.noCoins': 'You have no coins to give yet.',
  'donate.ownProject': 'You cannot donate to your own project.',
  'signIn.donate': 'Sign in to donate coins.',
} as const satisfies Record<string, Message>;

export type EnglishCatalog = typeof en;
export type MessageKey = keyof EnglishCatalog;

/** A catalog: every English key, each with a message (plural forms are per language). */
export type Catalog = { readonly [K in MessageKey]: Message };

/**
 * A translated catalog, checked at compile time: every English key, no other key, and in
 * each message exactly the placeholders of the English one (a key whose placeholders differ
 * is reported as not assignable to `never`).
 */
export type CheckedCatalog<C extends Catalog> = {
  readonly [K in MessageKey]: SameSet<MessagePlaceholders<C[K]>, MessagePlaceholders<EnglishCatalog[K]>> extends true ? C[K] : never;
};

type SameSet<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

export default en;
