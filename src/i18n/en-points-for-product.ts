/**
 * The English that `<points-for-product>` alone reads. Part of the English catalog (`en.ts`); the element bundles it with the shared parts it reads, and no other element's messages.
 */
import type { Message } from './message.ts';

const enPointsForProduct = {
  'earn.forOrder': 'Earn {points} and {coins}',
  'earn.reachLevel': 'and reach {level}',
  'earn.nothing': 'This amount earns no points.',
} as const satisfies Record<string, Message>;

export default enPointsForProduct;
