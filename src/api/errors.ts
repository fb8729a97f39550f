/**
 * Errors on the wire: RFC 9457 problem details with a stable machine `code`.
 */
import * as z from 'zod/mini';

export const problemContentType = 'application/problem+json';

/** Every code the API answers with, and the HTTP status and title each one always carries. */
const problemKinds = {
  invalid_request: { status: 400, title: 'The request is not valid' },
  unauthorized: { status: 401, title: 'Missing or invalid credentials' },
  forbidden: { status: 403, title: 'These credentials do not allow this call' },
  not_found: { status: 404, title: 'Not found' },
  already_checked_in: { status: 409, title: 'Already checked in today' },
  insufficient_coins: { status: 409, title: 'Not enough coins' },
  out_of_stock: { status: 409, title: 'Out of stock' },
  not_removable: { status: 409, title: 'This item can no longer be changed' },
  idempotency_conflict: { status: 409, title: 'Idempotency key reused with a different request' },
  coupon_used: { status: 409, title: 'This coupon has been used by another order' },
  insufficient_funds: { status: 409, title: 'Not enough store credit' },
  payload_too_large: { status: 413, title: 'The request body is too large' },
  rate_limited: { status: 429, title: 'Too many requests' },
  internal: { status: 500, title: 'Internal error' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof problemKinds;
export const errorCodes = Object.keys(problemKinds) as readonly ErrorCode[] as readonly [ErrorCode, ...ErrorCode[]];
export const errorCode = z.enum(errorCodes);

/** Whether a value (say, the `code` of a response) is one of the contract's codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.hasOwn(problemKinds, value);
}

export function statusOf(code: ErrorCode): number {
  return problemKinds[code].status;
}

export function titleOf(code: ErrorCode): string {
  return problemKinds[code].title;
}

/** The `type` URI of a code's problem. */
export function problemTypeOf(code: ErrorCode): string {
  return `urn:member-rewards-kit:problem:${code}`;
}

/** One thing wrong with a request; `path` is dotted (`data.lines.0.quantity`), empty for the whole input. */
export const problemFieldError = z.object({
  path: z.string().check(z.maxLength(1000)),
  message: z.string().check(z.maxLength(1000)),
});
export type ProblemFieldError = z.infer<typeof problemFieldError>;

export const problemDetails = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int().check(z.minimum(400), z.maximum(599)),
  detail: z.string(),
  code: errorCode,
  errors: z.optional(z.array(problemFieldError)),
});
export type ProblemDetails = z.infer<typeof problemDetails>;

/** At most this many field errors go into one problem; a client fixes the first ones first. */
const maxFieldErrors = 50;

/**
 * The problem for `code`, with the `type`, `title` and `status` that belong to it.
 * `internal` problems never carry details or field errors, whatever the caller passes: they
 * would leak internals to callers who cannot act on them.
 */
export function problem(code: ErrorCode, detail: string, errors?: readonly ProblemFieldError[]): ProblemDetails {
  const { status, title } = problemKinds[code];
  if (code === 'internal') return { type: problemTypeOf(code), title, status, detail: title, code };
  const result: ProblemDetails = { type: problemTypeOf(code), title, status, detail: detail || title, code };
  if (errors && errors.length > 0) result.errors = errors.slice(0, maxFieldErrors);
  return result;
}

/** Field errors for a 400, worded for a developer, from the issues of a failed parse. */
export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[], prefix: readonly PropertyKey[] = []): ProblemFieldError[] {
  return issues.map((issue) => ({
    path: [...prefix, ...issue.path].map(String).join('.'),
    message: describeIssue(issue),
  }));
}

/** The 400 problem for a failed parse of one part of a request (`body`, `query`, `params`, `headers`). */
export function invalidRequestProblem(issues: readonly z.core.$ZodIssue[], part?: string): ProblemDetails {
  const errors = fieldErrorsFromIssues(issues, part ? [part] : []);
  const first = errors[0];
  const detail = first ? `${first.path || part || 'request'}: ${first.message}` : 'The request is not valid';
  return problem('invalid_request', detail, errors);
}

/** zod/mini ships without message catalogs, so issues are worded here. */
function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type': {
      const expected = issue.expected === 'int' ? 'an integer' : issue.expected;
      // Issues carry `input` only when parsed with `reportInput: true`; only then can "missing" be told apart.
      return 'input' in issue && issue.input === undefined ? `required (${expected})` : `expected ${expected}`;
    }
    case 'invalid_value':
      return `expected one of: ${issue.values.map((value) => JSON.stringify(value)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any allowed shape';
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''}: ${issue.keys.join(', ')}`;
    case 'too_small':
      return boundMessage('at least', 'more than', issue.origin, issue.minimum, issue.inclusive, issue.exact);
    case 'too_big':
      return boundMessage('at most', 'less than', issue.origin, issue.maximum, issue.inclusive, issue.exact);
    case 'invalid_format':
      return issue.format === 'regex' ? 'has an invalid format' : `expected a valid ${issue.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${String(issue.divisor)}`;
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    case 'custom':
      return issue.message || 'is not valid';
  }
}

function boundMessage(
  inclusiveWord: string,
  exclusiveWord: string,
  origin: string,
  bound: number | bigint,
  inclusive: boolean | undefined,
  exact: boolean | undefined,
): string {
  const unit = origin === 'string' ? ' characters' : origin === 'array' || origin === 'set' ? ' entries' : '';
  if (exact) return `must have exactly ${String(bound)}${unit}`;
  if (unit) return `must have ${inclusiveWord} ${String(bound)}${unit}`;
  return `must be ${inclusive === false ? exclusiveWord : inclusiveWord} ${String(bound)}`;
}
