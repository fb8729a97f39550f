/**
 * The English that `<check-in-calendar>` alone reads before its ready face: its loading, signed-out and other
 * faces. Part of the English catalog (`en.ts`); the ready face's messages come with the ready face
 * (`en-check-in-calendar-ready.ts`).
 */
import type { Message } from './message.ts';

const enCheckInCalendar = {
  'checkIn.title': 'Daily check-in',
  'checkIn.bonusTitle': 'Monthly bonus',
  'signIn.checkIn': 'Sign in to check in and earn coins every day.',
} as const satisfies Record<string, Message>;

export default enCheckInCalendar;
