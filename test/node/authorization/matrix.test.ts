/**
 * Who may call what, for every endpoint of the table and every kind of caller: anonymous, member
 * A, member B, a seller, a non-seller, the shop's key and a wrong one, an expired token, an
 * `alg: none` token and a token signed with another secret. The matrix below says who each
 * endpoint is for; an endpoint of the table without a row fails the test, so a new endpoint is
 * only merged with its row.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { endpointList, type EndpointAuth } from '../../../src/api/endpoints.ts';
import { signMemberToken } from '../../../src/server/http/auth.ts';
import { databaseTargets, type TestDatabase } from '../support/databases.ts';
import { API_KEY, MEMBER_SECRET, TestApp } from '../server/member/support.ts';
import { operations, sample } from '../fuzz/operations.ts';
import { encodeSegment } from '../fuzz/world.ts';

interface Row {
  /** Who the endpoint is for. */
  for: EndpointAuth;
  /** A path parameter naming something of member A's: member B gets 404 for it, as for anything not theirs. */
  ownedByA?: 'cartItem';
}

export const matrix: Record<string, Row> = {
  getLevels: { for: 'public' },
  getEarningRules: { for: 'public' },
  getCatalog: { for: 'public' },
  getBadges: { for: 'public' },
  getBadgeSvg: { for: 'public' },
  getProjectDonations: { for: 'public' },
  getOpenApi: { for: 'public' },
  getMe: { for: 'member' },
  getLedger: { for: 'member' },
  getEarning: { for: 'member' },
  getCheckIns: { for: 'member' },
  checkIn: { for: 'member' },
  getCart: { for: 'member' },
  redeem: { for: 'member' },
  removeCartItem: { for: 'member', ownedByA: 'cartItem' },
  updateCartItem: { for: 'member', ownedByA: 'cartItem' },
  getCoupons: { for: 'member' },
  donate: { for: 'member' },
  sendEvent: { for: 'shop' },
  getMember: { for: 'shop' },
  putCatalogItem: { for: 'shop' },
  deleteCatalogItem: { for: 'shop' },
  getRules: { for: 'shop' },
  putRules: { for: 'shop' },
  runPayouts: { for: 'shop' },
  putSellerProduct: { for: 'shop' },
  getSellerMe: { for: 'seller' },
  getSellerOrders: { for: 'seller' },
  getSellerProducts: { for: 'seller' },
  withdraw: { for: 'seller' },
  // Partner sellers, managed by the shop, and the seller's withdrawals.
  getPayoutRuns: { for: 'shop' },
  putSeller: { for: 'shop' },
  getSeller: { for: 'shop' },
  settleWithdrawal: { for: 'shop' },
  getSellerWithdrawals: { for: 'seller' },
  // Checkout and webhooks.
  createQuote: { for: 'shop' },
  getMemberCart: { for: 'shop' },
  getMemberCoupons: { for: 'shop' },
  useCoupon: { for: 'shop' },
  putWebhook: { for: 'shop' },
  getWebhooks: { for: 'shop' },
  deleteWebhook: { for: 'shop' },
  getWebhookDeliveries: { for: 'shop' },
  retryWebhookDelivery: { for: 'shop' },
};

const callers = ['anonymous', 'memberA', 'memberB', 'seller', 'nonSeller', 'shop', 'wrongKey', 'expiredToken', 'algNone', 'otherSecret'] as const;
type CallerName = (typeof callers)[number];

/** `allowed`: the call gets past authorization (any answer but 401, 403 or a 5xx). */
type Expected = 401 | 403 | 404 | 'allowed';

function expected(row: Row, caller: CallerName): Expected {
  if (['wrongKey', 'expiredToken', 'algNone', 'otherSecret'].includes(caller)) return row.for === 'public' ? 'allowed' : 401;
  if (row.for === 'public') return 'allowed';
  if (caller === 'anonymous') return 401;
  const isMember = caller !== 'shop';
  switch (row.for) {
    case 'member':
      if (!isMember) return 403;
      return row.ownedByA && caller !== 'memberA' ? 404 : 'allowed';
    case 'shop':
      return isMember ? 403 : 'allowed';
    case 'seller':
      return caller === 'seller' ? 'allowed' : 403;
  }
}

