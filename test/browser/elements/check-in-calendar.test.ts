import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/check-in-calendar/define.ts';
import type { CheckInCalendar } from '../../../src/elements/check-in-calendar/check-in-calendar.ts';
import type { RewardsCheckedInEvent } from '../../../src/events/checked-in.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import { createRewardsClient } from '../../../src/sdk/rewards-client.ts';
import { newMember, serverUrl, signToken } from '../support/server.ts';
import { part, parts, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch, type FetchSpy } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { untilText } from './support/until-text.ts';

// ---------------------------------------------------------------------------------------------
// Answers of GET /v1/me/check-ins for a fixed "today", so dates, weeks and tiers are known.

const TODAY = '2025-03-12'; // a Wednesday

function tiers(month: string, count: number) {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const length = new Date(Date.UTC(year, monthNumber, 0)).getUTCDate();
  return [
    { atCount: 7, coins: 100 },
    { atCount: 14, coins: 200 },
    { atCount: 21, coins: 300 },
    { atCount: 30, coins: 400 },
  ].map((tier) => {
    const atCount = Math.min(tier.atCount, length);
    return { atCount, coins: tier.coins, earned: count >= atCount };
  });
}

function monthAnswer(month: string, dates: number[], today = TODAY) {
  const days = dates.map((date) => `${month}-${String(date).padStart(2, '0')}`);
  return { month, today, checkedInToday: days.includes(today), days, bonuses: tiers(month, days.length) };
}

