/**
 * Checkout, for the shop's backend: a quote before the order (P4, P1/C1), the member's gifts and
 * coupons to put into it, and marking a coupon used by it.
 */
import { couponPathParams, endpoints, idPathParams, quoteBody, routerPath, useCouponBody } from '../../api/index.ts';
import type { HttpDeps, RewardsApp } from '../http/app.ts';
import { validJson, validParams } from '../http/validate.ts';
import { listCart } from '../services/cart.ts';
import { useCoupon } from '../services/coupons.ts';
import { quote } from '../services/quotes.ts';
import { listCoupons } from '../services/redemptions.ts';

export function registerCheckoutRoutes(app: RewardsApp, deps: HttpDeps): void {
  const { db, clock } = deps;

  app.post(routerPath(endpoints.createQuote.path), deps.shop(), validJson(quoteBody), async (c) => c.json(await quote(db, c.req.valid('json')), 200));

  app.get(routerPath(endpoints.getMemberCart.path), deps.shop(), validParams(idPathParams), async (c) =>
    c.json(await listCart(db, c.req.valid('param').id), 200),
  );

  app.get(routerPath(endpoints.getMemberCoupons.path), deps.shop(), validParams(idPathParams), async (c) =>
    c.json(await listCoupons(db, c.req.valid('param').id), 200),
  );

  app.post(routerPath(endpoints.useCoupon.path), deps.shop(), validParams(couponPathParams), validJson(useCouponBody), async (c) => {
    const use = { code: c.req.valid('param').code, ...c.req.valid('json') };
    return c.json(await useCoupon(db, use, clock.now()), 201);
  });
}
