/**
 * Which catalog serves a language tag, and which way its text runs. Every answer is kept per
 * tag: `Intl.getCanonicalLocales` and `new Intl.Locale` are slow next to a render, and a page
 * of a thousand elements asks the same few tags again and again.
 */
import type { CatalogLocale } from './catalogs.ts';

function memoized<T>(compute: (tag: string) => T): (tag: string) => T {
  const answers = new Map<string, T>();
  return (tag) => {
    if (answers.has(tag)) return answers.get(tag) as T;
    const answer = compute(tag);
    // Tags come from attributes a page may set to anything: keep the memory bounded.
    if (answers.size >= 256) answers.clear();
    answers.set(tag, answer);
    return answer;
  };
}

const canonical = memoized((tag: string): string | undefined => {
  try {
    return Intl.getCanonicalLocales(tag.trim())[0];
  } catch {
    return undefined;
  }
});

/** The canonical form of a BCP 47 tag, or `undefined` for anything else. */
export function canonicalLocale(tag: string | null | undefined): string | undefined {
  return tag ? canonical(tag) : undefined;
}

/**
 * The catalog for a tag, or `undefined` when none speaks its language. Chinese goes by
 * script: `zh`, `zh-Hans`, `zh-CN`, `zh-SG`, `zh-MY` read Simplified; `zh-TW`, `zh-HK`
 * and `zh-Hant` do not, and get no Simplified text they did not ask for.
 */
export const matchCatalog = memoized((tag: string): CatalogLocale | undefined => {
  const locale = new Intl.Locale(tag);
  if (locale.language === 'en') return 'en';
  if (locale.language === 'zh' && locale.maximize().script === 'Hans') return 'zh-CN';
  return undefined;
});

const RIGHT_TO_LEFT = new Set(['ar', 'he', 'fa', 'ur', 'ps', 'sd', 'ug', 'yi', 'dv', 'ckb']);

type LocaleWithTextInfo = Intl.Locale & {
  getTextInfo?: () => { direction?: 'ltr' | 'rtl' };
  textInfo?: { direction?: 'ltr' | 'rtl' };
};

/** `rtl` for Arabic, Hebrew, Persian, Urdu and the other right-to-left scripts. */
export const textDirection = memoized((tag: string): 'ltr' | 'rtl' => {
  const locale = new Intl.Locale(tag) as LocaleWithTextInfo;
  const direction = locale.getTextInfo?.().direction ?? locale.textInfo?.direction;
  if (direction) return direction;
  return RIGHT_TO_LEFT.has(locale.language) ? 'rtl' : 'ltr';
});

/** A language as elements show it, shared by every element that asks for the same tag (never changed). */
export interface Language {
  /** The canonical tag asked for. */
  readonly requested: string;
  /** The catalog that speaks it: English where none does. */
  readonly catalog: CatalogLocale;
  /** The locale for `Intl` and for `lang`: `en` where no catalog speaks the tag. */
  readonly locale: string;
  /** Follows the tag asked for, so the layout mirrors even before a catalog for it exists. */
  readonly dir: 'ltr' | 'rtl';
}

/** The language of a canonical tag (see `canonicalLocale`). */
export const languageOf = memoized((requested: string): Language => {
  const catalog = matchCatalog(requested);
  return { requested, catalog: catalog ?? 'en', locale: catalog ? requested : 'en', dir: textDirection(requested) };
});
