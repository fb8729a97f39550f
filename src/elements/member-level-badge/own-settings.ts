/**
 * The controllers every other element uses to find its configuration and language, for a badge
 * that names its own (`api`, `token`, `locale`) or may sit inside a `<rewards-provider>`.
 * Loaded on demand: a forum page's badges follow the page (`page-settings.ts`) and never
 * download them.
 */
import { LocalizeController, type EnglishMessages } from '../../i18n/localize.ts';
import { elementLocaleSources } from '../shared/locale-sources.ts';
import { ProviderContextController } from '../shared/provider-context.ts';
import { RewardsConfigController, type RewardsConfigHost } from '../shared/resolve-config.ts';

export interface OwnSettings {
  configuration: RewardsConfigController;
  l10n: LocalizeController;
}

/** Hosts the controllers on `host` (connected at once when it is). */
export function ownSettings(host: RewardsConfigHost & { locale?: string | null }, english: EnglishMessages): OwnSettings {
  const providerContext = new ProviderContextController(host);
  return {
    configuration: new RewardsConfigController(host, providerContext),
    l10n: new LocalizeController(host, english, elementLocaleSources(providerContext)),
  };
}
