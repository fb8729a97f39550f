/**
 * A partner seller's backstage (`/v1/seller/…`, M4 and M6) and the shop's side of it: naming
 * sellers, reading any seller's statement, their products and stock, and reporting withdrawals'
 * transfers. Backstage routes take a member token, like the member's own account, and answer 403
 * to a member who is not a seller; a seller only ever names themself, so another seller's data is
 * out of reach.
 */
import type { MiddlewareHandler } from 'hono';
import {
  endpoints,
  idPathParams,
  putSellerBody,
  putSellerProductBody,
  routerPath,
  sellerOrdersQuery,
  sellerProductPathParams,
  sellerWithdrawalPathParams,
  sellerWithdrawalsQuery,
  settleWithdrawalBody,
  withdrawBody,
} from '../../api/index.ts';
import type { Db } from '../db/index.ts';
import type { HttpDeps, RewardsApp } from '../http/app.ts';
import { memberIdOf } from '../http/auth.ts';
import type { AppEnv } from '../http/env.ts';
import { ProblemError } from '../errors.ts';
import { validJson, validParams, validQuery } from '../http/validate.ts';
import { LedgerCursors } from '../services/ledger-view.ts';
import { isSeller, putSeller, sellerAccount } from '../services/seller-account.ts';
import { sellerOrdersPage } from '../services/seller-orders.ts';
import { listSellerProducts, putSellerProduct } from '../services/seller-products.ts';
import { listWithdrawals, settleWithdrawal, withdraw } from '../services/withdrawals.ts';

/** Earnings and store credit are private: no shared cache may keep a copy. */
const privateResponse: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // Set on the answer itself: `c.header` after the answer would first copy it, body and all.
  c.res.headers.set('Cache-Control', 'no-store');
};

/** After the member guard: the member must be a partner seller. */
function sellersOnly(db: Db): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!(await isSeller(db, memberIdOf(c)))) throw new ProblemError('forbidden', 'Only a partner seller has a backstage.');
    await next();
  };
}

export function registerSellerRoutes(app: RewardsApp, deps: HttpDeps): void {
  const { db, clock } = deps;
  const seller = () => [privateResponse, deps.member(), sellersOnly(db)] as const;
  const cursors = new LedgerCursors(deps.config.memberSecret);

  app.get(routerPath(endpoints.getSellerMe.path), ...seller(), async (c) => c.json(await sellerAccount(db, memberIdOf(c), clock.now())));

  app.get(routerPath(endpoints.getSellerOrders.path), ...seller(), validQuery(sellerOrdersQuery), async (c) => {
    const { limit, cursor } = c.req.valid('query');
    return c.json(await sellerOrdersPage(db, { sellerId: memberIdOf(c), limit, cursor }, cursors));
  });

  app.get(routerPath(endpoints.getSellerProducts.path), ...seller(), async (c) => c.json(await listSellerProducts(db, memberIdOf(c))));

  app.post(routerPath(endpoints.withdraw.path), ...seller(), validJson(withdrawBody), async (c) =>
    c.json(await withdraw(db, memberIdOf(c), c.req.valid('json').amountCents, clock.now()), 201),
  );

  app.get(routerPath(endpoints.getSellerWithdrawals.path), ...seller(), validQuery(sellerWithdrawalsQuery), async (c) =>
    c.json(await listWithdrawals(db, memberIdOf(c), c.req.valid('query').limit)),
  );

  // The shop's side.
  app.put(routerPath(endpoints.putSeller.path), privateResponse, deps.shop(), validParams(idPathParams), validJson(putSellerBody), async (c) => {
    const { seller, created } = await putSeller(db, c.req.valid('param').id, c.req.valid('json').displayName);
    return c.json(seller, created ? 201 : 200);
  });

  app.get(routerPath(endpoints.getSeller.path), privateResponse, deps.shop(), validParams(idPathParams), async (c) => {
    const { id } = c.req.valid('param');
    if (!(await isSeller(db, id))) throw new ProblemError('not_found', `No partner seller ${id} is known.`);
    return c.json(await sellerAccount(db, id, clock.now()));
  });

  app.post(routerPath(endpoints.settleWithdrawal.path), deps.shop(), validParams(sellerWithdrawalPathParams), validJson(settleWithdrawalBody), async (c) => {
    const { id, withdrawalId } = c.req.valid('param');
    return c.json(await settleWithdrawal(db, { sellerId: id, withdrawalId, status: c.req.valid('json').status }, clock.now()));
  });

  app.put(routerPath(endpoints.putSellerProduct.path), deps.shop(), validParams(sellerProductPathParams), validJson(putSellerProductBody), async (c) => {
    const { id, sku } = c.req.valid('param');
    const { product, created } = await putSellerProduct(db, { sellerId: id, sku, ...c.req.valid('json') }, clock.now());
    return c.json(product, created ? 201 : 200);
  });
}
