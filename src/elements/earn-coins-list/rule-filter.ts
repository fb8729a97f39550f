/**
 * Which ways to earn an `earn-coins-list` shows: every rule, or those named in its `rules`
 * attribute by id (`C6 C8`) or by group (`community`), in the server's order.
 */

/** Named groups of rules, for the `rules` attribute. */
export const RULE_GROUPS: Readonly<Record<string, readonly string[]>> = Object.freeze({
  /** Sharing, liking, commenting, inviting, staff rewards. */
  community: ['C4', 'C5', 'C8', 'C9', 'C10', 'C11'],
  /** Orders and the PCBA service. */
  orders: ['C1', 'C12', 'C13', 'C14', 'C15', 'C16', 'C17'],
  /** What can be earned every day. */
  daily: ['C6', 'C7', 'C8', 'C9'],
  /** One-time steps of the member's account. */
  account: ['C2', 'C3', 'C18'],
});

/** The rule ids a `rules` attribute names, or `undefined` for all. Unknown words are ignored. */
export function selectedRuleIds(attribute: string | undefined): ReadonlySet<string> | undefined {
  const words = (attribute ?? '').split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const ids = new Set<string>();
  for (const word of words) {
    const group = Object.hasOwn(RULE_GROUPS, word.toLowerCase()) ? RULE_GROUPS[word.toLowerCase()] : undefined;
    if (group) for (const id of group) ids.add(id);
    else ids.add(word.toUpperCase());
  }
  return ids;
}
