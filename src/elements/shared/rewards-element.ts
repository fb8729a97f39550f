import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../i18n/localize.ts';
import { rewardsSession, type RewardsSession } from '../../store/index.ts';
import type { Theme } from '../rewards-provider/context.ts';
import { RewardsConfigController } from './resolve-config.ts';

/**
 * What every data element shares: where its data comes from (its own `api`/`token`, else the
 * nearest provider, else the page's `configure()`), its language, and its theme. Elements extend
 * this rather than repeat the four properties and their resolution.
 */
export class RewardsElement extends LitElement {
  /** Base URL of the rewards API; by default the nearest provider's or the page's. */
  @property({ reflect: true }) api?: string;

  /** A member token; by default the nearest provider's or the page's. */
  @property() token?: string;

  /** BCP 47 language (`en`, `zh-CN`, …); by default the provider's, then the closest `lang`. */
  @property({ reflect: true }) locale?: string;

  /**
   * Colour theme: `light`, `dark`, `auto` (the system's), or unset to follow the provider or the
   * colour scheme of the page around the element.
   */
  @property({ reflect: true }) theme?: Theme;

  protected readonly configuration = new RewardsConfigController(this);
  protected readonly l10n = new LocalizeController(this);

  /** The store session of the effective configuration, or undefined while there is none. */
  protected session(): RewardsSession | undefined {
    const config = this.configuration.config;
    return config ? rewardsSession(config) : undefined;
  }
}
