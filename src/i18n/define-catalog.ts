/**
 * How a translated catalog is written. Apart from `catalogs.ts` (which loads the catalogs), so
 * that a catalog's chunk and the elements share no module.
 */
import type { Catalog, CheckedCatalog, MessageKey } from './en.ts';

/** Declares a translated catalog; the compiler checks its keys and placeholders against English. */
export function defineCatalog<const C extends Catalog>(catalog: C & CheckedCatalog<C> & Readonly<Record<Exclude<keyof C, MessageKey>, never>>): Catalog {
  return Object.freeze(catalog);
}
