/** Which catalog serves a language tag, and which way its text runs. */
import type { CatalogLocale } from './catalogs.ts';

/** The canonical form of a BCP 47 tag, or `undefined` for anything else. */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
}

/**
 * The catalog for a tag, or `undefined` when none speaks its language. Chinese goes by
 * script: `zh`, `zh-Hans`, `zh-CN`, `zh-SG`, `zh-MY` read Simplified; `zh-TW`, `zh-HK`
 * and `zh-Hant` do not, and get no Simplified text they did not ask for.
 */
export function matchCatalog(tag: string): CatalogLocale | undefined {
  const locale = new Intl.Locale(tag);
  if (locale.language === 'en') return 'en';
  if (locale.language === 'zh' && locale.maximize().script === 'Hans') return 'zh-CN';
  return undefined;
}

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

type LocaleWithTextInfo = Intl.Locale & {
  getTextInfo?: () => { direction?: 'ltr' | 'rtl' };
  textInfo?: { direction?: 'ltr' | 'rtl' };
};

/** `rtl` for Arabic, Hebrew, Persian, Urdu and the other right-to-left scripts. */
export function textDirection(tag: string): 'ltr' | 'rtl' {
  const locale = new Intl.Locale(tag) as LocaleWithTextInfo;
  const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
  if (direction) return direction;
  return RIGHT_TO_LEFT.has(locale.language) ? 'rtl' : 'ltr';
}
