import type { StatementBefore } from '../db/index.ts';

/** Who is calling, as proven by their credential (see auth.ts). */
export type Caller = { kind: 'member'; memberId: string } | { kind: 'shop' };

/** The per-request values middleware leaves on the Hono context. */
export interface AppVariables {
  /** Set for every request by request-context.ts. */
  requestId: string;
  /** Set by the auth middleware; absent on public routes. */
  caller: Caller | undefined;
  /** Set by the auth middleware when the caller is a member. */
  memberId: string | undefined;
  /** Set by the database rate limiter for a request that opens a transaction: its token, taken with the BEGIN (rate-limit.ts). */
  takeBeforeTransaction: StatementBefore | undefined;
}

export interface AppEnv {
  Variables: AppVariables;
}
