/**
 * The English that `<project-donate>` alone reads before its ready face: its loading, signed-out and other
 * faces. Part of the English catalog (`en.ts`); the ready face's messages come with the ready face
 * (`en-project-donate-ready.ts`).
 */
import type { Message } from './message.ts';

const enProjectDonate = {
  'donate.none': 'No donations yet. Be the first.',
  'donate.thanks': { one: 'Thank you! You gave {n} coin.', other: 'Thank you! You gave {n} coins.' },
  'donate.invalid': { one: 'Enter a whole number of coins from 1 to {n}.', other: 'Enter a whole number of coins from 1 to {n}.' },
  'donate.ownProject': 'You cannot donate to your own project.',
  'signIn.donate': 'Sign in to donate coins.',
} as const satisfies Record<string, Message>;

export default enProjectDonate;
