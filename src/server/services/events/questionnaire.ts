/** C18: a specified questionnaire, once per questionnaire. */
import { questionnaireCompletedCoins } from '../../../rules/index.ts';
import type { EventHandler } from './context.ts';

export const questionnaireCompleted: EventHandler<'questionnaire.completed'> = {
  async handle({ event, data, rules, credits }) {
    await credits.apply(event.memberId, questionnaireCompletedCoins(data, rules));
  },
};
