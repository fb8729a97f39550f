/**
 * The English messages an element may need before any other: the faces every data element
 * shares (signed out, error; `en-faces.ts`) and a member's level as the badge shows it (`en-level.ts`). Part
 * of the English catalog (`en.ts`); on its own, it is all the level badge reads, so a page of
 * badges does not download the messages of the other elements.
 */
import enFaces from './en-faces.ts';
import enLevel from './en-level.ts';
import type { Message } from './message.ts';

const enCore = {
  ...enFaces,
  ...enLevel,
  'signIn.level': 'Sign in to see your level and points.',
} as const satisfies Record<string, Message>;

export default enCore;
