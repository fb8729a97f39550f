/**
 * How a ledger entry reads: its reason in the page's language and its amount with a sign.
 *
 * The server names the rule an entry was computed under (`C6`, `S1`) and gives its English title
 * as `reason`. A reason the kit has no words for (a rule an operator added) is shown as the
 * server wrote it.
 */
import type { MessageKey } from '../../i18n/en.ts';
import enCoinHistoryReady from '../../i18n/en-coin-history-ready.ts';
import type { LedgerEntry } from '../../api/member.ts';
import { formatSigned } from '../shared/format.ts';

type ReasonKey = Extract<MessageKey, `reason.${string}`>;

function isReasonKey(key: string): key is ReasonKey {
  return key.startsWith('reason.') && Object.hasOwn(enCoinHistoryReady, key);
}

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
  return undefined;
}

/** `+10`, `−500` (a true minus sign, read as "minus"), `0`; digits grouped for the locale. */
export function signedAmount(locale: string, amount: number): string {
  return formatSigned(locale, amount).replace(/-/g, '\u2212');
}
