/**
 * What a `<rewards-provider>` hands down to the elements inside it, through shadow roots.
 */
import { createContext } from '@lit/context';
import type { TokenSource } from '../../store/config.ts';

/**
 * `page` (the default): the colour scheme of the page around the elements; `auto`: the
 * system's; `light` or `dark`: forced.
 */
export type Theme = 'light' | 'dark' | 'auto' | 'page';

export interface RewardsContextValue {
  /** The provider's `api` as written; consumers validate and normalize it. */
  readonly api?: string;
  readonly getToken?: TokenSource;
  readonly locale?: string;
  readonly theme: Theme;
}

/**
 * A registry symbol rather than a private object: two copies of the kit on one page then
 * share one context, so a provider from one copy configures elements from the other.
 */
export const rewardsContext = createContext<RewardsContextValue>(Symbol.for('member-rewards-kit/rewards-context@1'));
