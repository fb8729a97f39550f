import { expect, fixture, html } from '@open-wc/testing';
import {
  RewardsCartChangedEvent,
  RewardsCheckedInEvent,
  RewardsErrorEvent,
  RewardsLevelUpEvent,
  RewardsRedeemedEvent,
  RewardsWithdrawalRequestedEvent,
} from '../../../src/events/index.ts';

/** Dispatches from inside two nested shadow roots and returns what `document` heard. */
async function heardOnDocument<E extends Event>(event: E): Promise<{ heard: E | undefined; target: EventTarget | null }> {
  const outer = await fixture<HTMLElement>(html`<div id="page-widget"></div>`);
  const outerRoot = outer.attachShadow({ mode: 'open' });
  const middle = document.createElement('div');
  outerRoot.append(middle);
  const innerRoot = middle.attachShadow({ mode: 'closed' });
  const button = document.createElement('button');
  innerRoot.append(button);

  let heard: E | undefined;
  let target: EventTarget | null = null;
  const listener = (e: Event) => {
    heard = e as E;
    target = e.target;
  };
  document.addEventListener(event.type, listener);
  button.dispatchEvent(event);
  document.removeEventListener(event.type, listener);
  return { heard, target };
}

describe('events', () => {
  const cases: [string, () => Event & { detail: object }, object][] = [
    [
      'rewards-checked-in',
      () => new RewardsCheckedInEvent({ day: '2025-03-07', coinsAwarded: 10, bonusAwarded: 100 }),
      { day: '2025-03-07', coinsAwarded: 10, bonusAwarded: 100 },
    ],
    [
      'rewards-redeemed',
      () => new RewardsRedeemedEvent({ catalogItemId: 'mug', coins: 300, cartItemId: 'c-1' }),
      { catalogItemId: 'mug', coins: 300, cartItemId: 'c-1' },
    ],
    [
      'rewards-cart-changed',
      () => new RewardsCartChangedEvent({ reason: 'removed', itemId: 'c-1', coinsReturned: 300 }),
      { reason: 'removed', itemId: 'c-1', coinsReturned: 300 },
    ],
    ['rewards-level-up', () => new RewardsLevelUpEvent({ from: 2, to: 3 }), { from: 2, to: 3 }],
    [
      'rewards-withdrawal-requested',
      () => new RewardsWithdrawalRequestedEvent({ withdrawalId: 'w-1', amountCents: 1250, storeCreditCents: 8250 }),
      { withdrawalId: 'w-1', amountCents: 1250, storeCreditCents: 8250 },
    ],
    [
      'rewards-error',
      () => new RewardsErrorEvent({ code: 'insufficient_coins', status: 409, detail: 'Needs 50 more coins', source: 'reward-catalog' }),
      { code: 'insufficient_coins', status: 409, detail: 'Needs 50 more coins', source: 'reward-catalog' },
    ],
  ];

  for (const [type, create, detail] of cases) {
    it(`${type} bubbles out of nested shadow roots to document, with its detail`, async () => {
      const event = create();
      expect(event.type).to.equal(type);
      expect(event.bubbles).to.equal(true);
      expect(event.composed).to.equal(true);
      const { heard, target } = await heardOnDocument(event);
      expect(heard).to.equal(event);
      expect((target as Element).id).to.equal('page-widget');
      expect(heard!.detail).to.deep.equal(detail);
    });

    it(`${type} has a detail nobody downstream can change`, () => {
      const event = create();
      expect(Object.isFrozen(event.detail)).to.equal(true);
      expect(() => Object.assign(event.detail, { extra: 1 })).to.throw(TypeError);
    });
  }

  it('a listener typed through GlobalEventHandlersEventMap gets the subclass', () => {
    let coins = 0;
    const listener = (e: RewardsRedeemedEvent) => (coins = e.detail.coins);
    document.addEventListener('rewards-redeemed', listener);
    document.dispatchEvent(new RewardsRedeemedEvent({ catalogItemId: 'x', coins: 42 }));
    document.removeEventListener('rewards-redeemed', listener);
    expect(coins).to.equal(42);
  });

  it('each event class names its event', () => {
    expect(RewardsCheckedInEvent.eventName).to.equal('rewards-checked-in');
    expect(RewardsRedeemedEvent.eventName).to.equal('rewards-redeemed');
    expect(RewardsCartChangedEvent.eventName).to.equal('rewards-cart-changed');
    expect(RewardsLevelUpEvent.eventName).to.equal('rewards-level-up');
    expect(RewardsErrorEvent.eventName).to.equal('rewards-error');
    expect(RewardsWithdrawalRequestedEvent.eventName).to.equal('rewards-withdrawal-requested');
  });
});
