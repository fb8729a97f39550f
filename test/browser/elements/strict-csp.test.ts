/**
 * The elements under a strict Content Security Policy (`script-src 'self'; style-src 'self'`):
 * no style attribute, no inline script, and still every level in its colour. The page is served
 * with the header by the test server (web-test-runner.config.mjs) and loaded in a frame.
 */
import { expect } from '@open-wc/testing';
import { lightPalette } from '../../../src/elements/shared/theme.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { part, untilFace, visibleText } from './support/faces.ts';
import { memberWorld } from './support/member-world.ts';

const PAGE = new URL('./support/strict-csp/page.html', import.meta.url).pathname;

/** `#8a6100` → `rgb(138, 97, 0)`, as getComputedStyle answers. */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

async function openPage(query: Record<string, string>): Promise<{ frame: HTMLIFrameElement; doc: Document; violations: string[] }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px';
  frame.src = `${PAGE}?${new URLSearchParams(query)}`;
  document.body.append(frame);
  const deadline = Date.now() + 8_000;
  for (;;) {
    const state = (frame.contentWindow as (Window & { strictCsp?: { violations: string[] } }) | null)?.strictCsp;
    if (state) return { frame, doc: frame.contentDocument!, violations: state.violations };
    if (Date.now() > deadline) throw new Error('the strict-CSP page did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("under a strict CSP (script-src 'self'; style-src 'self')", () => {
  it('P3 badges and the level progress keep their level colours, with no violation', async () => {
    // 3,000 points: LV3 (Venus), a third of the way to LV4.
    const member = await newMember({ displayName: 'Strict reader', coins: 3000 });
    const { frame, doc, violations } = await openPage({ api: await serverUrl(), member: member.memberId, token: member.token });
    try {
      const probe = doc.getElementById('inline-style-probe')!;
      expect(getComputedStyle(probe).color, 'the page really runs under the CSP').not.to.equal('rgb(255, 0, 0)');
      violations.length = 0;

      const [full, compact] = [...doc.querySelectorAll<HTMLElement>('member-level-badge')];
      const progress = doc.querySelector<HTMLElement>('level-progress')!;
      const calendar = doc.querySelector<HTMLElement>('check-in-calendar')!;
      for (const element of [full!, compact!, progress, calendar]) await untilFace(element, 'ready', 8_000);

      const venus = rgb(lightPalette['level-3']);
      const view = frame.contentWindow!;
      expect(view.getComputedStyle(part(full!, 'level')!).backgroundColor).to.equal(venus);
      expect(view.getComputedStyle(part(compact!, 'dot')!).backgroundColor).to.equal(venus);
      expect(view.getComputedStyle(part(progress, 'level')!).backgroundColor).to.equal(venus);
      // The bar towards LV4 (Earth) in Earth's colour, filled part of the way: a size set through the CSSOM.
      const fill = part(progress, 'progress-fill')!;
      expect(view.getComputedStyle(fill).backgroundColor).to.equal(rgb(lightPalette['level-4']));
      expect(fill.getBoundingClientRect().width).to.be.greaterThan(0);
      expect(fill.getBoundingClientRect().width).to.be.lessThan(part(progress, 'progress')!.getBoundingClientRect().width);
      expect(violations).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });

  it('every element shows its data, laid out and styled, with no violation', async () => {
    const world = await memberWorld();
    const { frame, doc, violations } = await openPage({
      api: await serverUrl(),
      member: world.member.memberId,
      token: world.member.token,
      project: world.projectId,
      seller: world.seller.token,
    });
    try {
      const elements = [...doc.body.querySelectorAll<HTMLElement>('*')].filter((element) => element.localName.includes('-'));
      expect(new Set(elements.map((element) => element.localName)).size, 'every element of the kit').to.equal(12);
      const view = frame.contentWindow!;
      for (const element of elements) {
        await untilFace(element, 'ready', 8_000);
        const box = element.getBoundingClientRect();
        expect(box.width * box.height, `${element.localName} is laid out`).to.be.greaterThan(0);
        expect(visibleText(element), `${element.localName} shows text`).not.to.equal('');
        // Its own stylesheet applies (adopted, so the policy allows it): the kit's font, not the frame's serif default.
        expect(view.getComputedStyle(element.shadowRoot!.firstElementChild ?? element).fontFamily, element.localName).not.to.match(/^"?Times/);
      }
      // The page's own probe is refused (the proof that the policy holds); nothing else is.
      expect(violations.filter((violation) => !violation.endsWith('/strict-csp/page.ts)'))).to.deep.equal([]);
    } finally {
      frame.remove();
    }
  });
});
