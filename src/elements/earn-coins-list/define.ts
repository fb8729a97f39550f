import { EarnCoinsList } from './earn-coins-list.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('earn-coins-list')) customElements.define('earn-coins-list', EarnCoinsList);

export { EarnCoinsList };
