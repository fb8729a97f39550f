/**
 * The English that `<check-in-calendar>`'s ready face alone reads; it loads with the ready face, beside the
 * store. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enCheckInCalendarReady = {
  'checkIn.action': 'Check in',
  'checkIn.awarded': { one: 'Checked in: +{n} coin', other: 'Checked in: +{n} coins' },
  'checkIn.bonusAwarded': { one: 'Monthly bonus: +{n} coin', other: 'Monthly bonus: +{n} coins' },
  'checkIn.monthCount': { one: '{n} day checked in this month', other: '{n} days checked in this month' },
  'checkIn.bonusTier': '{count} of {target} days',
  'checkIn.bonusReward': { one: '+{n} bonus coin', other: '+{n} bonus coins' },
  'checkIn.bonusEarned': 'Bonus earned',
  'checkIn.calendar': 'Check-ins in {month}',
  'checkIn.dayChecked': '{date}, checked in',
  'checkIn.dayMissed': '{date}, not checked in',
  'checkIn.previousMonth': 'Previous month',
  'checkIn.nextMonth': 'Next month',
  'checkIn.checking': 'Checking in…',
  'checkIn.bonusTierName': '{n}-day bonus',
} as const satisfies Record<string, Message>;

export default enCheckInCalendarReady;
