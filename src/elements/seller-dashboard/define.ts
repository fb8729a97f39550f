import { SellerDashboard } from './seller-dashboard.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('seller-dashboard')) customElements.define('seller-dashboard', SellerDashboard);

export { SellerDashboard };
