/**
 * Project events: who authored a project (donations reach them, S3), C4 shared after approval,
 * C8 likes and C9 comments under daily caps, C11 official rewards.
 */
import { officialRewardCoins, projectCommentedCoins, projectLikedCoins, projectSharedCoins } from '../../../rules/index.ts';
import type { EventHandler } from './context.ts';
import { coinsEarnedToday } from './daily-caps.ts';

/** The event's member is the author. A project keeps its first author; a later event may retitle it. */
export const projectCreated: EventHandler<'project.created'> = {
  async handle({ tx, event, data, now }) {
    await tx.query(
      `INSERT INTO projects (id, author_id, title, created_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title WHERE projects.author_id = EXCLUDED.author_id`,
      [data.projectId, event.memberId, data.title, now],
    );
  },
};

/** C4 at the tier the approval names; the approval's time decides whether a configured event window is open. */
export const projectApproved: EventHandler<'project.approved'> = {
  async handle({ event, data, rules, credits }) {
    const approval = { projectId: data.projectId, tier: data.tier, approvedAt: event.occurredAt, duringEvent: data.duringEvent ?? false };
    await credits.apply(event.memberId, projectSharedCoins(approval, rules));
  },
};

/** C8: the like is remembered even on a capped day, so unliking and liking again never earns. */
export const projectLiked: EventHandler<'project.liked'> = {
  async handle({ tx, event, data, rules, now, credits }) {
    const recorded = await tx.query(
      `INSERT INTO project_likes (member_id, project_id, created_at) VALUES ($1, $2, $3)
       ON CONFLICT (member_id, project_id) DO NOTHING`,
      [event.memberId, data.projectId, now],
    );
    const earnedToday = await coinsEarnedToday(tx, event.memberId, 'C8', now, rules.timeZone);
    const like = { projectId: data.projectId, likedBefore: recorded.rowCount === 0, coinsEarnedToday: earnedToday };
    await credits.apply(event.memberId, projectLikedCoins(like, rules));
  },
};

export const projectCommented: EventHandler<'project.commented'> = {
  async handle({ tx, event, data, rules, now, credits }) {
    const earnedToday = await coinsEarnedToday(tx, event.memberId, 'C9', now, rules.timeZone);
    const comment = { projectId: data.projectId, commentId: data.commentId, coinsEarnedToday: earnedToday };
    await credits.apply(event.memberId, projectCommentedCoins(comment, rules));
  },
};

/** C11: every award counts (the event id keeps one award from being credited twice). */
export const projectRewarded: EventHandler<'project.rewarded'> = {
  async handle({ event, data, rules, credits }) {
    await credits.apply(event.memberId, officialRewardCoins(data, rules));
  },
};
