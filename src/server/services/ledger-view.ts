/**
 * A member's ledger as the API shows it (`GET /v1/me/ledger`): newest first, a page at a time,
 * with the reason of each entry in words. Pages follow a keyset cursor (the last id shown), so a
 * page never repeats or skips entries while new ones arrive. The cursor is opaque and signed: a
 * client cannot forge one, reuse another member's, or switch currency half-way through.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Currency, LedgerEntry, LedgerResponse } from '../../api/index.ts';
import { ledgerReason, RULE_TITLES, type RuleId } from '../../rules/index.ts';
import type { Queryable } from '../db/index.ts';
import { ProblemError } from '../errors.ts';

export const DEFAULT_LEDGER_PAGE = 20;

/** A row as json_agg renders it: the id a number, the time an ISO text with microseconds. */
interface LedgerViewRow {
  id: number;
  currency: Currency;
  amount: number;
  rule_id: string;
  ref: string | null;
  status: LedgerEntry['status'];
  created_at: string;
}

function isRuleId(value: string): value is RuleId {
  return Object.hasOwn(RULE_TITLES, value);
}

function reasonOf(ruleId: string, amount: number): string {
  if (ruleId === 'S3' && amount > 0) return 'Donation received';
  return isRuleId(ruleId) ? ledgerReason(ruleId, amount) : ruleId;
}

function toEntry(row: LedgerViewRow): LedgerEntry {
  return {
    id: String(row.id),
    currency: row.currency,
    amount: row.amount,
    ruleId: row.rule_id,
    reason: reasonOf(row.rule_id, row.amount),
    ref: row.ref,
    status: row.status,
    createdAt: new Date(row.created_at).toISOString(),
  };
}

/** Signs and checks cursors with a key of their own, derived from a server secret. */
export class LedgerCursors {
  readonly #key: Buffer;

  constructor(serverSecret: string) {
    this.#key = createHmac('sha256', serverSecret).update('ledger-cursor/v1').digest();
  }

  #mac(memberId: string, listing: string, payload: string): Buffer {
    return createHmac('sha256', this.#key).update(`${memberId}\n${listing}\n${payload}`).digest().subarray(0, 16);
  }

  encode(memberId: string, listing: string, lastId: number): string {
    const payload = Buffer.from(String(lastId)).toString('base64url');
    return `${payload}.${this.#mac(memberId, listing, payload).toString('base64url')}`;
  }

  /** The last id of the previous page; 400 for anything this server did not hand to this member for this listing. */
  decode(memberId: string, listing: string, cursor: string): number {
    const invalid = () =>
      new ProblemError('invalid_request', 'The cursor is not valid for this listing.', [
        { path: 'query.cursor', message: 'pass back a nextCursor of the same listing unchanged' },
      ]);
    const [payload, mac, extra] = cursor.split('.');
    if (payload === undefined || mac === undefined || extra !== undefined) throw invalid();
    const presented = Buffer.from(mac, 'base64url');
    const expected = this.#mac(memberId, listing, payload);
    if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) throw invalid();
    const lastId = Number(Buffer.from(payload, 'base64url').toString());
    if (!Number.isSafeInteger(lastId) || lastId < 1) throw invalid();
    return lastId;
  }
}

export interface LedgerPageRequest {
  memberId: string;
  /** Both currencies when absent. */
  currency?: Currency;
  limit?: number;
  cursor?: string;
}

/**
 * One branch per currency, each an equality on (member_id, currency) with a range on -id: each
 * reads only its page from the (member_id, currency, -id) index, so the first page costs the
 * same whether the member has ten entries or a million, and whatever other members hold. (Ordered
 * by id, the primary key would compete and, for a member with a large share of the ledger, be
 * walked backwards through everybody's newer entries; `= ANY(...)` on currency, or an `OR` for the
 * missing cursor, would keep the index from giving the order at all.)
 */
function firstEntriesSql(currencies: number): string {
  const branch = (i: number) =>
    `(SELECT id, currency, amount, rule_id, ref, status, created_at FROM ledger
      WHERE member_id = $1 AND currency = $${4 + i} AND -id > -$2::bigint ORDER BY -id LIMIT $3)`;
  const branches = Array.from({ length: currencies }, (_, i) => branch(i));
  return branches.length === 1 ? branches[0]! : `${branches.join(' UNION ALL ')} ORDER BY id DESC LIMIT $3`;
}

export async function ledgerPage(q: Queryable, request: LedgerPageRequest, cursors: LedgerCursors): Promise<LedgerResponse> {
  const currencies: Currency[] = request.currency ? [request.currency] : ['coins', 'points'];
  const listing = currencies.join('+');
  const limit = request.limit ?? DEFAULT_LEDGER_PAGE;
  const before = request.cursor === undefined ? Number.MAX_SAFE_INTEGER : cursors.decode(request.memberId, listing, request.cursor);
  // The page comes back as one JSON text rather than a row per entry: handing rows over one
  // by one (on PGlite, each through its protocol and type parsers) would cost more than the
  // read itself, and make a full page slower than an empty one.
  const { rows: found } = await q.query<{ page: string | null }>(
    `SELECT json_agg(entries)::text AS page FROM (${firstEntriesSql(currencies.length)}) AS entries`,
    [request.memberId, before, limit + 1, ...currencies],
  );
  const page = found[0]?.page;
  // Newest first, as the query read them (sorted again here: an aggregate's input order is not a
  // promise SQL makes).
  const rows = page ? (JSON.parse(page) as LedgerViewRow[]).sort((a, b) => b.id - a.id) : [];
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    entries: shown.map(toEntry),
    nextCursor: rows.length > limit && last ? cursors.encode(request.memberId, listing, last.id) : null,
  };
}
