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
import { closestLang, watchLanguage } from './language-watch.ts';
import { canonicalLocale, languageOf } from './locales.ts';
import { Words, whenCatalogMissing, type EnglishMessages } from './words.ts';

export type { EnglishMessages } from './words.ts';

export type LocalizeHost = ReactiveControllerHost & HTMLElement & { locale?: string | null };

/** Where an element finds a locale besides its own attribute, its `lang` and the browser's. */
export interface LocaleSources {
  /** The nearest provider's locale. */
  provider?(): string | undefined;
  /** The page-wide configuration's locale. */
  page?(): string | undefined;
  /** Calls `onChange` when the page's locale may have changed; returns the unsubscribe. */
  watchPage?(onChange: () => void): () => void;
}

export class LocalizeController extends Words implements ReactiveController {
  private stopWatching?: () => void;
  private stopPageConfig?: () => void;
  /** The closest `lang` (see the module comment), while it is known. */
  private lang?: { value: string | undefined };

  constructor(
    private readonly host: LocalizeHost,
    english: EnglishMessages,
    private readonly sources: LocaleSources = {},
  ) {
    super(languageOf('en'), english);
    host.addController(this);
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

  /** Recomputes the language; true when it changed. */
  private resolve(): boolean {
    const language = languageOf(this.requestedLocale());
    if (language === this.language) return false;
    this.language = language;
    whenCatalogMissing(language, () => {
      if (this.language === language) this.host.requestUpdate();
    });
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
