/**
 * The English that `<project-donate>`'s ready face alone reads; it loads with the ready face, beside the
 * store. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enProjectDonateReady = {
  'donate.total': { one: '{n} coin donated', other: '{n} coins donated' },
  'donate.donors': { one: 'by {n} member', other: 'by {n} members' },
  'donate.recent': 'Recent donations',
  'donate.anonymous': 'A member',
  'donate.amount': 'Coins to give',
  'donate.balance': { one: 'You have {n} coin.', other: 'You have {n} coins.' },
  'donate.quickPicks': 'Quick picks',
  'donate.all': 'All',
  'donate.action': 'Donate',
  'donate.confirm': { one: 'Give {n} coin to this project?', other: 'Give {n} coins to this project?' },
  'donate.donating': 'Donating…',
  'donate.noCoins': 'You have no coins to give yet.',
} as const satisfies Record<string, Message>;

export default enProjectDonateReady;
