/**
 * The shop's backend (`X-Api-Key`): any member's account, the rules configuration, and M2
 * payouts.
 */
import * as z from 'zod/mini';
import { idPathParams, payoutRunsQuery, payoutsBody } from '../../api/index.ts';
import { RulesConfigError } from '../../rules/index.ts';
import type { HttpDeps, RewardsApp } from '../http/app.ts';
import { ProblemError } from '../errors.ts';
import { validJson, validParams, validQuery } from '../http/validate.ts';
import { memberView } from '../services/members-view.ts';
import { listPayoutRuns, runPayouts } from '../services/payouts.ts';
import { currentRules, replaceRules } from '../services/rules-store.ts';

/**
 * PUT /v1/rules takes any JSON body and lets the rules engine judge it: it names every bad
 * field, and the body's own `version` is ignored (the server assigns the next one).
 */
async function putRules(deps: HttpDeps, body: unknown) {
  try {
    return await replaceRules(deps.db, body);
  } catch (error) {
    if (!(error instanceof RulesConfigError)) throw error;
    const errors = error.issues.map((issue) => ({ path: issue.path === '' ? 'body' : `body.${issue.path}`, message: issue.message }));
    throw new ProblemError('invalid_request', error.message, errors);
  }
}

export function registerShopRoutes(app: RewardsApp, deps: HttpDeps): void {
  app.get('/v1/members/:id', deps.shop(), validParams(idPathParams), async (c) => {
    const { id } = c.req.valid('param');
    const view = await memberView(deps.db, id, await currentRules(deps.db));
    if (!view) throw new ProblemError('not_found', `No member ${id} is known.`);
    return c.json(view, 200);
  });

  app.get('/v1/rules', deps.shop(), async (c) => c.json(await currentRules(deps.db), 200));

  app.put('/v1/rules', deps.shop(), validJson(z.unknown()), async (c) => c.json(await putRules(deps, c.req.valid('json')), 200));

  app.post('/v1/payouts', deps.shop(), validJson(payoutsBody), async (c) => {
    const { month } = c.req.valid('json');
    return c.json(await runPayouts(deps.db, month, { clock: deps.clock }), 200);
  });

  app.get('/v1/payouts/runs', deps.shop(), validQuery(payoutRunsQuery), async (c) => c.json(await listPayoutRuns(deps.db, c.req.valid('query').limit), 200));
}
