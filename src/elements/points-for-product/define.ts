import { PointsForProduct } from './points-for-product.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('points-for-product')) customElements.define('points-for-product', PointsForProduct);

export { PointsForProduct };
