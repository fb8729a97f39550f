/**
 * The English of amounts several elements show: coins and points, counted. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enAmounts = {
  'coins.amount': { one: '{n} coin', other: '{n} coins' },
  'coins.unit': { one: 'coin', other: 'coins' },
  'points.unit': { one: 'point', other: 'points' },
  'level.points': { one: '{n} point', other: '{n} points' },
} as const satisfies Record<string, Message>;

export default enAmounts;
