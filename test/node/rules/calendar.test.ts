import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addMonths,
  calendarDay,
  dayBounds,
  daysBetween,
  daysInMonth,
  daysOfMonth,
  firstWorkingDays,
  isCalendarDay,
  isCalendarMonth,
  isoWeekday,
  isoWeekKey,
  isWorkingDay,
  monthOfDay,
} from '../../../src/rules/calendar.ts';

test('calendar: the day of an instant depends on the zone', () => {
  assert.equal(calendarDay('2026-03-01T15:59:59Z', 'Asia/Shanghai'), '2026-03-01');
  assert.equal(calendarDay('2026-03-01T16:00:00Z', 'Asia/Shanghai'), '2026-03-02');
  assert.equal(calendarDay('2026-03-01T03:00:00Z', 'America/New_York'), '2026-02-28');
  assert.equal(calendarDay(Date.UTC(2026, 0, 1), 'UTC'), '2026-01-01');
  assert.equal(calendarDay(new Date('2025-12-31T23:59:59.999Z'), 'UTC'), '2025-12-31');
  assert.throws(() => calendarDay('not a time', 'UTC'), RangeError);
});

test('calendar: day bounds are 24 h, or 23 h and 25 h on the New York DST change days', () => {
  const hours = (day: string, zone: string) => {
    const { start, end } = dayBounds(day, zone);
    return (end.getTime() - start.getTime()) / 3_600_000;
  };
  assert.deepEqual(dayBounds('2026-03-02', 'Asia/Shanghai'), { start: new Date('2026-03-01T16:00:00Z'), end: new Date('2026-03-02T16:00:00Z') });
  assert.equal(hours('2026-03-08', 'America/New_York'), 23);
  assert.equal(hours('2026-11-01', 'America/New_York'), 25);
  assert.equal(hours('2026-11-02', 'America/New_York'), 24);
  assert.deepEqual(dayBounds('2026-03-08', 'America/New_York').start, new Date('2026-03-08T05:00:00Z'));
  assert.deepEqual(dayBounds('2026-03-09', 'America/New_York').start, new Date('2026-03-09T04:00:00Z'));
});

test('calendar: months and their days, leap years included', () => {
  assert.equal(daysInMonth('2026-02'), 28);
  assert.equal(daysInMonth('2028-02'), 29);
  assert.equal(daysInMonth('2100-02'), 28);
  assert.equal(daysInMonth('2000-02'), 29);
  assert.equal(daysInMonth('2026-01'), 31);
  assert.equal(daysInMonth('2026-04'), 30);
  assert.equal(daysOfMonth('2028-02').length, 29);
  assert.equal(daysOfMonth('2028-02').at(-1), '2028-02-29');
  assert.equal(monthOfDay('2026-12-31'), '2026-12');
  assert.equal(addMonths('2026-12', 1), '2027-01');
  assert.equal(addMonths('2026-01', -1), '2025-12');
  assert.equal(addDays('2028-02-28', 1), '2028-02-29');
  assert.equal(addDays('2026-02-28', 1), '2026-03-01');
  assert.equal(daysBetween('2025-12-30', '2026-01-02'), 3);
});

test('calendar: day and month formats are checked', () => {
  assert.equal(isCalendarDay('2026-02-29'), false);
  assert.equal(isCalendarDay('2028-02-29'), true);
  assert.equal(isCalendarDay('2026-13-01'), false);
  assert.equal(isCalendarDay('2026-1-01'), false);
  assert.equal(isCalendarMonth('2026-00'), false);
  assert.equal(isCalendarMonth('2026-12'), true);
  assert.throws(() => monthOfDay('2026-02-30'), RangeError);
});

test('C15 ISO week keys across year boundaries', () => {
  assert.equal(isoWeekKey('2026-01-01'), '2026-W01'); // a Thursday
  assert.equal(isoWeekKey('2025-12-29'), '2026-W01'); // Monday of that week, still in 2025
  assert.equal(isoWeekKey('2025-12-28'), '2025-W52'); // the Sunday before
  assert.equal(isoWeekKey('2021-01-03'), '2020-W53'); // 2020 had 53 weeks
  assert.equal(isoWeekKey('2021-01-04'), '2021-W01');
  assert.equal(isoWeekKey('2027-01-01'), '2026-W53');
  assert.equal(isoWeekKey('2026-06-15'), '2026-W25');
  assert.equal(isoWeekday('2026-01-01'), 4);
  assert.equal(isoWeekday('2026-01-04'), 7);
});

test('M2 working days are Monday to Friday minus holidays', () => {
  assert.equal(isWorkingDay('2026-06-05'), true); // Friday
  assert.equal(isWorkingDay('2026-06-06'), false); // Saturday
  assert.equal(isWorkingDay('2026-06-07'), false); // Sunday
  assert.equal(isWorkingDay('2026-06-08', ['2026-06-08']), false);
  assert.deepEqual(firstWorkingDays('2026-06', 3), ['2026-06-01', '2026-06-02', '2026-06-03']);
  // August 2026 starts on a Saturday.
  assert.deepEqual(firstWorkingDays('2026-08', 3), ['2026-08-03', '2026-08-04', '2026-08-05']);
  assert.deepEqual(firstWorkingDays('2026-01', 3, ['2026-01-01']), ['2026-01-02', '2026-01-05', '2026-01-06']);
  assert.deepEqual(firstWorkingDays('2026-01', 0), []);
});
