/**
 * The English that `<coin-history>` alone reads before its ready face: its loading, signed-out and other
 * faces. Part of the English catalog (`en.ts`); the ready face's messages come with the ready face
 * (`en-coin-history-ready.ts`).
 */
import type { Message } from './message.ts';

const enCoinHistory = {
  'history.empty': 'No coin activity yet.',
  'history.pointsEmpty': 'No points yet.',
  'signIn.history': 'Sign in to see your coin history.',
  'signIn.pointsHistory': 'Sign in to see your points history.',
} as const satisfies Record<string, Message>;

export default enCoinHistory;
