/**
 * Recognizing the database's refusals, identically for pg's and PGlite's errors (both carry the
 * server's SQLSTATE in `code` and the constraint's name in `constraint`), so services can turn a
 * refused duplicate or a refused negative balance into an API answer.
 */

export const SQLSTATE = {
  featureNotSupported: '0A000',
  restrictViolation: '23001',
  notNullViolation: '23502',
  foreignKeyViolation: '23503',
  uniqueViolation: '23505',
  checkViolation: '23514',
  transactionRolledBack: '25P02',
  invalidStatementName: '26000',
  duplicatePreparedStatement: '42P05',
  serializationFailure: '40001',
  deadlockDetected: '40P01',
} as const;

interface DatabaseErrorLike {
  code: string;
  severity?: string;
  constraint?: string;
}

// SQLSTATEs are five digits or upper-case letters. Node's own errors also use `code`
// (ECONNREFUSED, and EPIPE is five letters), but never with a `severity`, which every error
// reported by PostgreSQL has.
function isDatabaseError(error: unknown): error is DatabaseErrorLike {
  if (typeof error !== 'object' || error === null) return false;
  const { code, severity } = error as Record<string, unknown>;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string';
}

/** The SQLSTATE of an error raised by either engine, or undefined for any other error. */
export function sqlStateOf(error: unknown): string | undefined {
  return isDatabaseError(error) ? error.code : undefined;
}

/** The name of the constraint (or unique index) that refused the statement, if the error names one. */
export function constraintOf(error: unknown): string | undefined {
  if (!isDatabaseError(error)) return undefined;
  return typeof error.constraint === 'string' ? error.constraint : undefined;
}

/** SQLSTATE 23505: a primary key or unique index refused a second row (optionally: this one). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return sqlStateOf(error) === SQLSTATE.uniqueViolation && (constraint === undefined || constraintOf(error) === constraint);
}

/** SQLSTATE 23514: a check constraint refused a value, e.g. a balance below zero (optionally: this one). */
export function isCheckViolation(error: unknown, constraint?: string): boolean {
  return sqlStateOf(error) === SQLSTATE.checkViolation && (constraint === undefined || constraintOf(error) === constraint);
}

/** SQLSTATE 23503: a row points at one that does not exist (or is still pointed at). */
export function isForeignKeyViolation(error: unknown): boolean {
  return sqlStateOf(error) === SQLSTATE.foreignKeyViolation;
}

/** SQLSTATE 23001: the ledger refused to change or delete an entry (it is append-only). */
export function isAppendOnlyViolation(error: unknown): boolean {
  return sqlStateOf(error) === SQLSTATE.restrictViolation;
}
