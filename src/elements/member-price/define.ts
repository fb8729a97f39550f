import { MemberPrice } from './member-price.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('member-price')) customElements.define('member-price', MemberPrice);

export { MemberPrice };
