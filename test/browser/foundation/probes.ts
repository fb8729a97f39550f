/** Test-only elements that use the foundation the way the kit's elements do. */
import { LitElement, html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from './define.ts';
import { RewardsConfigController } from '../../../src/elements/shared/resolve-config.ts';
import { baseStyles } from '../../../src/elements/shared/theme.ts';
import en from '../../../src/i18n/en.ts';
import { LocalizeController } from '../../../src/i18n/localize.ts';
import { elementLocaleSources } from '../../../src/elements/shared/locale-sources.ts';
import { ProviderContextController } from '../../../src/elements/shared/provider-context.ts';

/** Shows its effective API, and counts its renders. */
export class ConfigProbe extends LitElement {
  static override styles = baseStyles;
  @property() api?: string;
  @property() token?: string;
  readonly configuration = new RewardsConfigController(this);
  renders = 0;

  protected override render(): TemplateResult {
    this.renders++;
    return html`<output>${this.configuration.config?.api ?? 'no api'}</output>`;
  }
}

/** Shows one localized sentence in its locale and direction. */
export class L10nProbe extends LitElement {
  static override styles = baseStyles;
  @property({ reflect: true }) locale?: string;
  // The provider's and the page's locale, as the kit's base class passes them in.
  readonly l10n = new LocalizeController(this, en, elementLocaleSources(new ProviderContextController(this)));

  protected override render(): TemplateResult {
    const { l10n } = this;
    return html`<p lang=${l10n.locale} dir=${l10n.dir}>
      ${l10n.t('level.pointsToNext', { n: 1500, level: l10n.t('level.3') })}
    </p>`;
  }

  get text(): string {
    return this.shadowRoot?.querySelector('p')?.textContent?.trim() ?? '';
  }
}

/**
 * Puts a probe `depth` shadow roots deep: `<nest-shell depth="2" probe="config-probe">`
 * holds a nest-shell in its shadow root, which holds the probe in its own.
 */
export class NestShell extends LitElement {
  @property({ type: Number }) depth = 1;
  @property() probe: 'config-probe' | 'l10n-probe' = 'config-probe';

  protected override render(): TemplateResult {
    if (this.depth > 1) return html`<nest-shell depth=${this.depth - 1} probe=${this.probe}></nest-shell>`;
    return this.probe === 'config-probe' ? html`<config-probe></config-probe>` : html`<l10n-probe></l10n-probe>`;
  }
}

defineElement('config-probe', ConfigProbe);
defineElement('l10n-probe', L10nProbe);
defineElement('nest-shell', NestShell);

/** The deepest probe below `root`, found through every shadow root on the way. */
export function deepQuery<T extends Element>(root: Element | ShadowRoot, selector: string): T | undefined {
  const direct = root.querySelector<T>(selector);
  if (direct) return direct;
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) {
      const found = deepQuery<T>(element.shadowRoot, selector);
      if (found) return found;
    }
  }
  return undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'config-probe': ConfigProbe;
    'l10n-probe': L10nProbe;
    'nest-shell': NestShell;
  }
}
