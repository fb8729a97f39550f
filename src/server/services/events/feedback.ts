/** C5: shared feedback earns the highest tier it matches, once per feedback. */
import { feedbackSharedCoins } from '../../../rules/index.ts';
import type { EventHandler } from './context.ts';

export const feedbackShared: EventHandler<'feedback.shared'> = {
  async handle({ event, data, rules, credits }) {
    await credits.apply(event.memberId, feedbackSharedCoins(data, rules));
  },
};
