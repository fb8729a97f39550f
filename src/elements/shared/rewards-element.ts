import en from '../../i18n/en.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';
import { rewardsSession, type RewardsSession } from '../../store/index.ts';
import { ConfiguredElement } from './configured-element.ts';

/**
 * A data element that reads the shared store: `ConfiguredElement` (configuration, language,
 * theme, internals and face state; see there for what subclasses must and must not do) plus
 * the store session of its effective configuration, and the whole English catalog.
 *
 * @template Face The names of the element's faces.
 */
export class RewardsElement<Face extends string = string> extends ConfiguredElement<Face> {
  protected static override english: EnglishMessages = en;

  /** The store session of the effective configuration, or undefined while there is none. */
  protected session(): RewardsSession | undefined {
    const config = this.configuration.config;
    return config ? rewardsSession(config) : undefined;
  }
}
