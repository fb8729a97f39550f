import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import { LitElement, css, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { defineElement } from './define.ts';
import { emptyFace, errorFace, faceStyles, loadingFace, signedOutFace } from '../../../src/elements/shared/faces.ts';
import { baseStyles } from '../../../src/elements/shared/theme.ts';
import en from '../../../src/i18n/en.ts';
import { LocalizeController } from '../../../src/i18n/localize.ts';

type Face = 'loading' | 'ready' | 'empty' | 'signed-out' | 'error';

/** A data element in miniature: 240 × 120 px when ready, and the four shared faces. */
class FaceProbe extends LitElement {
  static override styles = [
    ...baseStyles,
    ...faceStyles,
    css`
      .ready {
        inline-size: 240px;
        block-size: 120px;
      }
    `,
  ];
  @property() face: Face = 'loading';
  @property({ reflect: true }) locale?: string;
  readonly l10n = new LocalizeController(this, en);
  retries = 0;

  protected override render(): TemplateResult {
    switch (this.face) {
      case 'loading':
        return loadingFace(this.l10n, { blockSize: '120px', inlineSize: '240px' });
      case 'empty':
        return emptyFace(this.l10n.t('history.empty'));
      case 'signed-out':
        return signedOutFace(this.l10n, this.l10n.t('signIn.history'));
      case 'error':
        return errorFace(this.l10n, () => this.retries++);
      case 'ready':
        return html`<div class="ready">1,234 coins</div>`;
    }
  }

  byPart(name: string): HTMLElement {
    return this.shadowRoot!.querySelector(`[part~="${name}"]`) as HTMLElement;
  }
}
defineElement('face-probe', FaceProbe);

async function probe(face: Face, locale = 'en'): Promise<FaceProbe> {
  const element = await fixture<FaceProbe>(html`<face-probe face=${face} locale=${locale}></face-probe>`);
  await element.updateComplete;
  return element;
}

describe('faces', () => {
  describe('accessibility audit (axe)', () => {
    for (const face of ['loading', 'empty', 'signed-out', 'error'] as const) {
      it(`${face} face passes`, async () => {
        await expect(await probe(face)).to.be.accessible();
      });
    }
    for (const theme of ['light', 'dark'] as const) {
      it(`error face passes in the ${theme} theme (contrast included)`, async () => {
        const element = await probe('error');
        element.setAttribute('theme', theme);
        await expect(element).to.be.accessible();
      });
    }
  });

  it('loading is a status with a spoken label and a skeleton hidden from screen readers', async () => {
    const element = await probe('loading');
    const face = element.byPart('face-loading');
    expect(face.getAttribute('role')).to.equal('status');
    expect(face.textContent!.trim()).to.equal('Loading…');
    expect(element.byPart('skeleton').getAttribute('aria-hidden')).to.equal('true');
  });

  it('loading keeps the size of the ready face: nothing moves when the data arrives', async () => {
    const element = await probe('loading');
    const loading = element.getBoundingClientRect();
    expect([loading.width, loading.height]).to.deep.equal([240, 120]);
    const skeleton = element.byPart('skeleton').getBoundingClientRect();
    expect([skeleton.width, skeleton.height]).to.deep.equal([240, 120]);
    element.face = 'ready';
    await element.updateComplete;
    const ready = element.getBoundingClientRect();
    expect([ready.width, ready.height]).to.deep.equal([loading.width, loading.height]);
  });

  it('the skeleton shimmers, and stands still under prefers-reduced-motion', async () => {
    const element = await probe('loading');
    expect(getComputedStyle(element.byPart('skeleton')).animationName).to.equal('rk-shimmer');
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(getComputedStyle(element.byPart('skeleton')).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('empty shows its message as a status', async () => {
    const element = await probe('empty');
    expect(element.byPart('face-empty').getAttribute('role')).to.equal('status');
    expect(element.byPart('face-empty').textContent!.trim()).to.equal('No coin activity yet.');
  });

  it("signed-out shows the page's own sign-in link when given, the default text otherwise", async () => {
    const plain = await probe('signed-out');
    expect(plain.byPart('face-signed-out').textContent!.trim()).to.equal('Sign in to see your coin history.');

    const withLink = await fixture<FaceProbe>(html`
      <face-probe face="signed-out"><a slot="signed-out" href="/login">Log in to the shop</a></face-probe>
    `);
    const slot = withLink.shadowRoot!.querySelector('slot[name="signed-out"]') as HTMLSlotElement;
    expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Log in to the shop']);
  });

  it('error is an alert with a short message and a real "Try again" button', async () => {
    const element = await probe('error');
    const face = element.byPart('face-error');
    expect(face.getAttribute('role')).to.equal('alert');
    expect(face.querySelector('p')!.textContent).to.equal('Something went wrong.');
    const button = element.byPart('retry-button');
    expect(button.localName).to.equal('button');
    expect(button.getAttribute('type')).to.equal('button');
    expect(button.textContent).to.equal('Try again');
    button.click();
    expect(element.retries).to.equal(1);
  });

  it('the retry button is reached with Tab and works with Enter and Space', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    const element = await probe('error');
    element.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(element.shadowRoot!.activeElement).to.equal(element.byPart('retry-button'));
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Space' });
    expect(element.retries).to.equal(2);
    before.remove();
  });

  it('speaks Chinese with the Chinese catalog', async () => {
    const element = await probe('error', 'zh-CN');
    await waitUntil(() => element.byPart('retry-button').textContent === '重试', 'still not Chinese');
    expect(element.byPart('retry-button').textContent).to.equal('重试');
    expect(element.byPart('face-error').querySelector('p')!.textContent).to.equal('出了点问题。');
  });
});

describe('faces on a hostile page', () => {
  let hostile: HTMLStyleElement;
  beforeEach(() => {
    hostile = document.createElement('style');
    hostile.textContent = `
      body, body * { all: unset; }
      span { display: none; }
      button { display: none !important; }
      body * { letter-spacing: 1em; text-transform: uppercase; color: transparent; font-size: 2px; }
    `;
    document.head.append(hostile);
  });
  afterEach(() => hostile.remove());

  it('the error face stays readable and its button visible and usable', async () => {
    const element = await probe('error');
    const button = element.byPart('retry-button');
    const box = button.getBoundingClientRect();
    expect(box.width).to.be.greaterThan(24);
    expect(box.height).to.be.at.least(24);
    const text = getComputedStyle(element.byPart('face-error').querySelector('p')!);
    expect(text.letterSpacing).to.equal('normal');
    expect(text.textTransform).to.equal('none');
    expect(text.color).to.equal('rgb(27, 30, 36)');
    expect(getComputedStyle(element).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(parseFloat(text.fontSize)).to.be.at.least(12);
    button.click();
    expect(element.retries).to.equal(1);
  });

  it('the skeleton keeps its size even though the host was reset to inline', async () => {
    const element = await probe('loading');
    expect(getComputedStyle(element).display).to.equal('inline');
    const skeleton = element.byPart('skeleton').getBoundingClientRect();
    expect([skeleton.width, skeleton.height]).to.deep.equal([240, 120]);
  });

  it('[hidden] still hides the element', async () => {
    const element = await probe('empty');
    element.hidden = true;
    expect(getComputedStyle(element).display).to.equal('none');
  });
});
