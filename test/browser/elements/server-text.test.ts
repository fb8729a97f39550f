/**
 * Markup and script in any text the server returns stay text in every element that shows one:
 * display names (badge, donors), catalog names, descriptions and image URLs, seller and product
 * names, and the texts the kit shows as the server wrote them (the reason of a ledger entry and
 * the title of a way to earn that the kit has no words for). A reader sees the text as typed;
 * nothing in it becomes an element, an attribute or a script.
 *
 * Elements that show only numbers and the kit's own words (coin-balance, level-progress,
 * check-in-calendar, member-price, points-for-product) have no row.
 */
import { expect } from '@open-wc/testing';
import '../../../src/elements/index.ts';
import { serverUrl } from '../support/server.ts';
import { untilFace, visibleText } from './support/faces.ts';
import { memberWorld, type MemberWorld } from './support/member-world.ts';

declare global {
  // Set by any script the hostile texts manage to run.
  var hostileTextRan: number | undefined;
}

const RUN = 'globalThis.hostileTextRan=1';
const TEXTS = {
  member: `<img src=x onerror="${RUN}">Ada`,
  gift: `<script>${RUN}</script>Gift`,
  giftDescription: `</span><svg onload="${RUN}"></svg><b>bold</b>`,
  // A valid path on the shop's site: a quote that breaks out of an attribute would make an onerror.
  giftImage: `/missing.png"onerror="${RUN}"x="`,
  project: `<iframe srcdoc="<script>${RUN}</script>">`,
  seller: `<style>*{display:none}</style>Parts`,
  product: `{{constructor.constructor('${RUN}')()}}<img src=x onerror=${RUN}>`,
  ruleTitle: `<a href="javascript:${RUN}">Earn</a>`,
  ledgerReason: `<details open ontoggle="${RUN}">Reason`,
} as const;

interface Row {
  name: string;
  tag: string;
  attributes(world: MemberWorld): Record<string, string>;
  face?: string;
  /** The hostile texts a reader must see, verbatim. */
  shows: string[];
  /** Rewrites the server's JSON answers to a path, to carry a text the shop cannot set. */
  rewrite?: { path: string; answer(json: Record<string, unknown>): unknown };
}

const ROWS: Row[] = [
  {
    name: 'member-level-badge (member=…)',
    tag: 'member-level-badge',
    attributes: (w) => ({ member: w.member.memberId, variant: 'full' }),
    shows: [TEXTS.member],
  },
  { name: 'member-level-badge (signed in)', tag: 'member-level-badge', attributes: (w) => ({ token: w.member.token, variant: 'full' }), shows: [TEXTS.member] },
  { name: 'redemption-cart', tag: 'redemption-cart', attributes: (w) => ({ token: w.member.token }), shows: [TEXTS.gift] },
  { name: 'reward-catalog', tag: 'reward-catalog', attributes: (w) => ({ token: w.member.token }), shows: [TEXTS.gift, TEXTS.giftDescription] },
  { name: 'project-donate', tag: 'project-donate', attributes: (w) => ({ token: w.member.token, project: w.projectId }), shows: [TEXTS.member] },
  { name: 'seller-dashboard', tag: 'seller-dashboard', attributes: (w) => ({ token: w.seller.token }), shows: [TEXTS.product] },
  {
    name: 'coin-history (a reason the kit has no words for)',
    tag: 'coin-history',
    attributes: (w) => ({ token: w.member.token }),
    shows: [TEXTS.ledgerReason],
    rewrite: {
      path: '/v1/me/ledger',
      answer: (json) => ({
        ...json,
        entries: (json['entries'] as Array<Record<string, unknown>>).map((entry) => ({ ...entry, ruleId: 'X9', reason: TEXTS.ledgerReason })),
      }),
    },
  },
  {
    name: 'earn-coins-list (a rule the kit has no words for)',
    tag: 'earn-coins-list',
    attributes: (w) => ({ token: w.member.token }),
    shows: [TEXTS.ruleTitle],
    rewrite: {
      path: '/v1/earning-rules',
      answer: (json) => {
        const rules = json['rules'] as Array<Record<string, unknown>>;
        return { ...json, rules: [...rules, { ...rules[0], id: 'X9', title: TEXTS.ruleTitle }] };
      },
    },
  },
];

