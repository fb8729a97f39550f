import { expect, fixture, fixtureCleanup, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../../../src/elements/coin-balance/define.ts';
import '../../../src/elements/project-donate/define.ts';
import type { ProjectDonate } from '../../../src/elements/project-donate/project-donate.ts';
import type { RewardsDonatedEvent } from '../../../src/events/donated.ts';
import type { RewardsErrorEvent } from '../../../src/events/error.ts';
import { createRewardsClient } from '../../../src/sdk/rewards-client.ts';
import { newMember, serverUrl, shop } from '../support/server.ts';
import { part, parts, untilFace, visibleText } from './support/faces.ts';
import { problemResponse, spyOnFetch, type FetchSpy } from './support/fetch-spy.ts';
import { addHostileStyles } from './support/hostile-page.ts';
import { isolatedApi } from './support/isolated-api.ts';
import { untilText } from './support/until-text.ts';

let counter = 0;
function uniqueId(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}`;
}

/** A project shared by a new member (its owner). */
async function project(): Promise<{ projectId: string; owner: { memberId: string; token: string } }> {
  const owner = await newMember({ displayName: 'Owner', coins: 100 });
  const projectId = uniqueId('project');
  await shop('sendEvent', {
    id: uniqueId('created'),
    type: 'project.created',
    memberId: owner.memberId,
    occurredAt: new Date().toISOString(),
    data: { projectId, title: 'Test project' },
  } as never);
  return { projectId, owner };
}

async function donateAs(token: string, projectId: string, coins: number): Promise<void> {
  await createRewardsClient({ baseUrl: await serverUrl(), getToken: () => token }).donate(projectId, coins);
}

interface DonateOptions {
  api?: string;
  project: string;
  token?: string | undefined;
  locale?: string;
  theme?: 'light' | 'dark';
}

async function donateBox(options: DonateOptions, face = 'ready'): Promise<ProjectDonate> {
  const element = await fixture<ProjectDonate>(html`<project-donate
    api=${options.api ?? (await serverUrl())}
    project=${options.project}
    token=${ifDefined(options.token)}
    locale=${options.locale ?? 'en'}
    theme=${ifDefined(options.theme)}
  ></project-donate>`);
  await untilFace(element, face);
  return element;
}

function input(element: ProjectDonate): HTMLInputElement {
  return part<HTMLInputElement>(element, 'amount-input')!;
}

async function type(element: ProjectDonate, text: string): Promise<void> {
  const field = input(element);
  field.value = text;
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await element.updateComplete;
}

function focusedPart(element: ProjectDonate): string | null {
  return (element.shadowRoot!.activeElement as HTMLElement | null)?.getAttribute('part') ?? null;
}

describe('project-donate', () => {
  let spy: FetchSpy | undefined;
  let cleanup: Array<() => void> = [];
  afterEach(() => {
    spy?.restore();
    spy = undefined;
    for (const step of cleanup.reverse()) step();
    cleanup = [];
    fixtureCleanup();
  });

  describe('accessibility audit (axe), every face, both themes', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`ready passes in the ${theme} theme (totals, donors, the form, then the confirmation)`, async () => {
        const { projectId } = await project();
        const donor = await newMember({ displayName: 'Donor', coins: 100 });
        await donateAs(donor.token, projectId, 10);
        const member = await newMember({ coins: 200 });
        const element = await donateBox({ project: projectId, token: member.token, theme });
        await expect(element).to.be.accessible();
        await type(element, '20');
        part(element, 'donate-button')!.click();
        await element.updateComplete;
        await expect(element).to.be.accessible();
      });
      it(`an invalid amount passes in the ${theme} theme`, async () => {
        const { projectId } = await project();
        const member = await newMember({ coins: 50 });
        const element = await donateBox({ project: projectId, token: member.token, theme }, 'empty');
        await type(element, '500');
        part(element, 'donate-button')!.click();
        await element.updateComplete;
        await expect(element).to.be.accessible();
      });
      it(`loading passes in the ${theme} theme`, async () => {
        const element = await fixture<ProjectDonate>(html`<project-donate project="p" theme=${theme}></project-donate>`);
        await untilFace(element, 'loading');
        await expect(element).to.be.accessible();
      });
      it(`signed-out passes in the ${theme} theme`, async () => {
        const { projectId } = await project();
        await expect(await donateBox({ project: projectId, theme }, 'signed-out')).to.be.accessible();
      });
      it(`empty passes in the ${theme} theme`, async () => {
        const { projectId } = await project();
        const member = await newMember({ coins: 50 });
        await expect(await donateBox({ project: projectId, token: member.token, theme }, 'empty')).to.be.accessible();
      });
      it(`error passes in the ${theme} theme`, async () => {
        const isolated = isolatedApi(await serverUrl(), (path) => (path.endsWith('/donations') ? problemResponse(403, 'forbidden') : undefined));
        cleanup.push(() => isolated.restore());
        await expect(await donateBox({ api: isolated.api, project: 'anything', theme }, 'error')).to.be.accessible();
      });
    }
  });

  it('S3 the total, the number of donors and the recent donations are public', async () => {
    const { projectId } = await project();
    const ada = await newMember({ displayName: 'Ada', coins: 100 });
    const bob = await newMember({ coins: 100 });
    await donateAs(ada.token, projectId, 25);
    await donateAs(bob.token, projectId, 5);
    const element = await donateBox({ project: projectId }, 'signed-out');
    expect(visibleText(part(element, 'total')!)).to.equal('30 coins donated by 2 members');
    expect(parts(element, 'donation').map((donation) => visibleText(donation))).to.deep.equal(['A member 5 coins', 'Ada 25 coins']);
    expect(part(element, 'form')).to.equal(null);
    expect(visibleText(part(element, 'face-signed-out')!)).to.equal('Sign in to donate coins.');
  });

  it('S3 a member donates after confirming: totals, balances on the page and the event follow', async () => {
    const { projectId } = await project();
    const member = await newMember({ displayName: 'Giver', coins: 120 });
    const page = document.createElement('div');
    page.innerHTML = `<coin-balance api="${await serverUrl()}" locale="en"></coin-balance>`;
    const balance = page.firstElementChild as HTMLElement & { token: string };
    balance.token = member.token;
    document.body.append(page);
    cleanup.push(() => page.remove());
    const element = await donateBox({ project: projectId, token: member.token }, 'empty');
    expect(visibleText(part(element, 'balance')!)).to.equal('You have 120 coins.');
    expect(parts(element, 'quick-pick').map((pick) => visibleText(pick))).to.deep.equal(['10', '50', '100', 'All']);

    parts(element, 'quick-pick')[1]!.click();
    await element.updateComplete;
    expect(input(element).value).to.equal('50');
    input(element).focus();
    await sendKeys({ press: 'Enter' });
    await element.updateComplete;
    expect(visibleText(part(element, 'confirm')!)).to.equal('Give 50 coins to this project? Donate Cancel');
    expect(focusedPart(element)).to.equal('cancel-button');
    await sendKeys({ press: 'Escape' });
    await element.updateComplete;
    expect(part(element, 'confirm')).to.equal(null);
    expect(focusedPart(element)).to.equal('amount-input');

    part(element, 'donate-button')!.click();
    await element.updateComplete;
    setTimeout(() => part(element, 'confirm-donate-button')!.click());
    const event = (await oneEvent(element, 'rewards-donated')) as RewardsDonatedEvent;
    expect(event.detail.projectId).to.equal(projectId);
    expect(event.detail.coins).to.equal(50);
    expect(event.detail.donationId).to.be.a('string');
    expect(event.bubbles && event.composed).to.equal(true);
    await untilFace(element, 'ready');
    expect(visibleText(part(element, 'message-thanks')!)).to.equal('Thank you! You gave 50 coins.');
    await untilText(element, () => visibleText(part(element, 'total')!), '50 coins donated by 1 member');
    expect(visibleText(part(element, 'balance')!)).to.equal('You have 70 coins.');
    await untilText(element, () => visibleText(balance.shadowRoot!.querySelector('[part~="amount"]')!), '70');
  });

  it('S3 S4 only whole coins from 1 to the balance: anything else is refused before asking', async () => {
    const { projectId } = await project();
    const member = await newMember({ coins: 40 });
    const element = await donateBox({ project: projectId, token: member.token }, 'empty');
    spy = spyOnFetch();
    for (const text of ['0', '1.5', '41', 'abc', '']) {
      await type(element, text);
      part(element, 'donate-button')!.click();
      await element.updateComplete;
      expect(visibleText(part(element, 'message-problem')!), text).to.equal('Enter a whole number of coins from 1 to 40.');
      expect(input(element).getAttribute('aria-invalid')).to.equal('true');
      expect(part(element, 'confirm')).to.equal(null);
    }
    expect(spy.count('/', 'POST')).to.equal(0);
  });

  it("S3 donating to one's own project shows the server's reason", async () => {
    const { projectId, owner } = await project();
    const element = await donateBox({ project: projectId, token: owner.token }, 'empty');
    const errors: RewardsErrorEvent[] = [];
    element.addEventListener('rewards-error', (event) => errors.push(event));
    await type(element, '5');
    part(element, 'donate-button')!.click();
    await element.updateComplete;
    part(element, 'confirm-donate-button')!.click();
    await untilText(element, () => visibleText(part(element, 'message-problem') ?? element), 'You cannot donate to your own project.');
    expect(errors.map((error) => [error.detail.code, error.detail.source])).to.deep.equal([['forbidden', 'project-donate']]);
    expect(focusedPart(element)).to.equal('message-problem');
  });

  it('a member without coins is told so instead of a form', async () => {
    const { projectId } = await project();
    const member = await newMember();
    const element = await donateBox({ project: projectId, token: member.token }, 'empty');
    expect(visibleText(part(element, 'form')!)).to.equal('You have no coins to give yet.');
  });

  it('Simplified Chinese', async () => {
    const { projectId } = await project();
    const member = await newMember({ coins: 30 });
    await donateAs(member.token, projectId, 10);
    const element = await donateBox({ project: projectId, token: member.token, locale: 'zh-CN' });
    await untilText(element, () => visibleText(part(element, 'total')!), '已捐赠 10 金币 来自 1 位会员');
    expect(visibleText(part(element, 'balance')!)).to.equal('您有 20 金币。');
  });

  it('error: a short message, one rewards-error, and Try again loads the donations', async () => {
    let refuse = true;
    const isolated = isolatedApi(await serverUrl(), (path) => (path.endsWith('/donations') && refuse ? problemResponse(403, 'forbidden') : undefined));
    cleanup.push(() => isolated.restore());
    const { projectId } = await project();
    const element = await donateBox({ api: isolated.api, project: projectId }, 'error');
    expect(visibleText(element)).to.equal('Something went wrong. Try again');
    refuse = false;
    part(element, 'retry-button')!.click();
    await untilFace(element, 'signed-out');
  });

  it('survives a hostile page stylesheet', async () => {
    const remove = addHostileStyles();
    cleanup.push(remove);
    const { projectId } = await project();
    const member = await newMember({ coins: 30 });
    const element = await donateBox({ project: projectId, token: member.token }, 'empty');
    expect(part(element, 'donate-button')!.getBoundingClientRect().height).to.be.above(30);
    expect(input(element).getBoundingClientRect().width).to.be.above(40);
  });
});
