/**
 * The one error type every SDK call rejects with. Callers branch on `code`, never on messages.
 */
import type { ErrorCode, ProblemFieldError } from '../api/errors.ts';

/**
 * What went wrong:
 * - a code of the API (`insufficient_coins`, `already_checked_in`, `unauthorized`, …), taken
 *   from the server's problem document;
 * - `invalid_response`: the server answered something that is not the contract (wrong types,
 *   missing fields, an HTML error page, broken JSON);
 * - `network`: no answer at all (offline, DNS, CORS refusal, connection reset);
 * - `timeout`: an attempt took longer than the client's `timeoutMs`;
 * - `aborted`: the caller's `AbortSignal` fired (the error's `name` is then `AbortError`).
 */
export type RewardsErrorCode = ErrorCode | 'invalid_response' | 'network' | 'timeout' | 'aborted';

export interface RewardsErrorInit {
  code: RewardsErrorCode;
  detail: string;
  /** The HTTP status of the answer; absent when there was no answer. */
  status?: number;
  /** The field errors of an `invalid_request`. */
  errors?: readonly ProblemFieldError[];
  /** The server's `X-Request-Id`, to quote when reporting a problem. */
  requestId?: string;
  cause?: unknown;
}

export class RewardsError extends Error {
  readonly code: RewardsErrorCode;
  readonly detail: string;
  readonly status: number | undefined;
  readonly errors: readonly ProblemFieldError[] | undefined;
  readonly requestId: string | undefined;

  constructor(init: RewardsErrorInit) {
    super(`${init.code}: ${init.detail}`, init.cause === undefined ? undefined : { cause: init.cause });
    // Code that checks `error.name === 'AbortError'` keeps working for aborted calls.
    this.name = init.code === 'aborted' ? 'AbortError' : 'RewardsError';
    this.code = init.code;
    this.detail = init.detail;
    this.status = init.status;
    this.errors = init.errors;
    this.requestId = init.requestId;
  }
}

/** Whether `error` is a `RewardsError`, optionally with one of the given codes. */
export function isRewardsError(error: unknown, ...codes: RewardsErrorCode[]): error is RewardsError {
  return error instanceof RewardsError && (codes.length === 0 || codes.includes(error.code));
}

/** The error for a call that the caller's signal cancelled. */
export function abortedError(signal: AbortSignal | undefined): RewardsError {
  return new RewardsError({ code: 'aborted', detail: 'The call was aborted.', cause: signal?.reason });
}

/**
 * The cause of a `network` error when the API did answer but the browser withheld the answer:
 * the page's origin is most likely not among the API's allowed origins (CORS). Retrying cannot help.
 */
export class OriginRefusedError extends Error {
  readonly pageOrigin: string;
  readonly apiOrigin: string;

  constructor(pageOrigin: string, apiOrigin: string) {
    super(
      `${apiOrigin} answered, but the browser withheld the answer from this page: its origin ${pageOrigin} is probably not allowed by the API (add it to REWARDS_ALLOWED_ORIGINS on the rewards server).`,
    );
    this.name = 'OriginRefusedError';
    this.pageOrigin = pageOrigin;
    this.apiOrigin = apiOrigin;
  }
}