/** Every element in `root`, through nested shadow roots. */
function allElements(root: ShadowRoot | Element): Element[] {
  const found: Element[] = [];
  for (const element of root.querySelectorAll('*')) {
    found.push(element);
    if (element.shadowRoot) found.push(...allElements(element.shadowRoot));
  }
  return found;
}

/** An element or handler that only the hostile texts would make. */
function madeFromText(element: Element): boolean {
  if (['script', 'iframe', 'details', 'b'].includes(element.localName)) return true;
  if (element.localName === 'img' && element.getAttribute('src') === 'x') return true;
  if (element.localName === 'a' && element.getAttribute('href')?.startsWith('javascript:')) return true;
  if (element.localName === 'style' && element.textContent?.includes('*{display:none}')) return true;
  return [...element.attributes].some((attribute) => attribute.name.startsWith('on'));
}

/** A fresh API name (fresh public stores) whose answers to `rewrite.path` are rewritten. */
function apiFor(server: string, rewrite: Row['rewrite']): { api: string; restore(): void } {
  const api = `${server}/server-text-${Math.random().toString(36).slice(2)}`;
  const original = globalThis.fetch;
  globalThis.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const href = input instanceof Request ? input.url : String(input);
    if (!href.startsWith(`${api}/`)) return original(input, init);
    const rest = href.slice(api.length);
    const answer = await original(`${server}${rest}`, init);
    if (!rewrite || new URL(rest, 'http://x').pathname !== rewrite.path || !answer.ok) return answer;
    const json = (await answer.json()) as Record<string, unknown>;
    return new Response(JSON.stringify(rewrite.answer(json)), { status: answer.status, headers: { 'content-type': 'application/json' } });
  };
  return { api, restore: () => void (globalThis.fetch = original) };
}

describe('markup and script in server text stay text', () => {
  let world: MemberWorld;
  before(async () => {
    world = await memberWorld(TEXTS);
  });
  afterEach(() => {
    globalThis.hostileTextRan = undefined;
  });

  for (const row of ROWS) {
    it(`${row.name}: shows them as typed, runs nothing, adds no element or attribute`, async () => {
      const server = (await serverUrl()).replace(/\/+$/, '');
      const { api, restore } = apiFor(server, row.rewrite);
      const element = document.createElement(row.tag);
      try {
        element.setAttribute('api', api);
        element.setAttribute('locale', 'en');
        for (const [name, value] of Object.entries(row.attributes(world))) element.setAttribute(name, value);
        document.body.append(element);
        await untilFace(element, row.face ?? 'ready', 8_000);
        // Give an injected image or iframe the time to fail to load and fire its handler.
        await new Promise((resolve) => setTimeout(resolve, 200));

        const text = visibleText(element);
        for (const shown of row.shows) expect(text, 'the text as typed').to.include(shown.replace(/\s+/g, ' '));
        expect(globalThis.hostileTextRan, 'a script ran').to.equal(undefined);
        const injected = allElements(element.shadowRoot!).filter(madeFromText);
        expect(
          injected.map((inner) => inner.outerHTML.slice(0, 80)),
          'elements or handlers made from server text',
        ).to.deep.equal([]);
      } finally {
        element.remove();
        restore();
      }
    });
  }

  it('reward-catalog: an image URL with a quote stays one src attribute', async () => {
    const server = (await serverUrl()).replace(/\/+$/, '');
    const { api, restore } = apiFor(server, undefined);
    const element = document.createElement('reward-catalog');
    try {
      element.setAttribute('api', api);
      element.setAttribute('token', world.member.token);
      document.body.append(element);
      await untilFace(element, 'ready', 8_000);
      const image = [...element.shadowRoot!.querySelectorAll('img')].find((img) => img.getAttribute('src') === TEXTS.giftImage);
      expect(image, "the gift's image, its src as given").not.to.equal(undefined);
      expect(image!.getAttributeNames().sort()).to.deep.equal(['alt', 'class', 'decoding', 'loading', 'part', 'src']);
    } finally {
      element.remove();
      restore();
    }
  });
});