function json(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

/** Answers check-in calendars from `months` (by `YYYY-MM`; the current month when none is asked). */
function answerCheckIns(months: Record<string, number[]>, today = TODAY, post?: () => Response): FetchSpy {
  return spyOnFetch((url, init) => {
    if (url.pathname !== '/v1/me/check-ins') return undefined;
    if ((init?.method ?? 'GET') === 'POST') return post?.();
    const month = url.searchParams.get('month') ?? today.slice(0, 7);
    return json(monthAnswer(month, months[month] ?? [], today));
  });
}

let memberCounter = 0;
/** A token for a member the real server never hears of (its calendar answers come from the spy). */
function scriptedToken(): Promise<string> {
  memberCounter += 1;
  return signToken(`calendar-${Date.now().toString(36)}-${memberCounter}`);
}

interface CalendarOptions {
  api: string;
  token?: string | undefined;
  month?: string | undefined;
  locale?: string | undefined;
  theme?: 'light' | 'dark' | undefined;
}

async function calendar(options: CalendarOptions, face = 'ready'): Promise<CheckInCalendar> {
  const element = await fixture<CheckInCalendar>(html`<check-in-calendar
    api=${options.api}
    token=${ifDefined(options.token)}
    month=${ifDefined(options.month)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></check-in-calendar>`);
  await untilFace(element, face);
  return element;
}

async function scriptedCalendar(months: Record<string, number[]>, options: Partial<CalendarOptions> = {}) {
  const spy = answerCheckIns(months);
  const element = await calendar({ api: await serverUrl(), token: await scriptedToken(), ...options });
  return { element, spy };
}

function cell(element: CheckInCalendar, day: string): HTMLElement {
  const found = element.shadowRoot!.querySelector<HTMLElement>(`[role="gridcell"][data-day="${day}"]`);
  if (!found) throw new Error(`no cell for ${day}; month shown: ${part(element, 'month')?.textContent}`);
  return found;
}

/** What a screen reader announces for a day cell. */
function cellLabel(element: CheckInCalendar, day: string): string {
  return cell(element, day).querySelector('.visually-hidden')!.textContent!.trim();
}

function focusedDay(element: CheckInCalendar): string | undefined {
  return (element.shadowRoot!.activeElement as HTMLElement | null)?.dataset['day'];
}

async function press(element: CheckInCalendar, key: string): Promise<void> {
  await sendKeys({ press: key });
  await element.updateComplete;
  await element.updateComplete;
}

function tierTexts(element: CheckInCalendar): string[] {
  return parts(element, 'bonus').map((tier) => visibleText(tier));
}

function subscribers(element: CheckInCalendar): number {
  const store = (element as unknown as { checkIns: { store?: { lc: number } } }).checkIns.store;
  return store?.lc ?? 0;
}

describe('check-in-calendar', () => {
  let spy: FetchSpy | undefined;
  let removeHostile: (() => void) | undefined;
  let hostileElement: HTMLElement | undefined;

  afterEach(() => {
    spy?.restore();
    spy = undefined;
    removeHostile?.();
    removeHostile = undefined;
    hostileElement?.remove();
    hostileElement = undefined;
    fixtureCleanup();
  });

  describe('accessibility audit (axe), every face, both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready face passes in the ${theme} theme`, async () => {
        const scripted = await scriptedCalendar({ '2025-03': [1, 2, 3, 5, 8, 9, 10, 11, 12] }, { theme });
        spy = scripted.spy;
        await expect(scripted.element).to.be.accessible();
      });

      it(`loading face passes in the ${theme} theme`, async () => {
        // No API anywhere yet: the calendar waits, as a skeleton.
        const element = await fixture<CheckInCalendar>(html`<check-in-calendar theme=${theme}></check-in-calendar>`);
        await untilFace(element, 'loading');
        await expect(element).to.be.accessible();
      });

      it(`signed-out face passes in the ${theme} theme`, async () => {
        const element = await calendar({ api: await serverUrl(), theme }, 'signed-out');
        await expect(element).to.be.accessible();
      });

      it(`error face passes in the ${theme} theme`, async () => {
        spy = spyOnFetch((url) => (url.pathname === '/v1/me/check-ins' ? problemResponse(403, 'forbidden') : undefined));
        const element = await calendar({ api: await serverUrl(), token: await scriptedToken(), theme }, 'error');
        await expect(element).to.be.accessible();
      });
    }

    it('passes after checking in (button done, message shown)', async () => {
      const member = await newMember();
      const element = await calendar({ api: await serverUrl(), token: member.token });
      part(element, 'check-in-button')!.click();
      await oneEvent(element, 'rewards-checked-in');
      await element.updateComplete;
      await expect(element).to.be.accessible();
    });
  });

  describe('C6 the month as a grid', () => {
    it('C6 is a grid of rows, with weekday column headers starting on Sunday in English', async () => {
      const scripted = await scriptedCalendar({ '2025-03': [3, 4] });
      spy = scripted.spy;
      const grid = part(scripted.element, 'grid')!;
      expect(grid.getAttribute('role')).to.equal('grid');
      expect(grid.getAttribute('aria-label')).to.equal('Check-ins in March 2025');
      const rows = grid.querySelectorAll('[role="row"]');
      // A header row, then March 2025 in Sunday-first weeks: 6 weeks.
      expect(rows.length).to.equal(7);
      const headers = [...rows[0]!.querySelectorAll('[role="columnheader"]')].map((header) => header.querySelector('.visually-hidden')!.textContent!.trim());
      expect(headers).to.deep.equal(['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday']);
      for (const row of [...rows].slice(1)) expect(row.querySelectorAll('[role="gridcell"]').length).to.equal(7);
      // 1 March 2025 is a Saturday: the last column of the first week.
      expect(rows[1]!.querySelectorAll('[role="gridcell"]')[6]!.getAttribute('data-day')).to.equal('2025-03-01');
    });

    it('C6 checked-in days are said and ticked, not only coloured; days after today are plain dates', async () => {
      const scripted = await scriptedCalendar({ '2025-03': [3, 4] });
      spy = scripted.spy;
      const element = scripted.element;
      expect(cellLabel(element, '2025-03-03')).to.equal('Monday, March 3, 2025, checked in');
      expect(cell(element, '2025-03-03').querySelector('[part~="check-mark"]')).to.not.equal(null);
      expect(cell(element, '2025-03-03').getAttribute('part')).to.contain('day-checked');
      expect(cellLabel(element, '2025-03-05')).to.equal('Wednesday, March 5, 2025, not checked in');
      expect(cell(element, '2025-03-05').querySelector('[part~="check-mark"]')).to.equal(null);
      expect(cellLabel(element, '2025-03-20')).to.equal('Thursday, March 20, 2025');
      expect(visibleText(part(element, 'count')!)).to.equal('2 days checked in this month');
    });

    it("C6 today is the server's day, highlighted and marked aria-current, and holds the only tab stop", async () => {
      const scripted = await scriptedCalendar({ '2025-03': [] });
      spy = scripted.spy;
      const element = scripted.element;
      const current = element.shadowRoot!.querySelectorAll('[aria-current="date"]');
      expect(current.length).to.equal(1);
      expect((current[0] as HTMLElement).dataset['day']).to.equal(TODAY);
      expect(current[0]!.getAttribute('part')).to.contain('day-today');
      const tabStops = element.shadowRoot!.querySelectorAll('[role="gridcell"][tabindex="0"]');
      expect([...tabStops].map((stop) => (stop as HTMLElement).dataset['day'])).to.deep.equal([TODAY]);
    });
  });

  describe('C6 keyboard', () => {
    async function focusedCalendar(months: Record<string, number[]> = { '2025-03': [] }, locale = 'en') {
      const scripted = await scriptedCalendar(months, { locale });
      spy = scripted.spy;
      cell(scripted.element, TODAY).focus();
      return scripted.element;
    }

    it('C6 arrows move the focus by a day and by a week, and the tab stop follows', async () => {
      const element = await focusedCalendar();
      await press(element, 'ArrowRight');
      expect(focusedDay(element)).to.equal('2025-03-13');
      await press(element, 'ArrowDown');
      expect(focusedDay(element)).to.equal('2025-03-20');
      await press(element, 'ArrowLeft');
      expect(focusedDay(element)).to.equal('2025-03-19');
      await press(element, 'ArrowUp');
      expect(focusedDay(element)).to.equal('2025-03-12');
      expect(cell(element, '2025-03-12').tabIndex).to.equal(0);
      expect(element.shadowRoot!.querySelectorAll('[role="gridcell"][tabindex="0"]').length).to.equal(1);
    });

    it('C6 Home and End go to the start and end of the week (Sunday-first in English)', async () => {
      const element = await focusedCalendar();
      await press(element, 'Home');
      expect(focusedDay(element)).to.equal('2025-03-09');
      await press(element, 'End');
      expect(focusedDay(element)).to.equal('2025-03-15');
    });

    it('C6 Home and End follow the Chinese week, which starts on Monday', async () => {
      const element = await focusedCalendar({ '2025-03': [] }, 'zh-CN');
      await press(element, 'Home');
      expect(focusedDay(element)).to.equal('2025-03-10');
      await press(element, 'End');
      expect(focusedDay(element)).to.equal('2025-03-16');
    });

    it('C6 PageUp opens the previous month on the same day, or on its last day', async () => {
      const element = await focusedCalendar({ '2025-03': [], '2025-02': [3, 4, 5], '2025-01': [31] });
      await press(element, 'PageUp');
      expect(focusedDay(element)).to.equal('2025-02-12');
      expect(visibleText(part(element, 'month')!)).to.equal('February 2025');
      await untilText(element, () => cellLabel(element, '2025-02-03'), 'Monday, February 3, 2025, checked in');
      expect(focusedDay(element), 'the focus stays in the grid while the month loads').to.equal('2025-02-12');

      // From 31 January, PageDown lands on 28 February.
      await press(element, 'PageUp');
      expect(focusedDay(element)).to.equal('2025-01-12');
      cell(element, '2025-01-31').focus();
      await press(element, 'PageDown');
      expect(focusedDay(element)).to.equal('2025-02-28');
    });

    it('C6 no key leads past the current month; arrows cross into the previous one', async () => {
      const element = await focusedCalendar({ '2025-03': [], '2025-02': [] });
      await press(element, 'PageDown');
      expect(focusedDay(element)).to.equal(TODAY);
      expect(visibleText(part(element, 'month')!)).to.equal('March 2025');
      cell(element, '2025-03-31').focus();
      await press(element, 'ArrowRight');
      expect(focusedDay(element)).to.equal('2025-03-31');
      cell(element, '2025-03-01').focus();
      await press(element, 'ArrowLeft');
      expect(focusedDay(element)).to.equal('2025-02-28');
      expect(visibleText(part(element, 'month')!)).to.equal('February 2025');
    });

    it('C6 clicking a day moves the tab stop to it', async () => {
      const element = await focusedCalendar();
      cell(element, '2025-03-04').click();
      await element.updateComplete;
      expect(cell(element, '2025-03-04').tabIndex).to.equal(0);
      expect(cell(element, TODAY).tabIndex).to.equal(-1);
    });

    it('C6 in a right-to-left language ArrowLeft goes forward in time', async () => {
      const element = await focusedCalendar({ '2025-03': [] }, 'ar');
      expect(element.shadowRoot!.querySelector('.root')!.getAttribute('dir')).to.equal('rtl');
      await press(element, 'ArrowLeft');
      expect(focusedDay(element)).to.equal('2025-03-13');
      await press(element, 'ArrowRight');
      expect(focusedDay(element)).to.equal('2025-03-12');
    });
  });

  describe('C6 earlier months', () => {
    it('C6 the previous and next buttons move a month; next is inactive on the current month', async () => {
      const scripted = await scriptedCalendar({ '2025-03': [1], '2025-02': [1, 2, 3, 4, 5, 6, 7, 8] });
      spy = scripted.spy;
      const element = scripted.element;
      const next = part(element, 'next-month')!;
      expect(next.getAttribute('aria-disabled')).to.equal('true');
      expect(visibleText(next)).to.equal('Next month');
      next.click();
      await element.updateComplete;
      expect(visibleText(part(element, 'month')!)).to.equal('March 2025');

      part(element, 'previous-month')!.click();
      await element.updateComplete;
      expect(visibleText(part(element, 'month')!)).to.equal('February 2025');
      await untilText(element, () => visibleText(part(element, 'count') ?? element), '8 days checked in this month');
      expect(part(element, 'next-month')!.getAttribute('aria-disabled')).to.equal('false');
      expect(element.month).to.equal('2025-02');

      part(element, 'next-month')!.click();
      await element.updateComplete;
      expect(visibleText(part(element, 'month')!)).to.equal('March 2025');
      expect(element.month, 'the current month is "no month"').to.equal(undefined);
    });

    it('C6 an earlier month that cannot be loaded says so in place, keeps the grid, and Try again loads it', async () => {
      let refuse = true;
      spy = spyOnFetch((url) => {
        if (url.pathname !== '/v1/me/check-ins') return undefined;
        const month = url.searchParams.get('month');
        if (month === '2025-02' && refuse) return problemResponse(429, 'rate_limited');
        return json(monthAnswer(month ?? '2025-03', month ? [1, 2] : [5]));
      });
      const element = await calendar({ api: await serverUrl(), token: await scriptedToken() });
      part(element, 'previous-month')!.click();
      await untilText(
        element,
        () => visibleText(element.shadowRoot!.querySelector('[role="alert"]') ?? element),
        'Too many requests. Please wait a moment. Try again',
      );
      expect(element.matches(':state(ready)')).to.equal(true);
      expect(part(element, 'grid')!.getAttribute('aria-busy')).to.equal('true');
      expect(cellLabel(element, '2025-02-01'), 'no state is claimed while unknown').to.equal('Saturday, February 1, 2025');
      refuse = false;
      part(element, 'retry-button')!.click();
      await untilText(element, () => cellLabel(element, '2025-02-01'), 'Saturday, February 1, 2025, checked in');
      expect(element.shadowRoot!.querySelector('[role="alert"]')).to.equal(null);
    });

    it('C6 month="YYYY-MM" opens that month, and a later change of the attribute follows', async () => {
      const scripted = await scriptedCalendar({ '2025-01': [2, 3], '2024-12': [24, 25, 26] }, { month: '2025-01' });
      spy = scripted.spy;
      const element = scripted.element;
      expect(visibleText(part(element, 'month')!)).to.equal('January 2025');
      expect(cellLabel(element, '2025-01-02')).to.equal('Thursday, January 2, 2025, checked in');
      // The month's first day holds the tab stop when today is elsewhere.
      expect(cell(element, '2025-01-01').tabIndex).to.equal(0);

      element.setAttribute('month', '2024-12');
      await untilText(element, () => visibleText(part(element, 'count') ?? element), '3 days checked in this month');
      expect(visibleText(part(element, 'month')!)).to.equal('December 2024');
      expect(cellLabel(element, '2024-12-25')).to.equal('Wednesday, December 25, 2024, checked in');
    });

    it('C6 a month after the current one is not shown: the current month is', async () => {
      const scripted = await scriptedCalendar({ '2025-03': [10] }, { month: '2025-06' });
      spy = scripted.spy;
      const element = scripted.element;
      await untilText(element, () => visibleText(part(element, 'count') ?? element), '1 day checked in this month');
      expect(visibleText(part(element, 'month')!)).to.equal('March 2025');
      expect(element.shadowRoot!.querySelector('[data-day^="2025-06"]')).to.equal(null);
    });
  });

  describe('C6 checking in (real server)', () => {
    // Skipped: a click in the first moments after the calendar shows a brand-new member's month
    // waits forever (the server answers 201; the store's mutation never settles, so the button
    // stays busy). Clicking a second later works. The fix belongs to the store; this test is the
    // reproduction and must run again once it is fixed.
    it('C6 the button checks in once: +10 coins said, the day marked, the button done and saying so', async () => {
      const member = await newMember();
      const element = await calendar({ api: await serverUrl(), token: member.token });
      const button = part(element, 'check-in-button')!;
      expect(visibleText(button)).to.equal('Check in');
      expect(button.getAttribute('aria-disabled')).to.equal('false');

      setTimeout(() => button.click());
      const event = (await oneEvent(element, 'rewards-checked-in')) as RewardsCheckedInEvent;
      await element.updateComplete;

      expect(event.detail.coinsAwarded).to.equal(10);
      expect(event.detail.bonusAwarded).to.equal(0);
      expect(event.bubbles && event.composed).to.equal(true);
      const today = event.detail.day;
      expect(visibleText(part(element, 'message')!)).to.equal('Checked in: +10 coins');
      expect(visibleText(part(element, 'check-in-button')!)).to.equal('Checked in today');
      expect(part(element, 'check-in-button')!.getAttribute('aria-disabled')).to.equal('true');
      expect(cellLabel(element, today)).to.match(/, checked in$/);
      expect(cell(element, today).getAttribute('aria-current')).to.equal('date');
      expect(visibleText(part(element, 'count')!)).to.equal('1 day checked in this month');

      // Pressing the finished button does nothing more.
      let more = 0;
      element.addEventListener('rewards-checked-in', () => more++);
      part(element, 'check-in-button')!.click();
      await element.updateComplete;
      expect(more).to.equal(0);
    });

    it('C6 a check-in made in another tab: a short message, and the calendar re-syncs', async () => {
      const member = await newMember();
      const api = await serverUrl();
      const element = await calendar({ api, token: member.token });
      // Another tab (another client, unknown to this page's store) checks in first.
      const other = createRewardsClient({ baseUrl: api, getToken: () => member.token });
      const { day } = await other.checkIn();

      const errors: RewardsErrorEvent[] = [];
      element.addEventListener('rewards-error', (event) => errors.push(event));
      part(element, 'check-in-button')!.click();

      await untilText(element, () => visibleText(part(element, 'message')!), 'You have already checked in today.');
      await untilText(element, () => visibleText(part(element, 'check-in-button')!), 'Checked in today');
      expect(cellLabel(element, day)).to.match(/, checked in$/);
      expect(errors.map((error) => error.detail.code)).to.deep.equal(['already_checked_in']);
      expect(errors[0]!.detail.source).to.equal('check-in-calendar');
    });

    it('C6 a member already checked in today sees the button done', async () => {
      const member = await newMember();
      const api = await serverUrl();
      await createRewardsClient({ baseUrl: api, getToken: () => member.token }).checkIn();
      const element = await calendar({ api, token: member.token });
      expect(visibleText(part(element, 'check-in-button')!)).to.equal('Checked in today');
      expect(part(element, 'check-in-button')!.getAttribute('aria-disabled')).to.equal('true');
    });
  });

  describe('C7 monthly bonus tiers', () => {
    it('C7 shows each tier with its progress and which are earned ("14 of 21 days")', async () => {
      const dates = (count: number) => [...Array(count).keys()].map((i) => i + 1);
      const scripted = await scriptedCalendar({ '2025-03': dates(12), '2025-02': dates(14) });
      spy = scripted.spy;
      const element = scripted.element;
      expect(tierTexts(element)).to.deep.equal([
        '7-day bonus +100 bonus coins Bonus earned',
        '14-day bonus +200 bonus coins 12 of 14 days',
        '21-day bonus +300 bonus coins 12 of 21 days',
        '30-day bonus +400 bonus coins 12 of 30 days',
      ]);
      expect(parts(element, 'bonus-earned').length).to.equal(1);

      part(element, 'previous-month')!.click();
      await untilText(element, () => tierTexts(element)[2] ?? '', '21-day bonus +300 bonus coins 14 of 21 days');
      expect(parts(element, 'bonus-earned').length).to.equal(2);
      const bars = parts(element, 'bonus-progress');
      expect(bars.map((bar) => bar.getAttribute('aria-valuenow'))).to.deep.equal(['7', '14', '14', '14']);
      expect(bars.map((bar) => bar.getAttribute('aria-valuemax'))).to.deep.equal(['7', '14', '21', '28']);
      expect(bars[2]!.getAttribute('aria-valuetext')).to.equal('14 of 21 days');
    });

    it("C7 in February the last tier's target is the month's length, and a full month earns all four", async () => {
      const all = [...Array(28).keys()].map((i) => i + 1);
      const scripted = await scriptedCalendar({ '2025-02': all, '2025-03': [] }, { month: '2025-02' });
      spy = scripted.spy;
      const element = scripted.element;
      expect(tierTexts(element).map((text) => text.split(' ')[0])).to.deep.equal(['7-day', '14-day', '21-day', '28-day']);
      expect(parts(element, 'bonus-earned').length).to.equal(4);
      expect(parts(element, 'bonus-progress').map((bar) => bar.getAttribute('aria-valuetext'))).to.deep.equal([
        '7 of 7 days',
        '14 of 14 days',
        '21 of 21 days',
        '28 of 28 days',
      ]);
    });

    it('C7 a check-in that reaches a tier says the bonus, and the event carries it', async () => {
      const six = [3, 4, 5, 6, 7, 10];
      spy = answerCheckIns({ '2025-03': six }, TODAY, () =>
        json({ day: TODAY, coinsAwarded: 10, bonusAwarded: 100, coins: { available: 170, pending: 0 } }, 201),
      );
      const element = await calendar({ api: await serverUrl(), token: await scriptedToken() });
      setTimeout(() => part(element, 'check-in-button')!.click());
      const event = (await oneEvent(element, 'rewards-checked-in')) as RewardsCheckedInEvent;
      await element.updateComplete;
      expect(event.detail).to.deep.equal({ day: TODAY, coinsAwarded: 10, bonusAwarded: 100 });
      expect(visibleText(part(element, 'message')!)).to.equal('Checked in: +10 coins Monthly bonus: +100 coins');
      expect(tierTexts(element)[0]).to.equal('7-day bonus +100 bonus coins Bonus earned');
      expect(cellLabel(element, TODAY)).to.equal('Wednesday, March 12, 2025, checked in');
    });
  });

  describe('faces', () => {
    it("signed-out: the page's own sign-in link in the slot", async () => {
      const element = await fixture<CheckInCalendar>(html`<check-in-calendar api=${await serverUrl()} locale="en"
        ><a slot="signed-out" href="/login">Sign in to check in</a></check-in-calendar
      >`);
      await untilFace(element, 'signed-out');
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="signed-out"]')!;
      expect(slot.assignedElements().map((assigned) => assigned.textContent)).to.deep.equal(['Sign in to check in']);
    });

    it('signed-out without a slotted link says why in words', async () => {
      const element = await calendar({ api: await serverUrl() }, 'signed-out');
      expect(visibleText(element)).to.equal('Sign in to check in and earn coins every day.');
    });

    it('error: a short message, one rewards-error, and Try again loads the calendar', async () => {
      let refuse = true;
      spy = spyOnFetch((url) => {
        if (url.pathname !== '/v1/me/check-ins') return undefined;
        return refuse ? problemResponse(403, 'forbidden') : json(monthAnswer('2025-03', [1]));
      });
      const errors: RewardsErrorEvent[] = [];
      const listener = (event: RewardsErrorEvent) => errors.push(event);
      document.addEventListener('rewards-error', listener);
      try {
        const element = await calendar({ api: await serverUrl(), token: await scriptedToken() }, 'error');
        expect(visibleText(part(element, 'face-error')!)).to.equal('Something went wrong. Try again');
        await element.updateComplete;
        expect(errors.map((error) => [error.detail.code, error.detail.source])).to.deep.equal([['forbidden', 'check-in-calendar']]);

        refuse = false;
        part(element, 'retry-button')!.click();
        await untilFace(element, 'ready');
        expect(visibleText(part(element, 'count')!)).to.equal('1 day checked in this month');
      } finally {
        document.removeEventListener('rewards-error', listener);
      }
    });

    it("loading: a skeleton of the calendar's size, so nothing moves when the data arrives", async () => {
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const original = globalThis.fetch;
      globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
        if (String(input).includes('/v1/me/check-ins')) {
          await gate;
          return json(monthAnswer('2025-03', [1, 2, 3]));
        }
        return original(input, init);
      };
      try {
        const element = await calendar({ api: await serverUrl(), token: await scriptedToken() }, 'loading');
        const face = part(element, 'face-loading')!;
        expect(face.getAttribute('role')).to.equal('status');
        expect(face.getAttribute('aria-busy')).to.equal('true');
        const loading = element.getBoundingClientRect();
        release();
        await untilFace(element, 'ready');
        const ready = element.getBoundingClientRect();
        expect(Math.abs(ready.height - loading.height), `${loading.height} → ${ready.height}`).to.be.below(4);
        expect(Math.abs(ready.width - loading.width)).to.be.below(1);
      } finally {
        globalThis.fetch = original;
      }
    });
  });

  describe('languages', () => {
    it('C6 Simplified Chinese: words, month, weekdays from Monday, and dates', async () => {
      const scripted = await scriptedCalendar({ '2025-03': [3] }, { locale: 'zh-CN' });
      spy = scripted.spy;
      const element = scripted.element;
      await untilText(element, () => visibleText(part(element, 'title')!), '每日签到');
      expect(visibleText(part(element, 'month')!)).to.equal('2025年3月');
      expect(visibleText(part(element, 'check-in-button')!)).to.equal('签到');
      expect(visibleText(part(element, 'count')!)).to.equal('本月已签到 1 天');
      const headers = parts(element, 'weekday').map((header) => header.querySelector('.visually-hidden')!.textContent!.trim());
      expect(headers[0]).to.equal('星期一');
      expect(headers[6]).to.equal('星期日');
      expect(cellLabel(element, '2025-03-03')).to.equal('2025年3月3日星期一，已签到');
      expect(tierTexts(element)[0]).to.equal('签到 7 天奖励 +100 奖励金币 1/7 天');
      expect(element.shadowRoot!.querySelector('.root')!.getAttribute('lang')).to.equal('zh-CN');
    });
  });

  describe('on a hostile page', () => {
    it('C6 keeps its grid and its button visible and usable under * { all: unset } and friends', async () => {
      removeHostile = addHostileStyles();
      const member = await newMember();
      // Straight into <body>: the page hides every div, a test fixture's container included.
      const element = document.createElement('check-in-calendar');
      element.api = await serverUrl();
      element.token = member.token;
      element.locale = 'en';
      document.body.append(element);
      hostileElement = element;
      await untilFace(element, 'ready');
      const button = part(element, 'check-in-button')!;
      const box = button.getBoundingClientRect();
      expect(box.width).to.be.above(40);
      expect(box.height).to.be.at.least(36);
      const day = element.shadowRoot!.querySelector<HTMLElement>('[role="gridcell"][data-day]')!;
      expect(day.getBoundingClientRect().height).to.be.above(20);
      expect(getComputedStyle(part(element, 'grid')!).display).to.equal('grid');
      setTimeout(() => button.click());
      await oneEvent(element, 'rewards-checked-in');
    });
  });

  describe('life cycle', () => {
    it("C6 a new member (token) after the first render shows that member's calendar", async () => {
      const api = await serverUrl();
      const first = await newMember();
      const second = await newMember();
      await createRewardsClient({ baseUrl: api, getToken: () => second.token }).checkIn();
      const element = await calendar({ api, token: first.token });
      expect(visibleText(part(element, 'check-in-button')!)).to.equal('Check in');
      element.token = second.token;
      await untilText(element, () => visibleText(part(element, 'check-in-button')!), 'Checked in today');
      expect(visibleText(part(element, 'count')!)).to.equal('1 day checked in this month');
    });

    it('C6 two calendars of one member share one request, and the second shows the month at once', async () => {
      const token = await scriptedToken();
      const first = await scriptedCalendar({ '2025-03': [1, 2] }, { token });
      spy = first.spy;
      const second = await fixture<CheckInCalendar>(html`<check-in-calendar api=${await serverUrl()} token=${token} locale="en"></check-in-calendar>`);
      expect(second.matches(':state(ready)'), 'ready on its first render').to.equal(true);
      expect(visibleText(part(second, 'count')!)).to.equal('2 days checked in this month');
      expect(spy.count('/v1/me/check-ins')).to.equal(1);
    });

    it('removing the element leaves no subscription behind; putting it back subscribes again', async () => {
      const scripted = await scriptedCalendar({ '2025-03': [1] });
      spy = scripted.spy;
      const element = scripted.element;
      expect(subscribers(element)).to.equal(1);
      const parent = element.parentElement!;
      element.remove();
      expect(subscribers(element)).to.equal(0);
      parent.append(element);
      await element.updateComplete;
      expect(subscribers(element)).to.equal(1);
    });
  });
});
