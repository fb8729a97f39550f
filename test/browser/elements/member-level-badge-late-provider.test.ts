/**
 * A page of badges whose `<rewards-provider>` script arrives after them: until the provider's
 * tag is defined the badges send no context request (a page without a provider pays nothing
 * for it), and the moment it is defined every badge inside it takes its configuration.
 * Only the badge is registered here, so the provider's tag starts undefined.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/elements/member-level-badge/define.ts';
import { newMember, serverUrl } from '../support/server.ts';
import { untilFace, visibleText } from './support/faces.ts';

describe('member-level-badge inside a rewards-provider defined later', () => {
  it("asks no provider while none is defined, then shows the level from the provider's api", async () => {
    const api = await serverUrl();
    const member = await newMember({ displayName: 'Late reader', coins: 500 });
    const requests: Event[] = [];
    const listen = (event: Event) => requests.push(event);
    document.addEventListener('context-request', listen);
    try {
      const page = await fixture<HTMLElement>(html`<div>
        <rewards-provider api=${api}><p>By <member-level-badge member=${member.memberId} locale="en"></member-level-badge></p></rewards-provider>
      </div>`);
      const badge = page.querySelector('member-level-badge')!;
      expect(customElements.get('rewards-provider')).to.equal(undefined);
      expect(badge.matches(':state(loading)'), 'no api yet: the badge holds its place').to.equal(true);
      expect(requests.length, 'context requests while no provider is defined').to.equal(0);

      await import('../../../src/elements/rewards-provider/define.ts');
      await untilFace(badge, 'ready');
      expect(visibleText(badge)).to.equal('Mars');
    } finally {
      document.removeEventListener('context-request', listen);
    }
  });
});
