import { RewardCatalog } from './reward-catalog.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('reward-catalog')) customElements.define('reward-catalog', RewardCatalog);

export { RewardCatalog };
