/** Account events: registration (who invited whom), C2 newsletter, C3 complete profile. */
import { newsletterSubscribedCoins, profileCompletedCoins } from '../../../rules/index.ts';
import { ensureMember } from '../members.ts';
import type { EventHandler } from './context.ts';

/**
 * Records the member's display name and inviter. A member cannot invite themself (C10), and the
 * first inviter named stays: a later registration event cannot redirect the invite reward.
 */
export const memberRegistered: EventHandler<'member.registered'> = {
  async handle({ tx, event, data }) {
    await ensureMember(tx, event.memberId, data.displayName ?? null);
    const inviter = data.invitedBy;
    if (inviter === undefined || inviter === event.memberId) return;
    await ensureMember(tx, inviter);
    await tx.query('UPDATE members SET invited_by = $2 WHERE id = $1 AND invited_by IS NULL', [event.memberId, inviter]);
  },
};

export const newsletterSubscribed: EventHandler<'newsletter.subscribed'> = {
  async handle({ event, rules, credits }) {
    await credits.apply(event.memberId, newsletterSubscribedCoins(rules));
  },
};

export const profileCompleted: EventHandler<'profile.completed'> = {
  async handle({ event, data, rules, credits }) {
    await credits.apply(event.memberId, profileCompletedCoins(data, rules));
  },
};
