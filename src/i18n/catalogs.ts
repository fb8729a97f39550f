/**
 * The catalogs the kit ships and how they arrive. English is bundled with each element (the
 * part of it the element reads, see `LocalizeController`): it is the fallback for every
 * missing or still-loading catalog, so an element can always render text at once. Every
 * other catalog is a separate chunk, fetched the first time an element needs it.
 */
import type { Catalog } from './en.ts';

export type CatalogLocale = 'en' | 'zh-CN';

/** The catalogs fetched on demand: every one but English. */
export type TranslatedLocale = Exclude<CatalogLocale, 'en'>;

export const catalogLocales: readonly CatalogLocale[] = ['en', 'zh-CN'];

const loaders: Readonly<Record<TranslatedLocale, () => Promise<{ default: Catalog }>>> = {
  'zh-CN': () => import('./zh-CN.ts'),
};

const loaded = new Map<TranslatedLocale, Catalog>();
const loading = new Map<TranslatedLocale, Promise<Catalog>>();

/** The catalog if it is already here. */
export function loadedCatalog(locale: TranslatedLocale): Catalog | undefined {
  return loaded.get(locale);
}

/** The catalog, fetching it once; a failed fetch is reported, rejects, and may be retried later. */
export function loadCatalog(locale: TranslatedLocale): Promise<Catalog> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale]()
      .then((module) => {
        loaded.set(locale, module.default);
        return module.default;
      })
      .catch((error: unknown) => {
        console.warn(`member-rewards-kit: the ${locale} messages could not be loaded`, error);
        throw error;
      })
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}