const A = 'authz-a';
const B = 'authz-b';
const SELLER = 'authz-seller';

function base64url(value: object): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

test('every endpoint of the table has a row in the matrix, and the row agrees with the table', () => {
  for (const endpoint of endpointList) {
    const row = matrix[endpoint.id];
    assert.ok(row, `${endpoint.method} ${endpoint.path} (${endpoint.id}) has no row in the authorization matrix: add one`);
    assert.equal(row.for, endpoint.auth, `${endpoint.id}: the matrix and the endpoint table disagree on who may call`);
  }
});

for (const target of databaseTargets()) {
  describe(`authorization matrix (${target.name})`, () => {
    let db: TestDatabase;
    let t: TestApp;
    let cartItemOfA = '';
    const headers = {} as Record<CallerName, Record<string, string>>;

    before(async () => {
      db = await target.open();
      t = new TestApp(db);
      for (const id of [A, B, SELLER]) await t.event(id, 'member.registered', { displayName: id });
      await t.asShop('PUT', `/v1/sellers/${SELLER}/products/sku-1`, { body: { name: 'Board', stock: 5 } });
      await t.putItem('authz-item', { kind: 'product', coins: 10, stock: 100 });
      await t.giveCoins(A, 1000);
      const redeemed = await t.asMember<{ cartItem: { id: string } }>(A, 'POST', '/v1/me/redemptions', { body: { catalogItemId: 'authz-item' } });
      assert.equal(redeemed.status, 201, redeemed.text);
      cartItemOfA = redeemed.body.cartItem.id;

      const now = t.clock.now();
      const bearer = async (id: string, secret = MEMBER_SECRET, at = now) => ({ Authorization: `Bearer ${await signMemberToken(secret, id, 3600, at)}` });
      const exp = Math.floor(now.getTime() / 1000) + 3600;
      Object.assign(headers, {
        anonymous: {},
        memberA: await bearer(A),
        memberB: await bearer(B),
        seller: await bearer(SELLER),
        nonSeller: await bearer(A),
        shop: { 'X-Api-Key': API_KEY },
        wrongKey: { 'X-Api-Key': `${API_KEY}-wrong` },
        expiredToken: await bearer(A, MEMBER_SECRET, new Date(now.getTime() - 7_200_000)),
        algNone: { Authorization: `Bearer ${base64url({ alg: 'none', typ: 'JWT' })}.${base64url({ sub: A, exp })}.` },
        otherSecret: await bearer(A, 'another-secret-entirely-0123456789abcdef'),
      });
    });
    after(() => db.drop());

    test('each caller gets the expected status on each endpoint', async () => {
      const mismatches: string[] = [];
      let cells = 0;
      for (const op of operations()) {
        const row = matrix[op.id];
        if (!row) continue; // reported by the test above
        const path = op.path.replace(/\{(\w+)\}/g, (_whole, name: string) =>
          encodeSegment(row.ownedByA === 'cartItem' && name === 'itemId' ? cartItemOfA : name === 'id' && op.path.includes('/members/') ? A : `authz-${name}`),
        );
        const query = new URLSearchParams(
          Object.fromEntries(op.parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(sample(p.schema, p.name))])),
        ).toString();
        const url = query ? `${path}?${query}` : path;
        for (const caller of callers) {
          cells += 1;
          const body = op.body ? sample(op.body) : undefined;
          const reply = await t.request(op.method, url, { headers: headers[caller], ...(body === undefined ? {} : { body }) });
          const want = expected(row, caller);
          const ok = want === 'allowed' ? ![401, 403].includes(reply.status) && reply.status < 500 : reply.status === want;
          if (!ok) mismatches.push(`${op.method} ${op.path} as ${caller}: expected ${want}, got ${reply.status} ${reply.text.slice(0, 120)}`);
        }
      }
      console.log(`# authorization cells (${target.name}): ${cells}`);
      assert.deepEqual(mismatches, []);
    });
  });
}
