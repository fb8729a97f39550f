/**
 * What a badge takes from the page when it names nothing itself (no `api`, `token` or `locale`)
 * and no `<rewards-provider>` is defined: the page's `configure()` and the closest `lang`. A
 * forum page of a thousand such badges works the configuration out once, keeps one language
 * object per language, and follows their changes with one subscription for all of them, where
 * every other element hosts three controllers with a subscription each. A badge given its own
 * settings, or on a page that defines the provider, leaves for those controllers (`leavePage`).
 */
import { closestLang, watchLanguage } from '../../i18n/language-watch.ts';
import { whenCatalogMissing } from '../../i18n/words.ts';
import { canonicalLocale, languageOf, type Language } from '../../i18n/locales.ts';
import { $pageConfig, type RewardsConfig } from '../../store/config.ts';
import { watchPageConfig } from '../shared/page-config-watch.ts';
import { PROVIDER_TAG } from '../shared/provider-tag.ts';
import { checkedApi, normalizedApi } from '../shared/checked-api.ts';
import type { EffectiveConfig } from '../shared/resolve-config.ts';

/** A connected badge that follows the page. */
export interface PageFollower extends Element {
  /** The page's configuration or a `lang` changed: update. */
  requestUpdate(): void;
  /** `<rewards-provider>` was defined: the badge may sit inside one, so it follows the controllers. */
  leavePage(): void;
}

const followers = new Set<PageFollower>();
let stopWatching: (() => void) | undefined;
let waitingForProvider = false;

/** The closest `lang` of each follower, looked up once and forgotten when a `lang` changes. */
let langs = new WeakMap<Element, string | undefined>();

function updateAll(): void {
  for (const follower of followers) follower.requestUpdate();
}

/** Follows the page for `follower` until the returned function is called. */
export function followPage(follower: PageFollower): () => void {
  // A badge connected again may have moved under another `lang`.
  langs.delete(follower);
  followers.add(follower);
  if (!stopWatching) {
    const stopConfig = watchPageConfig(updateAll);
    const stopLanguage = watchLanguage(() => {
      langs = new WeakMap();
      updateAll();
    });
    stopWatching = () => (stopConfig(), stopLanguage());
  }
  if (!waitingForProvider) {
    waitingForProvider = true;
    void customElements.whenDefined(PROVIDER_TAG).then(() => [...followers].forEach((each) => each.leavePage()));
  }
  return () => {
    followers.delete(follower);
    if (followers.size > 0) return;
    stopWatching?.();
    stopWatching = undefined;
  };
}

/** The catalogs asked for on behalf of the followers: each once. */
const catalogsAsked = new Set<string>();

/**
 * The language of a follower: the page's locale, else the closest `lang`, else the browser's.
 * Its catalog is fetched the first time a follower needs it, and every follower updates then.
 */
export function pageLanguage(follower: PageFollower): Language {
  let lang = langs.get(follower);
  if (lang === undefined && !langs.has(follower)) langs.set(follower, (lang = closestLang(follower)));
  const language = languageOf(canonicalLocale($pageConfig.get()?.locale) ?? canonicalLocale(lang) ?? canonicalLocale(navigator.language) ?? 'en');
  if (!catalogsAsked.has(language.catalog)) {
    catalogsAsked.add(language.catalog);
    whenCatalogMissing(language, updateAll);
  }
  return language;
}

interface PageAnswer {
  config?: EffectiveConfig;
  /** Why the page's API cannot be used, for the console. */
  problem?: string;
}

let last: { page: RewardsConfig | undefined; base: string | undefined; answer: PageAnswer } | undefined;

/** The page's configuration, as `RewardsConfigController` gives it to an element that names no API. */
export function pageConfig(follower: PageFollower): PageAnswer {
  const page = $pageConfig.get();
  // The page's base URL matters only to an API given as a path, and is read only then.
  const base = page?.api.startsWith('/') ? follower.ownerDocument.baseURI : undefined;
  if (last && last.page === page && last.base === base) return last.answer;
  let answer: PageAnswer = {};
  const problem = page && checkedApi(page.api);
  if (problem) answer = { problem: `${follower.localName} (page): ${problem}` };
  else if (page) {
    const config: EffectiveConfig = { api: normalizedApi(page.api, base ?? ''), source: 'page', ...(page.getToken ? { getToken: page.getToken } : {}) };
    answer = { config: Object.freeze(config) };
  }
  last = { page, base, answer };
  return answer;
}
