/**
 * Every data element facing an API that is down (connection refused), slow (answers only after
 * the SDK's 10 s per-attempt timeout) or answering garbage with a success status (HTML,
 * truncated JSON, the right keys with the wrong types): it leaves its skeleton for its error
 * face within the SDK's budget for a read (10 s of page time from its first request to the broken
 * API), with a short message, fires one `rewards-error`, and its "Try again" shows the data once
 * the API is back.
 *
 * Page time runs faster while the API is broken (support/time-warp.ts), so a case takes well
 * under a second. A new element is one more row in `ELEMENTS`.
 */
import { expect } from '@open-wc/testing';
import '../../../src/elements/index.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import enCore from '../../../src/i18n/en-core.ts';
import { serverUrl } from '../support/server.ts';
import { memberWorld, type MemberWorld } from './support/member-world.ts';
import { part, untilFace, visibleText } from './support/faces.ts';
import { warpTime } from './support/time-warp.ts';
import { unreliableApi, type ApiHealth } from './support/unreliable-api.ts';

interface ElementRow {
  /** The row's name: the tag, and how it is signed in when that matters. */
  name: string;
  tag: string;
  /** Attributes besides `api` and `locale`, from the world the test made. */
  attributes(world: MemberWorld): Record<string, string>;
  /** Text the ready face shows once the API is back: proof that the data arrived. */
  shows(world: MemberWorld): string;
  /** The face with the data: `signed-out` for public data shown to a visitor. */
  dataFace?: string;
}

const signedIn = (world: MemberWorld) => ({ token: world.member.token });

const ELEMENTS: ElementRow[] = [
  {
    name: 'member-level-badge (member=…)',
    tag: 'member-level-badge',
    attributes: (w) => ({ member: w.member.memberId, variant: 'full' }),
    shows: () => 'Ada Lovelace',
  },
  { name: 'member-level-badge (signed in)', tag: 'member-level-badge', attributes: (w) => ({ ...signedIn(w), variant: 'full' }), shows: () => 'Ada Lovelace' },
  { name: 'level-progress', tag: 'level-progress', attributes: signedIn, shows: () => 'Mars' },
  { name: 'coin-balance', tag: 'coin-balance', attributes: signedIn, shows: () => '850' },
  { name: 'coin-history', tag: 'coin-history', attributes: signedIn, shows: () => 'check-in' },
  { name: 'check-in-calendar', tag: 'check-in-calendar', attributes: signedIn, shows: () => 'Checked in' },
  { name: 'redemption-cart', tag: 'redemption-cart', attributes: signedIn, shows: (w) => w.giftName },
  { name: 'earn-coins-list (signed in)', tag: 'earn-coins-list', attributes: signedIn, shows: () => 'check-in' },
  { name: 'earn-coins-list (signed out)', tag: 'earn-coins-list', attributes: () => ({}), shows: () => 'check-in', dataFace: 'signed-out' },
  { name: 'reward-catalog (signed in)', tag: 'reward-catalog', attributes: signedIn, shows: (w) => w.giftName },
  { name: 'reward-catalog (signed out)', tag: 'reward-catalog', attributes: () => ({}), shows: (w) => w.giftName, dataFace: 'signed-out' },
  { name: 'member-price', tag: 'member-price', attributes: (w) => ({ ...signedIn(w), price: '1299' }), shows: () => '$' },
  { name: 'points-for-product', tag: 'points-for-product', attributes: (w) => ({ ...signedIn(w), price: '1299', quantity: '2' }), shows: () => 'points' },
  { name: 'project-donate (signed in)', tag: 'project-donate', attributes: (w) => ({ ...signedIn(w), project: w.projectId }), shows: () => 'Ada Lovelace' },
  {
    name: 'project-donate (signed out)',
    tag: 'project-donate',
    attributes: (w) => ({ project: w.projectId }),
    shows: () => 'Ada Lovelace',
    dataFace: 'signed-out',
  },
  { name: 'seller-dashboard', tag: 'seller-dashboard', attributes: (w) => ({ token: w.seller.token }), shows: (w) => w.productName },
];

