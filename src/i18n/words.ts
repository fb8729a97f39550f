/**
 * A language's messages in an element's English, and the catalog it waits for: what an element
 * reads. `LocalizeController` (localize.ts) follows an element's sources of language with one;
 * the level badges that follow the page share one per language (`member-level-badge/`).
 */
import { loadCatalog, loadedCatalog, type CatalogLocale } from './catalogs.ts';
import type { Catalog, EnglishCatalog, MessageKey } from './en.ts';
import type { Language } from './locales.ts';
import { formatMessage, type ParamsArgument, type ParamValue } from './message.ts';

/** The English messages an element reads: the whole catalog (`en.ts`) or a part (`en-core.ts`). */
export type EnglishMessages = Partial<Catalog>;

/**
 * What an element reads of its language. `LocalizeController`
 * is the one that follows the element's sources; a fixed one can be shared by many elements.
 */
export class Words {
  constructor(
    /** The language shown. */
    public language: Language,
    readonly english: EnglishMessages,
  ) {}

  /** The BCP 47 locale for `Intl` formatting and for the `lang` of the element's text. */
  get locale(): string {
    return this.language.locale;
  }

  /** The catalog in use: `en` or `zh-CN`. */
  get catalogLocale(): CatalogLocale {
    return this.language.catalog;
  }

  /** `rtl` for right-to-left languages; set it as `dir` on the element's inner root. */
  get dir(): 'ltr' | 'rtl' {
    return this.language.dir;
  }

  /** False while the catalog of the locale is still arriving (English shows meanwhile). */
  get loaded(): boolean {
    return this.language.catalog === 'en' || this.translated() !== undefined;
  }

  /** A message, filled with its parameters; the compiler knows which ones each key needs. */
  t<K extends MessageKey>(key: K, ...params: ParamsArgument<EnglishCatalog[K]>): string {
    const values = params[0] as Readonly<Record<string, ParamValue>> | undefined;
    // The key itself only if the element's English lacks a message it reads (a bug to fix there).
    return formatMessage(this.locale, this.translated()?.[key] ?? this.english[key] ?? key, values);
  }

  /** Whether a key computed at run time (such as `reason.${ruleId}`) exists in the element's English. */
  has(key: string): key is MessageKey {
    return Object.hasOwn(this.english, key);
  }

  /** The catalog of a language other than English, once it is here. */
  private translated(): Catalog | undefined {
    return this.language.catalog === 'en' ? undefined : loadedCatalog(this.language.catalog);
  }
}

/**
 * Fetches the catalog of `language` when it is not here yet; `then` runs once it has arrived.
 * A catalog that fails to arrive leaves English on screen (`loadCatalog` reports it).
 */
export function whenCatalogMissing(language: Language, then: () => void): void {
  if (language.catalog !== 'en' && !loadedCatalog(language.catalog)) loadCatalog(language.catalog).then(then, () => undefined);
}
