/**
 * The page-wide configuration: the last of the three places an element looks for its API
 * (after its own attributes and the nearest `<rewards-provider>`). A page without any
 * provider calls `configure()` once and every element on it follows.
 */
import { atom } from 'nanostores';

/**
 * Gives the member token for API calls; `null`/`undefined` means "signed out". Called before
 * each request; after the server refused a token (401) it is called with `{ refresh: true }`,
 * so a source that caches its token knows to fetch a new one.
 */
export type TokenSource = (context?: { refresh: boolean }) => string | null | undefined | Promise<string | null | undefined>;

export interface RewardsConfig {
  /** The API base URL: absolute `http(s)://…`, or a path on this page's origin (`/rewards`). */
  api: string;
  getToken?: TokenSource;
  /** A BCP 47 language tag for every element that is not told otherwise. */
  locale?: string;
}

export const $pageConfig = atom<RewardsConfig | undefined>(undefined);

/** Why `api` is not usable, or `undefined` when it is. */
export function apiProblem(api: unknown): string | undefined {
  if (typeof api !== 'string' || api.trim() === '') return 'api must be a non-empty string';
  if (api !== api.trim() || /\s/.test(api)) return 'api must not contain white space';
  // A path on the page's own origin. "//host" would silently switch origin, so it is refused.
  if (api.startsWith('/')) return api.startsWith('//') ? 'api must not be protocol-relative (//…)' : undefined;
  let url: URL;
  try {
    url = new URL(api);
  } catch {
    return 'api must be an absolute http(s) URL or a path starting with "/"';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'api must use http or https';
  if (url.username || url.password) return 'api must not carry credentials';
  return undefined;
}

/** Why `locale` is not a BCP 47 tag, or `undefined` when it is. */
export function localeProblem(locale: unknown): string | undefined {
  if (typeof locale !== 'string' || locale === '') return 'locale must be a non-empty string';
  try {
    Intl.getCanonicalLocales(locale);
    return undefined;
  } catch {
    return `locale "${locale}" is not a BCP 47 language tag`;
  }
}

/**
 * The API base as one canonical absolute URL without a trailing slash, so that "/rewards",
 * "/rewards/" and "https://shop.example/rewards" name the same server (stores are keyed by it).
 */
export function normalizeApi(api: string, base: string): string {
  const url = new URL(api, base);
  url.hash = '';
  url.search = '';
  return url.href.replace(/\/+$/, '');
}

/** Sets the page-wide configuration. Throws a `TypeError` naming the first invalid field. */
export function configure(config: RewardsConfig): void {
  if (typeof config !== 'object' || config === null) throw new TypeError('configure() needs an object');
  const problem =
    apiProblem(config.api) ??
    (config.getToken !== undefined && typeof config.getToken !== 'function' ? 'getToken must be a function' : undefined) ??
    (config.locale !== undefined ? localeProblem(config.locale) : undefined);
  if (problem) throw new TypeError(`configure(): ${problem}`);
  $pageConfig.set(
    Object.freeze({
      api: config.api,
      ...(config.getToken ? { getToken: config.getToken } : {}),
      ...(config.locale ? { locale: config.locale } : {}),
    }),
  );
}
