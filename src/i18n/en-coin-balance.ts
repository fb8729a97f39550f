/**
 * The English that `<coin-balance>` alone reads. Part of the English catalog (`en.ts`); the element bundles it with the shared parts it reads, and no other element's messages.
 */
import type { Message } from './message.ts';

const enCoinBalance = {
  'coins.pending': '{n} pending',
  'coins.balanceAnnouncement': { one: 'Coin balance: {n} coin', other: 'Coin balance: {n} coins' },
  'signIn.coins': 'Sign in to see your coins.',
} as const satisfies Record<string, Message>;

export default enCoinBalance;
