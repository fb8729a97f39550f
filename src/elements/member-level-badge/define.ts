import { MemberLevelBadge } from './member-level-badge.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('member-level-badge')) customElements.define('member-level-badge', MemberLevelBadge);

export { MemberLevelBadge };
