import { CoinHistory } from './coin-history.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('coin-history')) customElements.define('coin-history', CoinHistory);

export { CoinHistory };
