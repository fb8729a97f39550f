/**
 * An element's effective configuration, from the nearest of three places:
 * 1. the element's own `api` (and `token`) attributes,
 * 2. the nearest `<rewards-provider>` (also across shadow roots),
 * 3. the page-wide `configure()`.
 *
 * The API comes from the nearest place that names one. A token travels with its API: the
 * nearest token is used from a place that names no API (it defers to the API above it) or
 * names the same API. A token given for one server is never sent to another.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { $pageConfig, type RewardsConfig, type TokenSource } from '../../store/config.ts';
import { checkedApi, normalizedApi } from './checked-api.ts';
import { watchPageConfig } from './page-config-watch.ts';
import { ProviderContextController } from './provider-context.ts';

export type ConfigSource = 'element' | 'provider' | 'page';

/** What a data element needs to reach its API. */
export interface EffectiveConfig {
  /** Absolute base URL without a trailing slash; one server always has one spelling. */
  readonly api: string;
  /** Absent when no token was given anywhere on the API's path: public data only. */
  readonly getToken?: TokenSource;
  /** Where the API came from. */
  readonly source: ConfigSource;
}

/** An element that may carry its own `api` and `token` attributes (declare them as properties). */
export type RewardsConfigHost = ReactiveControllerHost &
  HTMLElement & {
    api?: string | null;
    token?: string | null;
  };

interface Place {
  source: ConfigSource;
  api?: string | undefined;
  getToken?: TokenSource | undefined;
}

export class RewardsConfigController implements ReactiveController {
  private readonly providerContext: ProviderContextController;
  private unsubscribePage?: () => void;
  private lastPageConfig?: RewardsConfig;
  private lastConfig?: EffectiveConfig;
  private elementToken?: { token: string; source: TokenSource };
  private problemText?: string;
  private lastInputs?: {
    api: string | null | undefined;
    token: string | null | undefined;
    providerApi: string | undefined;
    providerToken: TokenSource | undefined;
    page: RewardsConfig | undefined;
  };
  /** The base URL the last answer was made against, when it depended on one. */
  private lastBase?: string | undefined;

  /**
   * @param providerContext The host's provider context, when it already follows one (the base
   *   class shares one between configuration and language); else one is made.
   */
  constructor(
    private readonly host: RewardsConfigHost,
    providerContext?: ProviderContextController,
  ) {
    host.addController(this);
    this.providerContext = providerContext ?? new ProviderContextController(host);
  }

  /** The configuration to use, or `undefined` when none is given or the API is invalid. */
  get config(): EffectiveConfig | undefined {
    return this.resolve();
  }

  /** Why `config` is `undefined` although an API was given (an invalid URL), for the console. */
  get problem(): string | undefined {
    this.resolve();
    return this.problemText;
  }

  hostConnected(): void {
    this.unsubscribePage = watchPageConfig(() => this.host.requestUpdate());
    // A page configuration that changed while the element was away (one that never resolved
    // any has nothing to refresh: its first update will).
    if (this.lastInputs && this.lastPageConfig !== $pageConfig.get()) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.unsubscribePage?.();
    this.unsubscribePage = undefined;
  }

  private places(): Place[] {
    const provider = this.providerContext.value;
    const page = $pageConfig.get();
    this.lastPageConfig = page;
    return [
      { source: 'element', api: this.host.api || undefined, getToken: this.elementTokenSource() },
      { source: 'provider', api: provider?.api || undefined, getToken: provider?.getToken },
      { source: 'page', api: page?.api, getToken: page?.getToken },
    ];
  }

  private resolve(): EffectiveConfig | undefined {
    // Read on every update (and by `config` and `problem`): when nothing it depends on moved,
    // the last answer stands, without walking the places or parsing a URL again. The page's
    // base URL matters only to an API given as a path; it is read only then (a page's URL may
    // be kilobytes long, and a thousand badges would copy and hash it a thousand times).
    const provider = this.providerContext.value;
    const page = $pageConfig.get();
    const { api: ownApi, token } = this.host;
    // Compared one by one, not as an array: this runs several times per update of every
    // element, and a page of ten thousand badges would collect the garbage.
    const last = this.lastInputs;
    if (
      last &&
      last.api === ownApi &&
      last.token === token &&
      last.providerApi === provider?.api &&
      last.providerToken === provider?.getToken &&
      last.page === page &&
      (this.lastBase === undefined || this.lastBase === this.baseURI())
    ) {
      return this.lastConfig;
    }
    this.lastInputs = { api: ownApi, token, providerApi: provider?.api, providerToken: provider?.getToken, page };
    this.lastBase = undefined;
    const places = this.places();
    const origin = places.find((place) => place.api !== undefined);
    this.problemText = undefined;
    if (!origin?.api) return this.remember(undefined);
    const problem = checkedApi(origin.api);
    if (problem) {
      this.problemText = `${this.host.localName} (${origin.source}): ${problem}`;
      return this.remember(undefined);
    }
    const api = this.normalized(origin.api);
    const tokenPlace = places.find((place) => place.getToken && (place.api === undefined || this.sameApi(place.api, api)));
    return this.remember({
      api,
      source: origin.source,
      ...(tokenPlace?.getToken ? { getToken: tokenPlace.getToken } : {}),
    });
  }

  private baseURI(): string {
    return this.host.ownerDocument.baseURI;
  }

  /** `api` made absolute; an API given as a path reads (and remembers) the page's base URL. */
  private normalized(api: string): string {
    // A usable API (see `apiProblem`) is a path or an absolute http(s) URL.
    if (!api.startsWith('/')) return normalizedApi(api, '');
    this.lastBase = this.baseURI();
    return normalizedApi(api, this.lastBase);
  }

  private sameApi(api: string, normalized: string): boolean {
    return checkedApi(api) === undefined && this.normalized(api) === normalized;
  }

  /** The same object while nothing changes, so elements can compare configs by identity. */
  private remember(next: EffectiveConfig | undefined): EffectiveConfig | undefined {
    const last = this.lastConfig;
    if (last && next && last.api === next.api && last.getToken === next.getToken && last.source === next.source) {
      return last;
    }
    this.lastConfig = next ? Object.freeze(next) : undefined;
    return this.lastConfig;
  }

  private elementTokenSource(): TokenSource | undefined {
    const token = this.host.token;
    if (!token) return undefined;
    if (this.elementToken?.token !== token) this.elementToken = { token, source: () => token };
    return this.elementToken.source;
  }
}
