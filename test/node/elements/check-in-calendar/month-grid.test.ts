import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dayOfMonth, entryDay, isDay, sameDateIn, shownMonth } from '../../../../src/elements/check-in-calendar/month-grid.ts';
import { isGridKey, monthWeeks, moveFocus, weekdayColumns, type MoveContext } from '../../../../src/elements/check-in-calendar/month-layout.ts';

const MONDAY = 1;
const SUNDAY = 7;

test("C6 weekday columns start on the locale's first day", () => {
  assert.deepEqual(weekdayColumns(MONDAY), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(weekdayColumns(SUNDAY), [7, 1, 2, 3, 4, 5, 6]);
  assert.deepEqual(weekdayColumns(6), [6, 7, 1, 2, 3, 4, 5]);
  // Anything that is not an ISO weekday falls back to Monday.
  assert.deepEqual(weekdayColumns(0), [1, 2, 3, 4, 5, 6, 7]);
});

test('C6 March 2025 in Monday-first weeks: starts on a Saturday, five full rows plus one', () => {
  const weeks = monthWeeks('2025-03', MONDAY);
  assert.equal(weeks.length, 6);
  assert.deepEqual(weeks[0], [null, null, null, null, null, '2025-03-01', '2025-03-02']);
  assert.deepEqual(weeks[5], ['2025-03-31', null, null, null, null, null, null]);
  for (const week of weeks) assert.equal(week.length, 7);
  assert.equal(weeks.flat().filter((cell) => cell !== null).length, 31);
});

test('C6 March 2025 in Sunday-first weeks: the 1st is in the last column, the 2nd opens row two', () => {
  const weeks = monthWeeks('2025-03', SUNDAY);
  assert.deepEqual(weeks[0], [null, null, null, null, null, null, '2025-03-01']);
  assert.deepEqual(weeks[1], ['2025-03-02', '2025-03-03', '2025-03-04', '2025-03-05', '2025-03-06', '2025-03-07', '2025-03-08']);
  assert.equal(weeks.length, 6);
});

test('C7 February 2026 (28 days, starting on a Sunday) fills exactly four Sunday-first rows', () => {
  const weeks = monthWeeks('2026-02', SUNDAY);
  assert.equal(weeks.length, 4);
  assert.equal(weeks[0]?.[0], '2026-02-01');
  assert.equal(weeks[3]?.[6], '2026-02-28');
  assert.equal(monthWeeks('2024-02', MONDAY).flat().filter(Boolean).length, 29);
});

test("C6 a day of a month is clamped to that month's length", () => {
  assert.equal(dayOfMonth('2025-04', 31), '2025-04-30');
  assert.equal(dayOfMonth('2025-04', 0), '2025-04-01');
  assert.equal(sameDateIn('2025-03-31', '2025-02'), '2025-02-28');
  assert.equal(sameDateIn('2024-03-30', '2024-02'), '2024-02-29');
  assert.equal(sameDateIn('2025-03-15', '2025-04'), '2025-04-15');
});

test("C6 the shown month is the requested one, never one after the shop's current month", () => {
  assert.equal(shownMonth(undefined, '2025-03-07'), '2025-03');
  assert.equal(shownMonth('2024-11', '2025-03-07'), '2024-11');
  assert.equal(shownMonth('2025-04', '2025-03-07'), '2025-03');
  assert.equal(shownMonth('2025-13', '2025-03-07'), '2025-03');
  assert.equal(shownMonth('March', '2025-03-07'), '2025-03');
});

test('C6 a month opens on today, else on the date the reader was on, else on the 1st', () => {
  assert.equal(entryDay('2025-03', '2025-03-07'), '2025-03-07');
  assert.equal(entryDay('2025-03', '2025-03-07', '2025-02-20'), '2025-03-07');
  assert.equal(entryDay('2025-02', '2025-03-07', '2025-03-31'), '2025-02-28');
  assert.equal(entryDay('2025-01', '2025-03-07'), '2025-01-01');
});

const context: MoveContext = { firstDay: MONDAY, latestMonth: '2025-03' };

test('C6 arrows move a day or a week, crossing into the previous month', () => {
  assert.equal(moveFocus('2025-03-05', 'ArrowRight', context), '2025-03-06');
  assert.equal(moveFocus('2025-03-05', 'ArrowLeft', context), '2025-03-04');
  assert.equal(moveFocus('2025-03-05', 'ArrowDown', context), '2025-03-12');
  assert.equal(moveFocus('2025-03-05', 'ArrowUp', context), '2025-02-26');
  assert.equal(moveFocus('2025-03-01', 'ArrowLeft', context), '2025-02-28');
  assert.equal(moveFocus('2025-02-28', 'ArrowRight', context), '2025-03-01');
});

test('C6 in a right-to-left layout ArrowLeft goes forward in time', () => {
  const rtl = { ...context, rtl: true };
  assert.equal(moveFocus('2025-03-05', 'ArrowLeft', rtl), '2025-03-06');
  assert.equal(moveFocus('2025-03-05', 'ArrowRight', rtl), '2025-03-04');
  assert.equal(moveFocus('2025-03-05', 'ArrowDown', rtl), '2025-03-12');
});

test("C6 no move leads past the shop's current month", () => {
  assert.equal(moveFocus('2025-03-31', 'ArrowRight', context), '2025-03-31');
  assert.equal(moveFocus('2025-03-28', 'ArrowDown', context), '2025-03-28');
  assert.equal(moveFocus('2025-03-10', 'PageDown', context), '2025-03-10');
  assert.equal(moveFocus('2025-02-10', 'PageDown', context), '2025-03-10');
  assert.equal(moveFocus('2025-02-10', 'PageDown', { ...context, shift: true }), '2025-02-10');
});

test("C6 Home and End go to the start and end of the week, in the locale's week", () => {
  // 2025-03-05 is a Wednesday.
  assert.equal(moveFocus('2025-03-05', 'Home', context), '2025-03-03');
  assert.equal(moveFocus('2025-03-05', 'End', context), '2025-03-09');
  const sundayFirst = { ...context, firstDay: SUNDAY };
  assert.equal(moveFocus('2025-03-05', 'Home', sundayFirst), '2025-03-02');
  assert.equal(moveFocus('2025-03-05', 'End', sundayFirst), '2025-03-08');
  // On Home, a Sunday-first week's first day is the day itself.
  assert.equal(moveFocus('2025-03-02', 'Home', sundayFirst), '2025-03-02');
});

test('C6 Home and End stay in the month when the week straddles two', () => {
  // Monday-first: the week of Saturday 2025-03-01 starts on 24 February.
  assert.equal(moveFocus('2025-03-01', 'Home', context), '2025-03-01');
  assert.equal(moveFocus('2025-03-31', 'End', context), '2025-03-31');
  assert.equal(moveFocus('2025-01-30', 'End', context), '2025-01-31');
});

test('C6 PageUp/PageDown move to the same date of the adjacent month, or its last day', () => {
  assert.equal(moveFocus('2025-03-15', 'PageUp', context), '2025-02-15');
  assert.equal(moveFocus('2025-03-31', 'PageUp', context), '2025-02-28');
  assert.equal(moveFocus('2025-01-31', 'PageDown', context), '2025-02-28');
  assert.equal(moveFocus('2025-01-31', 'PageUp', context), '2024-12-31');
  assert.equal(moveFocus('2024-03-31', 'PageUp', { ...context, latestMonth: '2024-03' }), '2024-02-29');
  assert.equal(moveFocus('2025-03-15', 'PageUp', { ...context, shift: true }), '2024-03-15');
});

test('C6 grid keys and calendar days are recognised', () => {
  for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']) {
    assert.ok(isGridKey(key), key);
  }
  assert.ok(!isGridKey('Enter'));
  assert.ok(!isGridKey('Tab'));
  assert.ok(isDay('2024-02-29'));
  assert.ok(!isDay('2025-02-29'));
  assert.ok(!isDay(20250201));
});
