/**
 * Gives an element its language: the messages, the locale for `Intl` and the text direction.
 *
 * The locale is the first valid language tag among:
 * 1. the element's own `locale` (declare it as a reactive property so changes re-render),
 * 2. the nearest `<rewards-provider>`'s `locale`,
 * 3. the page-wide `configure({ locale })`,
 * 4. the closest `lang` attribute, looking through shadow roots,
 * 5. the browser's language.
 * An explicit configuration comes before `lang` because `lang` describes the page's text,
 * which is often left at a template's default.
 *
 * The second and third come from outside i18n (which sits below the elements and the store):
 * the element passes them in as `LocaleSources` (see `elements/shared/locale-sources.ts`).
 *
 * Languages without a catalog read English; `locale` is then `en` too, so numbers and dates
 * match the words around them. The English messages are the element's own parts of the catalog
 * (`en-<tag>.ts` with the shared groups it reads; `en.ts` is their union, for types and for
 * checking other catalogs), so an element bundles no more English than it reads. `dir` follows
 * the requested language, so the layout mirrors with an Arabic or Hebrew page even before a
 * catalog for it exists.
 *
 * The closest `lang` is looked up when the element connects and when a `lang` in the document
 * changes, not on every update: a page of a thousand badges would walk up a thousand trees twice.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadCatalog, loadedCatalog, type CatalogLocale } from './catalogs.ts';
import type { Catalog, EnglishCatalog, MessageKey } from './en.ts';
import { closestLang, watchLanguage } from './language-watch.ts';
import { canonicalLocale, matchCatalog, textDirection } from './locales.ts';
import { formatMessage, type ParamsArgument, type ParamValue } from './message.ts';

export type LocalizeHost = ReactiveControllerHost & HTMLElement & { locale?: string | null };

/** The English messages an element reads: the whole catalog (`en.ts`) or a part (`en-core.ts`). */
export type EnglishMessages = Partial<Catalog>;

/** Where an element finds a locale besides its own attribute, its `lang` and the browser's. */
export interface LocaleSources {
  /** The nearest provider's locale. */
  provider?(): string | undefined;
  /** The page-wide configuration's locale. */
  page?(): string | undefined;
  /** Calls `onChange` when the page's locale may have changed; returns the unsubscribe. */
  watchPage?(onChange: () => void): () => void;
}

export class LocalizeController implements ReactiveController {
  private requested = 'en';
  private catalogKey: CatalogLocale = 'en';
  /**
   * What `locale` and `dir` answer, worked out when the requested language changes: a page of a
   * thousand badges reads them on every render.
   */
  private resolvedLocale = 'en';
  private direction: 'ltr' | 'rtl' = 'ltr';
  private stopWatching?: () => void;
  private stopPageConfig?: () => void;
  /** The closest `lang` (see the module comment), while it is known. */
  private lang?: { value: string | undefined };

  constructor(
    private readonly host: LocalizeHost,
    private readonly english: EnglishMessages,
    private readonly sources: LocaleSources = {},
  ) {
    host.addController(this);
  }

  /** The BCP 47 locale for `Intl` formatting and for the `lang` of the element's text. */
  get locale(): string {
    return this.resolvedLocale;
  }

  /** The catalog in use: `en` or `zh-CN`. */
  get catalogLocale(): CatalogLocale {
    return this.catalogKey;
  }

  /** `rtl` for right-to-left languages; set it as `dir` on the element's inner root. */
  get dir(): 'ltr' | 'rtl' {
    return this.direction;
  }

  /** False while the catalog of the locale is still arriving (English shows meanwhile). */
  get loaded(): boolean {
    return this.catalog() !== undefined;
  }

  /** A message, filled with its parameters; the compiler knows which ones each key needs. */
  t<K extends MessageKey>(key: K, ...params: ParamsArgument<EnglishCatalog[K]>): string {
    const catalog = this.catalogKey === 'en' ? undefined : loadedCatalog(this.catalogKey);
    const values = params[0] as Readonly<Record<string, ParamValue>> | undefined;
    // The key itself only if the element's English lacks a message it reads (a bug to fix there).
    return formatMessage(this.locale, catalog?.[key] ?? this.english[key] ?? key, values);
  }

  /** Whether a key computed at run time (such as `reason.${ruleId}`) exists in the element's English. */
  has(key: string): key is MessageKey {
    return Object.hasOwn(this.english, key);
  }

  /** The catalog in use, if it is here: English always is. */
  private catalog(): EnglishMessages | undefined {
    return this.catalogKey === 'en' ? this.english : loadedCatalog(this.catalogKey);
  }

  hostConnected(): void {
    this.stopWatching = watchLanguage(() => {
      this.lang = undefined;
      this.refresh();
    });
    this.stopPageConfig = this.sources.watchPage?.(() => this.refresh());
    // Sources may have changed while the element was away from the document (or it moved).
    this.lang = undefined;
    this.refresh();
  }

  hostDisconnected(): void {
    this.stopWatching?.();
    this.stopPageConfig?.();
    this.stopWatching = this.stopPageConfig = undefined;
  }

  /** Every update re-reads the sources: attribute and provider changes arrive this way. */
  hostUpdate(): void {
    this.resolve();
  }

  private refresh(): void {
    if (this.resolve()) this.host.requestUpdate();
  }

  /** Recomputes the locale; true when it changed. */
  private resolve(): boolean {
    const requested = this.requestedLocale();
    if (requested === this.requested) return false;
    this.requested = requested;
    const catalog = matchCatalog(requested);
    this.catalogKey = catalog ?? 'en';
    this.resolvedLocale = catalog ? requested : this.catalogKey;
    this.direction = textDirection(requested);
    const wanted = this.catalogKey;
    if (wanted !== 'en' && !loadedCatalog(wanted)) {
      // A catalog that fails to arrive leaves English on screen (loadCatalog reports it).
      loadCatalog(wanted).then(
        () => {
          if (this.catalogKey === wanted) this.host.requestUpdate();
        },
        () => undefined,
      );
    }
    return true;
  }

  private requestedLocale(): string {
    // In order, each read only when the ones before it give nothing usable.
    return (
      canonicalLocale(this.host.locale ?? this.host.getAttribute('locale')) ??
      canonicalLocale(this.sources.provider?.()) ??
      canonicalLocale(this.sources.page?.()) ??
      canonicalLocale((this.lang ??= { value: closestLang(this.host) }).value) ??
      canonicalLocale(typeof navigator === 'undefined' ? undefined : navigator.language) ??
      'en'
    );
  }
}
