/**
 * The English a level badge needs to show a level: the planet names, `LV n` and the spoken
 * name. Part of `en-core.ts` (and so of the English catalog); on its own, it is all a page of
 * public badges bundles: the faces' messages come with the faces, when one is first shown.
 */
import type { Message } from './message.ts';

const enLevel = {
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
} as const satisfies Record<string, Message>;

export default enLevel;
