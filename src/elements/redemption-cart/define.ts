import { RedemptionCart } from './redemption-cart.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('redemption-cart')) customElements.define('redemption-cart', RedemptionCart);

export { RedemptionCart };
