/**
 * The English that `<project-donate>` alone reads. Part of the English catalog (`en.ts`); the element bundles it with the shared parts it reads, and no other element's messages.
 */
import type { Message } from './message.ts';

const enProjectDonate = {
  'donate.total': { one: '{n} coin donated', other: '{n} coins donated' },
  'donate.donors': { one: 'by {n} member', other: 'by {n} members' },
  'donate.recent': 'Recent donations',
  'donate.anonymous': 'A member',
  'donate.none': 'No donations yet. Be the first.',
  'donate.amount': 'Coins to give',
  'donate.balance': { one: 'You have {n} coin.', other: 'You have {n} coins.' },
  'donate.quickPicks': 'Quick picks',
  'donate.all': 'All',
  'donate.action': 'Donate',
  'donate.confirm': { one: 'Give {n} coin to this project?', other: 'Give {n} coins to this project?' },
  'donate.donating': 'Donating…',
  'donate.thanks': { one: 'Thank you! You gave {n} coin.', other: 'Thank you! You gave {n} coins.' },
  'donate.invalid': { one: 'Enter a whole number of coins from 1 to {n}.', other: 'Enter a whole number of coins from 1 to {n}.' },
  'donate.noCoins': 'You have no coins to give yet.',
  'donate.ownProject': 'You cannot donate to your own project.',
  'signIn.donate': 'Sign in to donate coins.',
} as const satisfies Record<string, Message>;

export default enProjectDonate;
