import { expect } from '@open-wc/testing';
import {
  firstDayOfWeek,
  formatDateTime,
  formatDay,
  formatMoney,
  formatMonth,
  formatNumber,
  formatPercent,
  formatSigned,
  parseDay,
  pluralCategory,
  weekdayName,
} from '../../../src/elements/shared/format.ts';

describe('Intl helpers', () => {
  it('formats numbers per locale', () => {
    expect(formatNumber('en', 12345)).to.equal('12,345');
    expect(formatNumber('zh-CN', 12345)).to.equal('12,345');
    expect(formatNumber('de', 12345)).to.equal('12.345');
  });

  it('shows the sign of ledger amounts, and none for zero', () => {
    expect(formatSigned('en', 10)).to.equal('+10');
    expect(formatSigned('en', -1000)).to.equal('-1,000');
    expect(formatSigned('en', 0)).to.equal('0');
  });

  it('formats whole percentages and money in minor units', () => {
    expect(formatPercent('en', 6)).to.equal('6%');
    expect(formatMoney('en', 1299)).to.equal('$12.99');
    expect(formatMoney('en', 1299, 'JPY')).to.equal('¥1,299');
  });

  it('formats calendar days and months without shifting them into the reader’s time zone', () => {
    expect(formatDay('en', '2025-03-01')).to.equal('Mar 1, 2025');
    expect(formatDay('zh-CN', '2025-03-01')).to.equal('2025年3月1日');
    expect(formatMonth('en', '2025-12')).to.equal('December 2025');
    expect(formatMonth('zh-CN', '2025-03')).to.equal('2025年3月');
    expect(() => parseDay('2025-3-1')).to.throw(RangeError);
  });

  it('formats instants', () => {
    const text = formatDateTime('en', '2025-03-07T12:00:00Z', { dateStyle: 'medium', timeZone: 'UTC' });
    expect(text).to.equal('Mar 7, 2025');
  });

  it('names ISO weekdays, and knows where a week starts', () => {
    expect(weekdayName('en', 1)).to.equal('Mon');
    expect(weekdayName('en', 7, 'long')).to.equal('Sunday');
    expect(weekdayName('zh-CN', 3, 'short')).to.equal('周三');
    expect(firstDayOfWeek('en-US')).to.equal(7);
    expect(firstDayOfWeek('en-GB')).to.equal(1);
    expect(firstDayOfWeek('zh-CN')).to.equal(1);
  });

  it('gives plural categories per locale', () => {
    expect(pluralCategory('en', 1)).to.equal('one');
    expect(pluralCategory('en', 2)).to.equal('other');
    expect(pluralCategory('zh-CN', 1)).to.equal('other');
  });
});
