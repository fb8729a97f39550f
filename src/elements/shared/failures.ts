/**
 * How an element reports a failed load or action: a short message for the member (by the
 * API's error code, never the server's English `detail`) and a `rewards-error` event for the
 * page, which may log it or refresh an ended session.
 */
import type enFaces from '../../i18n/en-faces.ts';
import { RewardsErrorEvent } from '../../events/error.ts';
import type { OriginRefusedError, RewardsError, RewardsErrorCode } from '../../sdk/errors.ts';

/**
 * The messages of failures; none takes parameters, so `t(failureMessageKey(error))` needs none.
 * They are in `en-faces.ts` (part of `en-core.ts`): every element, the level badge too, can show any of them.
 */
export type FailureMessageKey = Extract<keyof typeof enFaces, `error.${string}`>;

const MESSAGE_BY_CODE: Readonly<Record<string, FailureMessageKey>> = {
  network: 'error.network',
  timeout: 'error.network',
  unauthorized: 'error.unauthorized',
  rate_limited: 'error.rateLimited',
  insufficient_coins: 'error.insufficientCoins',
  already_checked_in: 'error.alreadyCheckedIn',
  out_of_stock: 'error.outOfStock',
  not_removable: 'error.notRemovable',
};

/**
 * Whether `error` is the SDK's `RewardsError` (with one of `codes`, if given). Told by its name and
 * code rather than by its class: the SDK loads on demand with the store, not with the element.
 */
export function isRewardsError(error: unknown, ...codes: RewardsErrorCode[]): error is RewardsError {
  if (!(error instanceof Error) || (error.name !== 'RewardsError' && error.name !== 'AbortError')) return false;
  const { code } = error as Partial<RewardsError>;
  return typeof code === 'string' && (codes.length === 0 || codes.includes(code));
}

/** The API's machine code of a failure, `network` for anything that is not a `RewardsError`. */
export function failureCode(error: unknown): string {
  return isRewardsError(error) ? error.code : 'network';
}

/** The catalog key of the message a member reads for a failure. */
export function failureMessageKey(error: unknown): FailureMessageKey {
  return MESSAGE_BY_CODE[failureCode(error)] ?? 'error.generic';
}

/** Whether the failure is the caller's own signal cancelling the call: nothing to report. */
export function isAborted(error: unknown): boolean {
  return isRewardsError(error, 'aborted') || (error instanceof DOMException && error.name === 'AbortError');
}

/** API origins whose refusal of this page was already explained: once a page, not once an element. */
const explainedRefusals = new Set<string>();

/** The `rewards-error` event for a failure of the element `source` (its tag name). */
export function failureEvent(error: unknown, source: string): RewardsErrorEvent {
  const rewardsError = isRewardsError(error) ? error : undefined;
  // The member reads "cannot be reached"; the page's developer needs the real cause.
  const cause = rewardsError?.cause;
  const refused = cause instanceof Error && cause.name === 'OriginRefusedError' ? (cause as OriginRefusedError) : undefined;
  if (refused && !explainedRefusals.has(refused.apiOrigin)) {
    explainedRefusals.add(refused.apiOrigin);
    console.warn(`member-rewards-kit: <${source}> ${refused.message}`);
  }
  return new RewardsErrorEvent({
    code: failureCode(error),
    status: rewardsError?.status ?? 0,
    detail: rewardsError?.detail ?? (error instanceof Error ? error.message : String(error)),
    source,
  });
}
