/**
 * The English that `<coin-history>`'s ready face alone reads; it loads with the ready face, beside the
 * store. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enCoinHistoryReady = {
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
  'history.title': 'Coin history',
  'history.status.pending': 'Pending',
  'history.status.available': 'Available',
  'history.status.void': 'Void',
  'history.loadMore': 'Load more',
  'history.end': 'That is everything.',
  'history.pointsTitle': 'Points history',
  'history.loadingMore': 'Loading more…',
} as const satisfies Record<string, Message>;

export default enCoinHistoryReady;
