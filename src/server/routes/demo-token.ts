/**
 * Development only: member tokens for the demo pages, so that `npm start` shows signed-in widgets
 * at once. Mounted only when the member secret was generated at start (which the configuration
 * allows on loopback only): a token signed with it is worthless anywhere else. A real shop signs
 * member tokens in its own backend with REWARDS_MEMBER_SECRET.
 */
import * as z from 'zod/mini';
import { resourceId } from '../../api/index.ts';
import type { HttpDeps, RewardsApp } from '../http/app.ts';
import { signMemberToken } from '../http/auth.ts';
import { validQuery } from '../http/validate.ts';

const DEMO_TOKEN_TTL_SECONDS = 3600;

export function registerDemoTokenRoute(app: RewardsApp, deps: HttpDeps): void {
  app.get('/demo/token', validQuery(z.object({ member: resourceId })), async (c) => {
    const { member } = c.req.valid('query');
    const token = await signMemberToken(deps.config.memberSecret, member, DEMO_TOKEN_TTL_SECONDS);
    return c.json({ token }, 200, { 'Cache-Control': 'no-store' });
  });
}
