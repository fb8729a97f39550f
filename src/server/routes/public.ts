/**
 * What anyone may read without credentials: levels, the ways to earn, the catalog, badges (as
 * JSON and as an SVG image), a project's donations, and the OpenAPI document.
 */
import { createHash } from 'node:crypto';
import { packageVersion } from '../package-version.ts';
import type { Context } from 'hono';
import {
  badgesQuery,
  buildOpenApiDocument,
  endpoints,
  idPathParams,
  routerPath,
  type BadgesResponse,
  type EarningRulesResponse,
  type LevelsResponse,
} from '../../api/index.ts';
import { quoteTermsOf } from '../../rules/index.ts';
import type { HttpDeps, RewardsApp } from '../http/app.ts';
import { validParams, validQuery } from '../http/validate.ts';
import { badgeOf, badgesFor } from '../services/badges.ts';
import { listCatalog } from '../services/catalog.ts';
import { projectDonations } from '../services/donations.ts';
import { earningRulesView } from '../services/earning-progress.ts';
import { currentRules } from '../services/rules-store.ts';
import { renderBadgeSvg } from './badge-svg.ts';

/** How long a page may show a badge before asking again: level changes are rare. */
export const BADGE_MAX_AGE_SECONDS = 300;

/** An entity tag that changes whenever the bytes do. */
export function entityTag(body: string): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
}

/** RFC 9110 If-None-Match: `*`, or a list of tags compared weakly (W/ prefixes ignored). */
export function matchesIfNoneMatch(header: string | undefined, tag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  const bare = (value: string) => value.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => bare(candidate) === bare(tag));
}

export function registerPublicRoutes(app: RewardsApp, deps: HttpDeps): void {
  const { db, clock } = deps;

  app.get(routerPath(endpoints.getLevels.path), async (c) => {
    const rules = await currentRules(db);
    const { levels, pointsPerDollar, coinsPerDollar } = quoteTermsOf(rules);
    return c.json({ levels: [...levels], pointsPerDollar, coinsPerDollar } satisfies LevelsResponse);
  });

  app.get(routerPath(endpoints.getEarningRules.path), async (c) => {
    const rules = await currentRules(db);
    return c.json({ rules: earningRulesView(rules, clock.now()) } satisfies EarningRulesResponse);
  });

  app.get(routerPath(endpoints.getCatalog.path), async (c) => c.json(await listCatalog(db)));

  app.get(routerPath(endpoints.getBadges.path), validQuery(badgesQuery), async (c) => {
    const rules = await currentRules(db);
    return c.json({ badges: await badgesFor(db, c.req.valid('query').members, rules) } satisfies BadgesResponse);
  });

  // An unknown member gets the neutral LV0 badge rather than a 404: a page that embeds the image
  // shows "Member" instead of a broken image, and the answer tells nobody whether the id exists.
  app.get(routerPath(endpoints.getBadgeSvg.path), validParams(idPathParams), async (c) => {
    const rules = await currentRules(db);
    const badge = await badgeOf(db, c.req.valid('param').id, rules);
    const level = badge?.level ?? 0;
    const svg = renderBadgeSvg({ level, levelName: badge?.name ?? rules.levels[0]?.name ?? 'Member', displayName: badge?.displayName });
    return svgResponse(c, svg);
  });

  app.get(routerPath(endpoints.getProjectDonations.path), validParams(idPathParams), async (c) => c.json(await projectDonations(db, c.req.valid('param').id)));

  let openApi: string | undefined;
  app.get(routerPath(endpoints.getOpenApi.path), (c) => {
    openApi ??= JSON.stringify(buildOpenApiDocument({ version: packageVersion }));
    return c.body(openApi, 200, { 'Content-Type': 'application/json', 'Cache-Control': 'public, max-age=300' });
  });
}

function svgResponse(c: Context, svg: string): Response {
  const tag = entityTag(svg);
  const headers = {
    ETag: tag,
    'Cache-Control': `public, max-age=${BADGE_MAX_AGE_SECONDS}`,
    // Opened on its own, the image can run nothing and load nothing.
    'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    'X-Content-Type-Options': 'nosniff',
  };
  if (matchesIfNoneMatch(c.req.header('If-None-Match'), tag)) return c.body(null, 304, headers);
  return c.body(svg, 200, { ...headers, 'Content-Type': 'image/svg+xml' });
}
