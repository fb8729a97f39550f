/**
 * Domain errors: what a service refuses, with the API's stable code. Services throw them; the HTTP
 * layer (src/server/http/problem.ts) only renders them as problem documents.
 */
import { problem, type ErrorCode as ProblemCode, type ProblemDetails as Problem, type ProblemFieldError as FieldError } from '../api/errors.ts';

/** Thrown by a service (or the HTTP layer) to answer with a problem document of the API's codes. */
export class ProblemError extends Error {
  constructor(
    readonly code: ProblemCode,
    readonly detail: string,
    readonly errors?: readonly FieldError[],
    /** Extra response headers, e.g. `WWW-Authenticate` or `Retry-After`. */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(detail);
    this.name = 'ProblemError';
  }

  toProblem(): Problem {
    return problem(this.code, this.detail, this.errors);
  }
}
