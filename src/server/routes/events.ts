/**
 * `POST /v1/events`: the shop's backend reports what a member did (C21: never a member). The
 * event is validated whole before anything is written; a second delivery of an id credits
 * nothing more (C20).
 */
import { shopEvent } from '../../api/index.ts';
import type { RewardsApp, HttpDeps } from '../http/app.ts';
import { validJson } from '../http/validate.ts';
import { ingestEvent } from '../services/events/ingest.ts';

export function registerEventRoutes(app: RewardsApp, deps: HttpDeps): void {
  app.post('/v1/events', deps.shop(), validJson(shopEvent), async (c) => {
    const result = await ingestEvent(deps.db, c.req.valid('json'), { clock: deps.clock });
    return c.json(result, 200);
  });
}
