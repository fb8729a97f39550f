/**
 * The contract's sizes, without zod: the browser's light paths (the public badge) check answers
 * and ids against them by hand, so they must not pull the schemas in.
 */
export const limits = {
  idLength: 128,
  nameLength: 200,
  descriptionLength: 2000,
  urlLength: 2048,
  cursorLength: 512,
  badgeIds: 200,
  pageSize: 100,
} as const;

/** A resource id's characters: visible ASCII without commas (see `resourceId`). */
export const resourceIdPattern = /^[!-+\--~]+$/;

/** Whether `value` is an id the contract can carry (1–128 visible ASCII characters, no comma). */
export function isResourceId(value: string): boolean {
  return value.length >= 1 && value.length <= limits.idLength && resourceIdPattern.test(value);
}
