import type { RewardsSession } from '../../store/session.ts';
import { ConfiguredElement } from './configured-element.ts';
import { loadFor } from './on-demand.ts';
import { store } from './store-loader.ts';

/**
 * A data element that reads the shared store: `ConfiguredElement` (configuration, language,
 * theme, internals and face state; see there for what subclasses must and must not do) plus
 * the store session of its effective configuration. Each element declares its own English
 * (`static english`), the parts of the catalog it reads.
 *
 * The store is loaded on demand (`store-loader.ts`) when the first data element connects:
 * `session()` is `undefined` until it has arrived, and the element shows its loading face.
 *
 * @template Face The names of the element's faces.
 */
export class RewardsElement<Face extends string = string> extends ConfiguredElement<Face> {
  override connectedCallback(): void {
    super.connectedCallback();
    loadFor(this, store, 'the store');
  }

  /** The store session of the effective configuration; `undefined` while there is none or the store is on its way. */
  protected session(): RewardsSession | undefined {
    const config = this.configuration.config;
    const loaded = store.module;
    return config && loaded ? loaded.rewardsSession(config) : undefined;
  }
}
