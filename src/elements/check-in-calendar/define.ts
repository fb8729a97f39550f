import { CheckInCalendar } from './check-in-calendar.ts';

// Skipped when the tag is taken: two copies of the kit on one page must not throw.
if (!customElements.get('check-in-calendar')) customElements.define('check-in-calendar', CheckInCalendar);

export { CheckInCalendar };
