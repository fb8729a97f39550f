/**
 * How a ledger entry reads: its reason in the page's language and its amount with a sign.
 *
 * The server names the rule an entry was computed under (`C6`) and gives its English title as
 * `reason`. Spending (S1–S3) is the member's own doing and comes without a rule id, with the
 * English title only; it is recognised by that title. A reason the kit has no words for
 * (a rule an operator added) is shown as the server wrote it.
 */
import en, { type MessageKey } from '../../i18n/en.ts';
import type { LedgerEntry } from '../../api/member.ts';
import { formatSigned } from '../shared/format.ts';

type ReasonKey = Extract<MessageKey, `reason.${string}`>;

/** English reason → its key, for entries that arrive without a rule id. */
function isReasonKey(key: string): key is ReasonKey {
  return key.startsWith('reason.') && Object.hasOwn(en, key);
}

const REASON_BY_ENGLISH: ReadonlyMap<string, ReasonKey> = (() => {
  const byText = new Map<string, ReasonKey>();
  for (const [key, text] of Object.entries(en) as [string, unknown][]) {
    if (isReasonKey(key) && typeof text === 'string') byText.set(text, key);
  }
  // The server's shorter wording of a donation to the member's own project.
  byText.set('Donation received', 'reason.S3.received');
  return byText;
})();

/** The catalog key of an entry's reason, or `undefined` when the kit has no words for it. */
export function reasonKey(entry: Pick<LedgerEntry, 'ruleId' | 'amount' | 'reason'>): ReasonKey | undefined {
  const { ruleId, amount } = entry;
  if (ruleId) {
    // Coins coming back: a redeemed gift removed from the cart, a donation to one's project.
    if (ruleId === 'S1' && amount > 0) return 'reason.S1.returned';
    if (ruleId === 'S3' && amount > 0) return 'reason.S3.received';
    const key = `reason.${ruleId}`;
    if (isReasonKey(key)) return key;
  }
  return REASON_BY_ENGLISH.get(entry.reason);
}

/** `+10`, `−500` (a true minus sign, read as "minus"), `0`; digits grouped for the locale. */
export function signedAmount(locale: string, amount: number): string {
  return formatSigned(locale, amount).replace(/-/g, '\u2212');
}
