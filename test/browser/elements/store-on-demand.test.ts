/**
 * The data elements load the shared store (store, SDK, contract schemas) on demand: a page
 * downloads it once the first data element connects, once for every element on the page, and
 * the elements show their loading face until it has arrived. This file imports no store
 * module itself, so the page starts without one (web-test-runner serves modules unbundled: a
 * module's download is a resource entry of its own).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/coin-balance/define.ts';
import '../../../src/elements/level-progress/define.ts';
import type { CoinBalance } from '../../../src/elements/coin-balance/coin-balance.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { untilFace, visibleText } from './support/faces.ts';

// The browser keeps 250 resource entries by default; the elements' own modules are ~120 of them.
const RESOURCE_BUFFER = 250;
const loadedWithTheElements = performance.getEntriesByType('resource').length;
performance.setResourceTimingBufferSize(10_000);

/** The modules of the store chunk the page has downloaded so far. */
function storeDownloads(): string[] {
  return performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\/src\/(store\/rewards-store|store\/session|sdk\/transport)\.ts$/.test(path) || path.includes('/zod/'));
}

describe('the store on demand', () => {
  it('is not downloaded with the elements, then once for every element on the page, which show their balance and level', async () => {
    expect(loadedWithTheElements, 'every module loaded with the elements was recorded').to.be.below(RESOURCE_BUFFER);
    expect(storeDownloads(), 'store modules before any element connected').to.deep.equal([]);
    const api = await serverUrl();
    const { token } = await newMember({ coins: 321 });
    const container = await fixture<HTMLDivElement>(html`<div>
      <coin-balance api=${api} token=${token} locale="en"></coin-balance>
      <level-progress api=${api} token=${token} locale="en"></level-progress>
    </div>`);
    const balance = container.querySelector<CoinBalance>('coin-balance')!;
    const progress = container.querySelector('level-progress')!;
    // Connected, the store still on its way: the loading face, not an empty or broken one.
    expect(balance.matches(':state(loading)')).to.equal(true);
    await untilFace(balance, 'ready');
    await untilFace(progress, 'ready');
    expect(visibleText(balance)).to.contain('321');
    const downloads = storeDownloads();
    expect(downloads.filter((path) => path.endsWith('/store/rewards-store.ts'))).to.have.length(1);
  });
});
