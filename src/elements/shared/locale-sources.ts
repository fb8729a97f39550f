/**
 * The locales an element finds outside itself, for its `LocalizeController`: the nearest
 * provider's and the page's `configure({ locale })`. Kept here so that i18n/ does not depend
 * on the elements or the store.
 */
import type { LocaleSources } from '../../i18n/localize.ts';
import { $pageConfig } from '../../store/config.ts';
import { watchPageConfig } from './page-config-watch.ts';
import type { ProviderContextController } from './provider-context.ts';

export function elementLocaleSources(providerContext: ProviderContextController): LocaleSources {
  return {
    provider: () => providerContext.value?.locale,
    page: () => $pageConfig.get()?.locale,
    watchPage: watchPageConfig,
  };
}
