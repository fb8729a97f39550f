/**
 * A member's own account (`/v1/me…`) and donating to a project. Every route runs behind
 * `deps.member()`: the member token (401 without one, 403 for the shop's key), the per-member
 * rate limit, and idempotency for POST, PATCH and DELETE. A member only ever names their own
 * account, so another member's cart item is simply not found.
 */
import type { MiddlewareHandler } from 'hono';
import {
  cartItemPathParams,
  checkInsQuery,
  donateBody,
  endpoints,
  idPathParams,
  ledgerQuery,
  redeemBody,
  routerPath,
  updateCartItemBody,
  type MeResponse,
} from '../../api/index.ts';
import type { Db } from '../db/index.ts';
import type { HttpDeps, RewardsApp } from '../http/app.ts';
import { memberIdOf } from '../http/auth.ts';
import type { AppEnv } from '../http/env.ts';
import { validJson, validParams, validQuery } from '../http/validate.ts';
import { listCart, removeCartItem, setUpgradeGiftShipping } from '../services/cart.ts';
import { checkIn, checkInsView } from '../services/check-ins.ts';
import { donate } from '../services/donations.ts';
import { earningProgress } from '../services/earning-progress.ts';
import { LedgerCursors, ledgerPage } from '../services/ledger-view.ts';
import { ensureMember } from '../services/members.ts';
import { memberView } from '../services/members-view.ts';
import { listCoupons, redeem } from '../services/redemptions.ts';
import { currentRules } from '../services/rules-store.ts';

/** An account is private: no shared cache may keep a copy. */
const privateResponse: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  // Set on the answer itself: `c.header` after the answer would first copy it, body and all.
  c.res.headers.set('Cache-Control', 'no-store');
};

/**
 * The account as `/v1/me` shows it. The shop signed the token, so the member exists from now on,
 * even if no event has named them yet; the row is written only then, so reads stay reads.
 */
async function ownAccount(db: Db, memberId: string): Promise<MeResponse> {
  const rules = await currentRules(db);
  const seen = await memberView(db, memberId, rules);
  if (seen) return seen;
  await ensureMember(db, memberId);
  const created = await memberView(db, memberId, rules);
  if (!created) throw new Error(`member ${memberId} was not created`);
  return created;
}

export function registerMemberRoutes(app: RewardsApp, deps: HttpDeps): void {
  const { db, clock } = deps;
  const member = () => [privateResponse, deps.member()] as const;
  const cursors = new LedgerCursors(deps.config.memberSecret);

  app.get(routerPath(endpoints.getMe.path), ...member(), async (c) => c.json(await ownAccount(db, memberIdOf(c))));

  app.get(routerPath(endpoints.getLedger.path), ...member(), validQuery(ledgerQuery), async (c) => {
    const { currency, limit, cursor } = c.req.valid('query');
    return c.json(await ledgerPage(db, { memberId: memberIdOf(c), currency, limit, cursor }, cursors));
  });

  app.get(routerPath(endpoints.getEarning.path), ...member(), async (c) => c.json(await earningProgress(db, memberIdOf(c), clock.now())));

  app.get(routerPath(endpoints.getCheckIns.path), ...member(), validQuery(checkInsQuery), async (c) =>
    c.json(await checkInsView(db, memberIdOf(c), clock.now(), c.req.valid('query').month)),
  );

  app.post(routerPath(endpoints.checkIn.path), ...member(), async (c) => c.json(await checkIn(db, memberIdOf(c), clock.now()), 201));

  app.get(routerPath(endpoints.getCart.path), ...member(), async (c) => c.json(await listCart(db, memberIdOf(c))));

  app.post(routerPath(endpoints.redeem.path), ...member(), validJson(redeemBody), async (c) =>
    c.json(await redeem(db, memberIdOf(c), c.req.valid('json').catalogItemId, clock.now()), 201),
  );

  app.delete(routerPath(endpoints.removeCartItem.path), ...member(), validParams(cartItemPathParams), async (c) =>
    c.json(await removeCartItem(db, memberIdOf(c), c.req.valid('param').itemId, clock.now())),
  );

  app.patch(routerPath(endpoints.updateCartItem.path), ...member(), validParams(cartItemPathParams), validJson(updateCartItemBody), async (c) =>
    c.json(await setUpgradeGiftShipping(db, memberIdOf(c), c.req.valid('param').itemId, c.req.valid('json').shipping)),
  );

  app.get(routerPath(endpoints.getCoupons.path), ...member(), async (c) => c.json(await listCoupons(db, memberIdOf(c))));

  app.post(routerPath(endpoints.donate.path), ...member(), validParams(idPathParams), validJson(donateBody), async (c) => {
    const donation = { donorId: memberIdOf(c), projectId: c.req.valid('param').id, coins: c.req.valid('json').coins };
    return c.json(await donate(db, donation, clock.now()), 201);
  });
}
