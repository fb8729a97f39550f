/**
 * The wire contract of the rewards API: schemas (zod/mini, so browsers can afford them), the
 * endpoint table, problem details and the OpenAPI document built from them.
 */
export * from './common.ts';
export * from './errors.ts';
export * from './public.ts';
export * from './member.ts';
export * from './events.ts';
export * from './shop.ts';
export * from './seller.ts';
export * from './checkout.ts';
export * from './webhooks.ts';
export * from './endpoints.ts';
export * from './openapi.ts';
