/**
 * C20 exactly-once delivery and C21 who may cause an award. Earning events come from the shop's
 * backend; the only award a member causes is the daily check-in (with its monthly bonus).
 */
import type { RuleId } from './decisions.ts';

/** The event types the shop's backend sends, with the rules each one may apply. */
export const SHOP_EVENT_RULES = Object.freeze({
  'member.registered': [],
  'order.completed': ['P1', 'P5', 'C1', 'C10', 'C19', 'M1', 'M3'],
  'order.cancelled': ['C19'],
  'order.refunded': ['P7', 'M5'],
  'newsletter.subscribed': ['C2'],
  'profile.completed': ['C3'],
  'project.approved': ['C4'],
  'feedback.shared': ['C5'],
  'project.liked': ['C8'],
  'project.commented': ['C9'],
  'project.rewarded': ['C11'],
  'bom.uploaded': ['C12'],
  'pcba.test_file_uploaded': ['C13'],
  'pcba.quotation_paid': ['C14'],
  'pcba.progress_checked': ['C15'],
  'pcba.media_rated': ['C16'],
  'pcba.confirmed': ['C17'],
  'questionnaire.completed': ['C18'],
  'project.created': [],
} as const satisfies Record<string, readonly RuleId[]>);

export type ShopEventType = keyof typeof SHOP_EVENT_RULES;
export const SHOP_EVENT_TYPES = Object.freeze(Object.keys(SHOP_EVENT_RULES) as ShopEventType[]);

/** The one thing a member does that earns coins. */
export type MemberAction = 'check_in';
export const MEMBER_ACTION_RULES = Object.freeze({ check_in: ['C6', 'C7'] } as const satisfies Record<MemberAction, readonly RuleId[]>);

export type Caller = 'member' | 'shop';

export function isShopEventType(type: string): type is ShopEventType {
  return Object.hasOwn(SHOP_EVENT_RULES, type);
}

/** C21: whether `caller` may trigger `trigger` — the shop sends events, a member only checks in. */
export function mayTrigger(caller: Caller, trigger: string): boolean {
  if (caller === 'shop') return isShopEventType(trigger);
  return trigger === 'check_in';
}

/** C21: whether an action of `caller` can ever credit under `ruleId`. */
export function mayAward(caller: Caller, ruleId: RuleId): boolean {
  const rules: ReadonlyArray<readonly RuleId[]> = Object.values(caller === 'member' ? MEMBER_ACTION_RULES : SHOP_EVENT_RULES);
  return rules.some((list) => list.includes(ruleId));
}

export interface EventIdentity {
  id: string;
  type: string;
  memberId: string;
}

export type DeliveryVerdict =
  | { duplicate: false }
  /** `sameEvent` is false when the id was reused for a different type or member: still nothing is credited. */
  | { duplicate: true; sameEvent: boolean };

/** C20: judge a delivery against the event already stored under its id (null when none). */
export function judgeDelivery(incoming: EventIdentity, stored: EventIdentity | null): DeliveryVerdict {
  if (!stored) return { duplicate: false };
  return { duplicate: true, sameEvent: stored.type === incoming.type && stored.memberId === incoming.memberId };
}

/** C20: of a stream of deliveries (retries, reordering), the ones that act: the first of each id. */
export function firstDeliveries<E extends { id: string }>(deliveries: readonly E[], alreadySeen: Iterable<string> = []): E[] {
  const seen = new Set(alreadySeen);
  return deliveries.filter((delivery) => {
    if (seen.has(delivery.id)) return false;
    seen.add(delivery.id);
    return true;
  });
}
