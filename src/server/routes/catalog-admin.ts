/**
 * The shop's backend manages the catalog: `PUT /v1/catalog/{id}` creates (201) or replaces (200)
 * an item, `DELETE` withdraws it from redemption.
 */
import { endpoints, idPathParams, putCatalogItemBody, routerPath } from '../../api/index.ts';
import type { HttpDeps, RewardsApp } from '../http/app.ts';
import { ProblemError } from '../errors.ts';
import { validJson, validParams } from '../http/validate.ts';
import { deactivateCatalogItem, putCatalogItem } from '../services/catalog.ts';

export function registerCatalogAdminRoutes(app: RewardsApp, deps: HttpDeps): void {
  const { db, clock } = deps;

  app.put(routerPath(endpoints.putCatalogItem.path), deps.shop(), validParams(idPathParams), validJson(putCatalogItemBody), async (c) => {
    const body = c.req.valid('json');
    // A free item would let anyone empty the stock without spending anything.
    if (body.coins < 1) {
      throw new ProblemError('invalid_request', 'body.coins: must be at least 1', [{ path: 'body.coins', message: 'must be at least 1' }]);
    }
    const { item, created } = await putCatalogItem(db, c.req.valid('param').id, body, clock.now());
    return c.json(item, created ? 201 : 200);
  });

  app.delete(routerPath(endpoints.deleteCatalogItem.path), deps.shop(), validParams(idPathParams), async (c) =>
    c.json(await deactivateCatalogItem(db, c.req.valid('param').id, clock.now())),
  );
}
