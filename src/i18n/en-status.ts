/**
 * The English of a member's state that two elements say alike: today's check-in done, no member discount yet. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enStatus = {
  'checkIn.done': 'Checked in today',
  'level.noDiscountYet': 'No member discount yet',
} as const satisfies Record<string, Message>;

export default enStatus;
