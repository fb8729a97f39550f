import { CoinBalance } from './coin-balance.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('coin-balance')) customElements.define('coin-balance', CoinBalance);

export { CoinBalance };
