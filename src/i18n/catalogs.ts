/**
 * The catalogs the kit ships and how they arrive. English is bundled: it is the fallback
 * for every missing or still-loading catalog, so an element can always render text at once.
 * Every other catalog is a separate chunk, fetched the first time an element needs it.
 */
import en, { type Catalog, type CheckedCatalog, type MessageKey } from './en.ts';

export type CatalogLocale = 'en' | 'zh-CN';

export const catalogLocales: readonly CatalogLocale[] = ['en', 'zh-CN'];

const loaders: Readonly<Record<Exclude<CatalogLocale, 'en'>, () => Promise<{ default: Catalog }>>> = {
  'zh-CN': () => import('./zh-CN.ts'),
};

const loaded = new Map<CatalogLocale, Catalog>([['en', en]]);
const loading = new Map<CatalogLocale, Promise<Catalog>>();

/** The catalog if it is already here. */
export function loadedCatalog(locale: CatalogLocale): Catalog | undefined {
  return loaded.get(locale);
}

/** The catalog, fetching it once; a failed fetch gives English and may be retried later. */
export function loadCatalog(locale: CatalogLocale): Promise<Catalog> {
  const ready = loaded.get(locale);
  if (ready) return Promise.resolve(ready);
  let pending = loading.get(locale);
  if (!pending) {
    pending = loaders[locale as Exclude<CatalogLocale, 'en'>]()
      .then((module) => {
        loaded.set(locale, module.default);
        return module.default;
      })
      .catch((error: unknown) => {
        console.warn(`member-rewards-kit: the ${locale} messages could not be loaded`, error);
        return en;
      })
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** Declares a translated catalog; the compiler checks its keys and placeholders against English. */
export function defineCatalog<const C extends Catalog>(
  catalog: C & CheckedCatalog<C> & Readonly<Record<Exclude<keyof C, MessageKey>, never>>,
): Catalog {
  return Object.freeze(catalog);
}
