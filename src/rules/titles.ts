/** English titles of the rules: shown in the ways to earn and as the reason of ledger entries. */
import type { RuleId } from './decisions.ts';

export const RULE_TITLES: Readonly<Record<RuleId, string>> = Object.freeze({
  P1: 'Points for a completed order',
  P2: 'Points are never spent',
  P3: 'Membership level',
  P4: 'Member discount',
  P5: 'Level upgrade gift',
  P6: 'Points and level',
  P7: 'Order refunded',
  C1: 'Order completed',
  C2: 'Subscribe to the newsletter',
  C3: 'Complete your profile',
  C4: 'Share a project',
  C5: 'Share feedback',
  C6: 'Daily check-in',
  C7: 'Monthly check-in bonus',
  C8: 'Like a project',
  C9: 'Comment on a project',
  C10: 'Invite a friend',
  C11: 'Official project reward',
  C12: 'Upload a BOM with our template',
  C13: 'Upload a test file with a PCBA inquiry',
  C14: 'Pay a PCBA quotation within 5 days',
  C15: 'Check your PCBA progress',
  C16: 'Rate a PCBA photo or video',
  C17: 'Confirm a PCBA project',
  C18: 'Fill out a questionnaire',
  C19: 'Pending coins settled',
  C20: 'Each event counts once',
  C21: 'Only the shop awards coins',
  S1: 'Product redeemed',
  S2: 'Coupon redeemed',
  S3: 'Donation to a project',
  S4: 'No overdraft',
  M1: 'Partner seller fee',
  M2: 'Monthly seller payout',
  M3: 'First seller payout',
  M4: 'Store credit withdrawal',
  M5: 'Refund deducted from seller earnings',
  M6: 'Seller statement',
});

export function ruleTitle(ruleId: RuleId): string {
  return RULE_TITLES[ruleId];
}

/** The reason shown for a ledger entry: the rule's title, except for a returned redemption. */
export function ledgerReason(ruleId: RuleId, amount: number): string {
  if (ruleId === 'S1' && amount > 0) return 'Redeemed product removed from cart';
  return RULE_TITLES[ruleId];
}
