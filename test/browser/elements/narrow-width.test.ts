/**
 * Every member-facing element, and the seller's dashboard, fits a 280 px container (a small
 * phone's column) with no horizontal overflow, showing real data from the reference server. A
 * wide table may scroll sideways inside its own labelled, focusable region.
 */
import { expect, fixtureCleanup } from '@open-wc/testing';
import '../../../src/elements/index.ts';
import { createRewardsClient } from '../../../src/sdk/rewards-client.ts';
import { newMember, serverUrl, shop } from '../support/server.ts';
import { untilFace } from './support/faces.ts';

const WIDTH = 280;

interface Case {
  tag: string;
  attributes?: Record<string, string>;
  face: string;
}

const CASES: Case[] = [
  { tag: 'member-level-badge', attributes: { variant: 'full', size: 'large' }, face: 'ready' },
  { tag: 'level-progress', face: 'ready' },
  { tag: 'coin-balance', face: 'ready' },
  { tag: 'coin-history', face: 'ready' },
  { tag: 'check-in-calendar', face: 'ready' },
  { tag: 'redemption-cart', face: 'ready' },
  { tag: 'earn-coins-list', face: 'ready' },
  { tag: 'reward-catalog', face: 'ready' },
  { tag: 'member-price', attributes: { price: '1234567' }, face: 'ready' },
  { tag: 'points-for-product', attributes: { price: '1234567', quantity: '3' }, face: 'ready' },
  { tag: 'project-donate', face: 'ready' },
  { tag: 'seller-dashboard', face: 'ready' },
];

/** Every box drawn inside `root`, through nested shadow roots; screen-reader-only text excluded. */
function boxes(root: ShadowRoot | Element): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    if (element.classList.contains('visually-hidden') || element.closest('.visually-hidden')) continue;
    found.push(element);
    if (element.shadowRoot) found.push(...boxes(element.shadowRoot));
  }
  return found;
}

/**
 * Whether `element` lies in a region that scrolls sideways by itself (a wide table): a labelled
 * region reachable from the keyboard, so its content may extend beyond the container.
 */
function inScrollRegion(element: Element): boolean {
  for (let ancestor = element.parentElement; ancestor; ancestor = ancestor.parentElement) {
    const scrolls = ['auto', 'scroll'].includes(getComputedStyle(ancestor).overflowX);
    if (scrolls && ancestor.getAttribute('role') === 'region' && ancestor.tabIndex === 0 && ancestor.hasAttribute('aria-labelledby')) return true;
  }
  return false;
}

function describeBox(element: Element): string {
  return `<${element.localName}${element.getAttribute('part') ? ` part="${element.getAttribute('part')}"` : ''}${element.className && typeof element.className === 'string' ? ` class="${element.className}"` : ''}>`;
}

describe('every element fits a 280 px container', () => {
  let member: { memberId: string; token: string };
  let projectId: string;
  let seller: { memberId: string; token: string };

  before(async () => {
    // Mars with coins, a gift in the cart, a check-in and a donation: every element has content.
    member = await newMember({ displayName: 'A member with a rather long display name', coins: 800 });
    const client = createRewardsClient({ baseUrl: await serverUrl(), getToken: () => member.token });
    const gift = `narrow-gift-${Date.now().toString(36)}`;
    await shop('putCatalogItem', gift, {
      kind: 'product',
      name: 'A soldering station with a remarkably long product name',
      description: 'Temperature-controlled, with a stand and three tips',
      imageUrl: null,
      coins: 50,
      stock: 5,
    });
    await client.redeem(gift);
    await client.checkIn();
    projectId = `narrow-project-${Date.now().toString(36)}`;
    const owner = await newMember();
    await shop('sendEvent', {
      id: `${projectId}-created`,
      type: 'project.created',
      memberId: owner.memberId,
      occurredAt: new Date().toISOString(),
      data: { projectId, title: 'A project' },
    } as never);
    await client.donate(projectId, 10);
    // A seller with a product whose name is long, and one order of it.
    seller = await newMember({ displayName: 'A partner seller with a long name' });
    await shop('putSeller', seller.memberId, 'A partner seller with a long name');
    await shop('putSellerProduct', seller.memberId, 'LONG', { name: 'A modular synthesizer kit with a remarkably long name', stock: 9 });
    await shop('sendEvent', {
      id: `${projectId}-order`,
      type: 'order.completed',
      memberId: member.memberId,
      occurredAt: new Date().toISOString(),
      data: {
        orderId: `${projectId}-order`,
        lines: [{ sku: 'LONG', unitPriceCents: 123_456, quantity: 2, partnerSellerId: seller.memberId }],
        shippingCents: 0,
      },
    });
  });

  afterEach(() => fixtureCleanup());

  for (const testCase of CASES) {
    it(`${testCase.tag} has no horizontal overflow`, async () => {
      const container = document.createElement('div');
      container.style.cssText = `inline-size: ${WIDTH}px; padding: 0; margin: 0; overflow: visible`;
      const element = document.createElement(testCase.tag) as HTMLElement & { token?: string };
      element.setAttribute('api', await serverUrl());
      element.setAttribute('locale', 'en');
      for (const [name, value] of Object.entries(testCase.attributes ?? {})) element.setAttribute(name, value);
      if (testCase.tag === 'project-donate') element.setAttribute('project', projectId);
      if (testCase.tag === 'member-level-badge') element.setAttribute('member', member.memberId);
      else element.token = testCase.tag === 'seller-dashboard' ? seller.token : member.token;
      container.append(element);
      document.body.append(container);
      try {
        await untilFace(element, testCase.face);
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const limit = container.getBoundingClientRect();
        expect(container.scrollWidth, 'the container does not scroll sideways').to.be.at.most(WIDTH);
        expect(element.getBoundingClientRect().right, 'the element itself').to.be.at.most(limit.right + 0.5);
        const outside = boxes(element.shadowRoot!).filter((box) => {
          const rect = box.getBoundingClientRect();
          return rect.width > 0 && (rect.right > limit.right + 0.5 || rect.left < limit.left - 0.5) && !inScrollRegion(box);
        });
        expect(outside.map(describeBox), 'boxes beyond the container').to.deep.equal([]);
      } finally {
        container.remove();
      }
    });
  }
});
