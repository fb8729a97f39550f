/** The scheduler of the server's timed work: at start, then every interval; errors logged, never fatal; a clean stop. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadServerConfig } from '../../../../src/server/config.ts';
import { createCapturingLogger } from '../../../../src/server/http/logger.ts';
import type { TimedJob } from '../../../../src/server/timed-work/job.ts';
import { createScheduler, type SchedulerTrigger } from '../../../../src/server/timed-work/scheduler.ts';
import { TestClock } from '../support/test-clock.ts';

/** A trigger the test fires by hand, remembering the interval it was given and whether it was cancelled. */
function manualTrigger() {
  const state = { intervalMs: 0, fire: () => {}, cancelled: false };
  const trigger: SchedulerTrigger = (intervalMs, tick) => {
    state.intervalMs = intervalMs;
    state.fire = tick;
    return () => {
      state.cancelled = true;
    };
  };
  return { trigger, state };
}

function recordingJob(name: string, runs: Date[], behaviour: (now: Date) => Promise<void> = async () => {}): TimedJob {
  return {
    name,
    async run(now) {
      runs.push(now);
      await behaviour(now);
    },
  };
}

describe('timed-work scheduler', () => {
  test("M2 jobs run at start and then on every tick, about once a minute, each with the clock's time", async () => {
    const clock = new TestClock('2025-04-01T00:00:00Z');
    const runs: Date[] = [];
    const { trigger, state } = manualTrigger();
    const scheduler = createScheduler({ jobs: [recordingJob('a', runs)], clock, logger: createCapturingLogger(), trigger });
    scheduler.start();
    await scheduler.tick(); // joins the tick that start() began
    assert.equal(state.intervalMs, 60_000);
    clock.set('2025-04-01T00:01:00Z');
    state.fire();
    await scheduler.tick();
    assert.deepEqual(
      runs.map((d) => d.toISOString()),
      ['2025-04-01T00:00:00.000Z', '2025-04-01T00:01:00.000Z'],
    );
    await scheduler.stop();
  });

  test('a failing job is logged and the next job still runs; the next tick tries again', async () => {
    const logger = createCapturingLogger();
    const runs: Date[] = [];
    const failing: TimedJob = { name: 'broken', run: async () => Promise.reject(new Error('database away')) };
    const scheduler = createScheduler({ jobs: [failing, recordingJob('after', runs)], clock: new TestClock(), logger, trigger: manualTrigger().trigger });
    await scheduler.tick();
    await scheduler.tick();
    assert.equal(runs.length, 2);
    const errors = logger.records.filter((r) => r.level === 'error');
    assert.equal(errors.length, 2);
    assert.deepEqual([errors[0]?.msg, errors[0]?.job], ['timed job failed', 'broken']);
    await scheduler.stop();
  });

  test('a tick still running is joined, not doubled; stop() waits for it and no tick runs after', async () => {
    let release = () => {};
    const runs: Date[] = [];
    const slow = recordingJob('slow', runs, () => new Promise<void>((resolve) => (release = resolve)));
    const { trigger, state } = manualTrigger();
    const scheduler = createScheduler({ jobs: [slow], clock: new TestClock(), logger: createCapturingLogger(), trigger });
    scheduler.start();
    state.fire();
    const joined = scheduler.tick();
    assert.equal(runs.length, 1);
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    assert.equal(stopped, false, 'stop waits for the job in flight');
    release();
    await Promise.all([joined, stopping]);
    assert.equal(state.cancelled, true);
    await scheduler.tick();
    assert.equal(runs.length, 1);
  });

  test('REWARDS_SCHEDULER: on by default, 0 turns it off, anything else is a configuration error', () => {
    const base = { DATABASE_URL: 'memory://' };
    assert.equal(loadServerConfig(base).scheduler, true);
    assert.equal(loadServerConfig({ ...base, REWARDS_SCHEDULER: '0' }).scheduler, false);
    assert.equal(loadServerConfig({ ...base, REWARDS_SCHEDULER: '1' }).scheduler, true);
    assert.throws(() => loadServerConfig({ ...base, REWARDS_SCHEDULER: 'yes' }), /REWARDS_SCHEDULER must be 1 or 0/);
  });
});
