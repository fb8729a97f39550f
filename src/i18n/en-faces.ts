/**
 * The English of the faces every data element shares (loading, signed out, error) and of the
 * failures it may report. Part of `en-core.ts` (and so of the English catalog); on its own, it is
 * what an element that shows no level name starts from.
 */
import type { Message } from './message.ts';

const enFaces = {
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
} as const satisfies Record<string, Message>;

export default enFaces;
