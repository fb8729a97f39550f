/**
 * The English messages an element may need before any other: the faces every data element
 * shares (signed out, error) and a member's level as the badge shows it (`en-level.ts`). Part
 * of the English catalog (`en.ts`); on its own, it is all the level badge reads, so a page of
 * badges does not download the messages of the other elements.
 */
import enLevel from './en-level.ts';
import type { Message } from './message.ts';

const enCore = {
  // Faces every data element shares.
  'face.loading': 'Loading…',
  'face.signedOut': 'Sign in to see your rewards.',
  'error.generic': 'Something went wrong.',
  'error.network': 'The rewards service cannot be reached right now.',
  'error.retry': 'Try again',
  'error.unauthorized': 'Your session has ended. Please sign in again.',
  'error.rateLimited': 'Too many requests. Please wait a moment.',
  'error.insufficientCoins': 'You do not have enough coins for this.',
  'error.alreadyCheckedIn': 'You have already checked in today.',
  'error.outOfStock': 'This reward is out of stock.',
  'error.notRemovable': 'This gift can no longer be removed.',

  ...enLevel,
  'signIn.level': 'Sign in to see your level and points.',
} as const satisfies Record<string, Message>;

export default enCore;
