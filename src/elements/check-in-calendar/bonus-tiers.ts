/**
 * C7: the month's bonus tiers, each with its reward, a progress bar ("14 of 21 days") and,
 * once reached, a tick and "Bonus earned" in words.
 */
import { html, type TemplateResult } from 'lit';
import { classMap } from 'lit/directives/class-map.js';
import type { LocalizeController } from '../../i18n/localize.ts';
import { boxSize } from '../shared/box-size.ts';
import { checkIcon } from '../shared/icons.ts';
import { bonusProgress, type BonusTier } from './bonus-progress.ts';

export function bonusTiers(l10n: Pick<LocalizeController, 't'>, checkedInDays: number, tiers: readonly BonusTier[]): TemplateResult {
  return html`<ol class="bonuses" part="bonuses">
    ${bonusProgress(checkedInDays, tiers).map((tier) => {
      // Ids are scoped to the element's shadow root.
      const nameId = `bonus-${tier.atCount}`;
      const progressText = l10n.t('checkIn.bonusTier', { count: tier.progress, target: tier.atCount });
      const percent = tier.atCount > 0 ? (tier.progress / tier.atCount) * 100 : 0;
      return html`<li
        class=${classMap({ bonus: true, earned: tier.earned, next: tier.next })}
        part=${tier.earned ? 'bonus bonus-earned' : 'bonus'}
      >
        <span class="bonus-name" id=${nameId}>${l10n.t('checkIn.bonusTierName', { n: tier.atCount })}</span>
        <span class="bonus-reward">${l10n.t('checkIn.bonusReward', { n: tier.coins })}</span>
        <div
          class="meter"
          part="bonus-progress"
          role="progressbar"
          aria-labelledby=${nameId}
          aria-valuemin="0"
          aria-valuemax=${tier.atCount}
          aria-valuenow=${tier.progress}
          aria-valuetext=${progressText}
        >
          <span class="meter-fill" ${boxSize({ inlineSize: `${percent}%` })}></span>
        </div>
        <span class="bonus-status">
          ${
            tier.earned
              ? html`${checkIcon('bonus-earned-mark')} <span>${l10n.t('checkIn.bonusEarned')}</span>`
              : html`<span aria-hidden="true">${progressText}</span>`
          }
        </span>
      </li>`;
    })}
  </ol>`;
}
