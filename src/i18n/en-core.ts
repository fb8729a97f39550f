/**
 * The English messages an element may need before any other: the faces every data element
 * shares (signed out, error) and a member's level as the badge shows it. Part of the English
 * catalog (`en.ts`); on its own, it is all the level badge bundles, so a page of badges does
 * not download the messages of the other elements.
 */
import type { Message } from './message.ts';

const enCore = {
  // Faces every data element shares.
  'face.loading': 'Loading…',
  'face.empty': 'Nothing here yet.',
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

  // Levels (P3), in programme order, and the level badge.
  'level.0': 'Member',
  'level.1': 'Mercury',
  'level.2': 'Mars',
  'level.3': 'Venus',
  'level.4': 'Earth',
  'level.5': 'Saturn',
  'level.6': 'Jupiter',
  'level.short': 'LV {n}',
  'badge.label': '{level}, level {n}',
  'badge.labelWithName': '{name}: {level}, level {n}',
  'signIn.level': 'Sign in to see your level and points.',
} as const satisfies Record<string, Message>;

export default enCore;
