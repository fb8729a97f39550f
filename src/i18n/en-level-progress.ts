/**
 * The English that `<level-progress>` alone reads. Part of the English catalog (`en.ts`); the element bundles it with the shared parts it reads, and no other element's messages.
 */
import type { Message } from './message.ts';

const enLevelProgress = {
  'level.pointsToNext': { one: '{n} point to {level}', other: '{n} points to {level}' },
  'level.progress': 'Progress to {level}',
  'level.top': 'Top level reached',
  'level.discount': '{percent} member discount',
  'level.progressValue': '{points} of {target} points',
  'level.reached': 'Level up! You reached {level}.',
} as const satisfies Record<string, Message>;

export default enLevelProgress;
