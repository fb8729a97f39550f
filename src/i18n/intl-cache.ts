/**
 * `Intl` objects kept for the page's life, one per kind, locale and options: building them is
 * the slow part, and a thousand badges must not build a thousand. The message format and the
 * elements' formatting helpers (`elements/shared/format.ts`) share them.
 */
const cache = new Map<string, unknown>();

/** The object made by `create` for this kind, locale and options, made once. */
export function cachedIntl<T>(kind: string, locale: string, options: object, create: () => T): T {
  const key = `${kind}|${locale}|${JSON.stringify(options)}`;
  let value = cache.get(key) as T | undefined;
  if (value === undefined) {
    value = create();
    cache.set(key, value);
  }
  return value;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cachedIntl('number', locale, options, () => new Intl.NumberFormat(locale, options));
}

/** `1234` → `1,234` (en), `1,234` (zh-CN), `1.234` (de). */
export function formatNumber(locale: string, value: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(value);
}

/** The category (`one`, `other`, …) of a count in a locale. */
export function pluralCategory(locale: string, count: number): Intl.LDMLPluralRule {
  return cachedIntl('plural', locale, {}, () => new Intl.PluralRules(locale)).select(count);
}