/**
 * `warp`: how much faster page time runs while the API is broken. Only where no real server
 * is asked meanwhile: a real answer's latency would be stretched as much.
 */
const FAILURES: Array<{ health: Exclude<ApiHealth, 'up'>; what: string; warp: number }> = [
  // A refused connection fails at once; only the backoff's waits need compressing, and real
  // latencies (stretched as much as the clock) stay small beside the budget.
  { health: 'down', what: 'down (connection refused)', warp: 10 },
  { health: 'slow', what: 'slow (no answer within the 10 s timeout)', warp: 50 },
  { health: 'html', what: 'answering 200 with an HTML page', warp: 1 },
  { health: 'truncated-json', what: 'answering truncated JSON', warp: 1 },
  { health: 'wrong-shape', what: 'answering the right status with the wrong shape', warp: 1 },
];

/** How long (real time) the test waits after the error face for a late second report. */
const SETTLE_MS = 100;
/** The SDK's budget for a read: no read, its retries included, takes longer (src/sdk/retry.ts). */
const RETRY_BUDGET_MS = 10_000;
/** Page time a loaded machine adds: each late timer is late 50 times over in page time. */
const LATE_TIMERS_MS = 5_000;
const ERROR_MESSAGES = new Set(
  Object.entries(enCore)
    .filter(([key]) => key.startsWith('error.') && key !== 'error.retry')
    .map(([, text]) => text),
);

/** The error's message as announced (the alert), without the button's text. */
function errorMessage(element: HTMLElement): string {
  const face = element.shadowRoot!.querySelector('[role="alert"]');
  if (!face) return '';
  const button = part(element, 'retry-button')?.textContent ?? '';
  return visibleText(face).replace(button.replace(/\s+/g, ' ').trim(), '').replace(/\s+/g, ' ').trim();
}

describe('every element on an unreliable API', () => {
  let world: MemberWorld;
  before(async () => {
    world = await memberWorld();
  });

  for (const row of ELEMENTS) {
    describe(row.name, () => {
      for (const failure of FAILURES) {
        it(`${failure.what}: error face, one rewards-error, Try again works once it is back`, async () => {
          const unreliable = unreliableApi(await serverUrl(), failure.health);
          const errors: RewardsErrorEvent[] = [];
          const onError = (event: RewardsErrorEvent) => errors.push(event);
          document.addEventListener('rewards-error', onError);
          const element = document.createElement(row.tag);
          const warp = warpTime(failure.warp);
          try {
            element.setAttribute('api', unreliable.api);
            element.setAttribute('locale', 'en');
            for (const [name, value] of Object.entries(row.attributes(world))) element.setAttribute(name, value);
            document.body.append(element);
            // Code the element loads on demand comes first, in real time stretched by the warp.
            await untilFace(element, 'error', 6 * RETRY_BUDGET_MS);
            const shownAfter = Date.now() - (unreliable.firstFailedAt ?? Date.now());
            // Anything still retrying or a second resource failing would report again meanwhile.
            await new Promise((resolve) => setTimeout(resolve, SETTLE_MS * failure.warp));
            warp.restore();

            expect(unreliable.failedRequests, 'the broken API was asked').to.be.greaterThan(0);
            expect(shownAfter, 'page time from the first request to the error face').to.be.at.most(RETRY_BUDGET_MS + LATE_TIMERS_MS);
            expect(ERROR_MESSAGES, `a short message, not "${errorMessage(element)}"`).to.include(errorMessage(element));
            expect(
              errors.map((event) => event.detail.source),
              'rewards-error events',
            ).to.deep.equal([row.tag]);
            expect(visibleText(element)).not.to.match(/Bad Gateway|<|\{/);

            unreliable.health = 'up';
            part<HTMLButtonElement>(element, 'retry-button')!.click();
            await untilFace(element, row.dataFace ?? 'ready', 5_000);
            expect(visibleText(element)).to.include(row.shows(world));
            expect(errors, 'no more rewards-error once it is back').to.have.length(1);
          } finally {
            warp.restore();
            element.remove();
            unreliable.restore();
            document.removeEventListener('rewards-error', onError);
          }
        });
      }
    });
  }
});
