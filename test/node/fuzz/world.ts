/**
 * A rewards app with something in it for every operation to act on (the ids of `knownIds`), the
 * way to call an operation as its caller, and a snapshot of every table to prove that a refused
 * request changed nothing.
 */
import assert from 'node:assert/strict';
import type { Db } from '../../../src/server/db/index.ts';
import { TestApp, type Reply } from '../server/member/support.ts';
import { knownIds, pathParamValue, type Caller, type Operation } from './operations.ts';

export async function seededApp(db: Db): Promise<TestApp> {
  const t = new TestApp(db);
  await t.event(knownIds.member, 'member.registered', { displayName: 'Fuzz One' });
  await t.event(knownIds.otherMember, 'member.registered', { displayName: 'Fuzz Two' });
  await t.event(knownIds.seller, 'member.registered', { displayName: 'Fuzz Seller' });
  await t.event(knownIds.otherMember, 'project.created', { projectId: knownIds.project, title: 'A project' });
  await t.putItem(knownIds.catalogItem, { kind: 'product', coins: 10, stock: 1000 });
  const product = await t.asShop('PUT', `/v1/sellers/${knownIds.seller}/products/${knownIds.sku}`, { body: { name: 'Board', stock: 50 } });
  assert.ok(product.status < 300, product.text);
  await t.giveCoins(knownIds.member, 3000);
  return t;
}

export interface Call {
  method: string;
  /** A concrete path with its query string. */
  url: string;
  headers?: Record<string, string>;
  /** A string is sent as-is. */
  body?: unknown;
}

/** The valid credentials of each kind of caller. */
export function send(t: TestApp, caller: Caller, call: Call): Promise<Reply> {
  const options = { headers: call.headers ?? {}, ...(call.body === undefined ? {} : { body: call.body }) };
  switch (caller) {
    case 'member':
      return t.asMember(knownIds.member, call.method, call.url, options);
    case 'seller':
      return t.asMember(knownIds.seller, call.method, call.url, options);
    case 'shop':
      return t.asShop(call.method, call.url, options);
    default:
      return t.request(call.method, call.url, options);
  }
}

/** The operation's path with each `{name}` filled (values percent-encoded), and a query string. */
/** Percent-encoded; a lone surrogate half, which UTF-8 cannot carry, as the bytes a careless client would send. */
export function encodeSegment(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split(/([\uD800-\uDFFF])/)
      .map((part) => (/^[\uD800-\uDFFF]$/.test(part) ? '%ED%A0%80' : encodeURIComponent(part)))
      .join('');
  }
}

export function urlOf(op: Operation, params: Record<string, string> = {}, query: Record<string, string> = {}): string {
  const path = op.path.replace(/\{(\w+)\}/g, (_whole, name: string) => encodeSegment(params[name] ?? pathParamValue(op.path, name)));
  const search = new URLSearchParams(query).toString();
  return search ? `${path}?${search}` : path;
}

/** Every row of every table of the public schema, as one comparable string. */
export async function snapshotTables(db: Db): Promise<Record<string, string>> {
  const { rows: tables } = await db.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const snapshot: Record<string, string> = {};
  for (const { name } of tables) {
    const { rows } = await db.query(`SELECT to_jsonb(t)::text AS row FROM "${name}" t ORDER BY 1`);
    snapshot[name] = rows.map((row) => (row as { row: string }).row).join('\n');
  }
  return snapshot;
}
