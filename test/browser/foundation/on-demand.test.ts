/**
 * What the elements load after connecting (the store, the quote rules): once per page however
 * many elements ask, and again after a failed download: once the browser is back online, or
 * after a wait when the network failed without going offline.
 */
import { expect } from '@open-wc/testing';
import { loadFor, onDemand } from '../../../src/elements/shared/on-demand.ts';

/** A stand-in for a Lit host: counts the updates it is asked for. */
function host(): { updates: number; requestUpdate(): void } {
  return {
    updates: 0,
    requestUpdate() {
      this.updates++;
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A module whose first `failures` downloads fail; `attempts` counts them all. */
function flakyModule(failures: number) {
  const counter = { attempts: 0 };
  const demand = onDemand(async () => {
    counter.attempts++;
    if (counter.attempts <= failures) throw new TypeError('Failed to fetch dynamically imported module');
    return { answer: 42 };
  });
  return { demand, counter };
}

/** Runs `fn` with `console.error` captured; resolves with what it was called with. */
async function consoleErrorsOf(fn: () => Promise<void>): Promise<unknown[][]> {
  const errors: unknown[][] = [];
  const consoleError = console.error;
  console.error = (...args: unknown[]) => errors.push(args);
  try {
    await fn();
  } finally {
    console.error = consoleError;
  }
  return errors;
}

describe('modules on demand', () => {
  it('are downloaded once for every element that asks, and each element updates when it arrives', async () => {
    let downloads = 0;
    const demand = onDemand(async () => {
      downloads++;
      return { answer: 42 };
    });
    const first = host();
    const second = host();
    loadFor(first, demand, 'a module');
    loadFor(second, demand, 'a module');
    expect(demand.module).to.equal(undefined);
    await settle();
    expect(downloads).to.equal(1);
    expect(demand.module).to.deep.equal({ answer: 42 });
    expect([first.updates, second.updates]).to.deep.equal([1, 1]);
    // Already there: nothing to wait for, no extra update.
    loadFor(first, demand, 'a module');
    expect(first.updates).to.equal(1);
  });

  it('are downloaded again once the browser is back online after a failed download', async () => {
    const { demand, counter } = flakyModule(1);
    const element = host();
    const errors = await consoleErrorsOf(async () => {
      loadFor(element, demand, 'the store');
      await settle();
    });
    expect(demand.module).to.equal(undefined);
    expect(element.updates).to.equal(0);
    expect(String(errors[0]?.[0])).to.contain('the store could not be loaded');
    dispatchEvent(new Event('online'));
    await settle();
    expect(counter.attempts).to.equal(2);
    expect(demand.module).to.deep.equal({ answer: 42 });
    expect(element.updates).to.equal(1);
  });

  it('are downloaded again after a wait when the browser never went offline, reporting the failure once', async () => {
    const { demand, counter } = flakyModule(2);
    const element = host();
    const errors = await consoleErrorsOf(async () => {
      loadFor(element, demand, 'the store');
      await settle();
      expect(counter.attempts).to.equal(1);
      // 1 s, then 2 s: the third attempt succeeds. Waited for until it has, not for a timer that
      // the two chained waits of the retries can outlast on a busy machine.
      const deadline = Date.now() + 8_000;
      while (demand.module === undefined) {
        if (Date.now() > deadline) throw new Error(`the module never arrived (${counter.attempts} attempts)`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });
    expect(counter.attempts).to.equal(3);
    expect(demand.module).to.deep.equal({ answer: 42 });
    expect(element.updates).to.equal(1);
    expect(errors).to.have.length(1);
  });
});
