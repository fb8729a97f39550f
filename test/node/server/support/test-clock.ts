import type { Clock } from '../../../../src/server/clock.ts';

/** A clock that stands still until a test sets or advances it. */
export class TestClock implements Clock {
  private ms: number;

  constructor(start: string | Date = '2025-03-10T12:00:00Z') {
    this.ms = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.ms);
  }

  set(at: string | Date): void {
    this.ms = new Date(at).getTime();
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
