import { html, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import type { DonateResponse, MeResponse } from '../../api/member.ts';
import type { ProjectDonationsResponse } from '../../api/public.ts';
import { RewardsDonatedEvent } from '../../events/donated.ts';
import type { RewardsSession } from '../../store/session.ts';
import { dataOf, type ResourceState } from '../../store/state.ts';
import { warnInputProblem } from '../shared/input-warning.ts';
import { failureEvent, failureMessageKey, isAborted, isRewardsError } from '../shared/failures.ts';
import { errorFace, faceStyles, skeleton } from '../shared/faces.ts';
import { readyView, viewFor } from '../shared/ready-view.ts';
import { RewardsElement } from '../shared/rewards-element.ts';
import { SelectedStoreController } from '../shared/selected-store-controller.ts';
import { baseStyles } from '../shared/theme.ts';
import { projectDonateStyles } from './project-donate.styles.ts';
import enFaces from '../../i18n/en-faces.ts';
import enProjectDonate from '../../i18n/en-project-donate.ts';
import type { EnglishMessages } from '../../i18n/localize.ts';

type DonateFace = 'loading' | 'ready' | 'empty' | 'signed-out' | 'error';

/** The totals and the form, loaded beside the store. */
const form = readyView(() => import('./donate-form.ts'));

/**
 * Coins given to a project (S3): the total and the number of donors, the latest donations
 * (public), and for a signed-in member an amount field (whole coins, 1 to their balance), quick
 * picks, and Donate with a confirmation inside the form. The coins leave every balance on the
 * page at once. Donating to one's own project is refused by the server, and the element says why.
 *
 * Keyboard: Donate (or Enter in the field) asks "Give N coins to this project?" and moves focus
 * to Cancel; Escape cancels and returns to the field. The thanks are announced politely.
 *
 * ```html
 * <project-donate project="modular-synth"><a slot="signed-out" href="/login">Sign in to donate</a></project-donate>
 * ```
 *
 * <p><img src="docs/screenshots/project-donate-light.png" alt="project-donate, light theme: 25 coins donated by 1 member, Ada's donation, and the form with quick picks" width="400"> <img src="docs/screenshots/project-donate-dark.png" alt="project-donate, dark theme: the same" width="400"></p>
 *
 * @tagname project-donate
 * @summary Donate coins to a project; the total donated and recent donors.
 *
 * @slot signed-out - Shown under the totals when no member is signed in: the page's own sign-in
 *   link. By default "Sign in to donate coins."
 *
 * @csspart base - The whole element.
 * @csspart total - "1,250 coins donated by 8 members".
 * @csspart total-coins - The coins donated.
 * @csspart donors - The number of donors.
 * @csspart recent - The list of recent donations.
 * @csspart donation - One recent donation.
 * @csspart form - The member's form (or "You have no coins to give yet.").
 * @csspart label - "Coins to give".
 * @csspart amount-input - The amount field.
 * @csspart balance - "You have 120 coins."
 * @csspart quick-picks - The quick-pick buttons.
 * @csspart quick-pick - One quick pick.
 * @csspart donate-button - Donate.
 * @csspart confirm - The question before donating.
 * @csspart confirm-donate-button - The button that donates.
 * @csspart cancel-button - The button that cancels.
 * @csspart message-problem - Why the amount or the donation was refused.
 * @csspart message-thanks - The thanks after a donation.
 * @csspart no-coins - Said instead of the form when the member has no coins.
 * @csspart face - Any face other than ready; also `face-loading`, `face-empty`, `face-signed-out`, `face-error`.
 * @csspart skeleton - The placeholder while loading.
 * @csspart retry-button - "Try again" after a failed load.
 *
 * @cssprop --rk-surface - Background.
 * @cssprop --rk-surface-sunken - The confirmation.
 * @cssprop --rk-text - Totals and the field.
 * @cssprop --rk-text-muted - Donors and hints.
 * @cssprop --rk-accent - The Donate button.
 * @cssprop --rk-danger - Refusals.
 * @cssprop --rk-success - The thanks.
 * @cssprop --rk-border - The field and the form's separator.
 *
 * @cssstate loading - Waiting for the donations (and the member).
 * @cssstate ready - Donations, and the form for a member.
 * @cssstate empty - Nobody has donated yet; a member still sees the form.
 * @cssstate signed-out - Donations, and the sign-in slot instead of the form.
 * @cssstate error - The donations could not be loaded; a retry button is shown.
 *
 * @fires {RewardsDonatedEvent} rewards-donated - Coins were given: `{ projectId, coins, donationId }`.
 * @fires {RewardsErrorEvent} rewards-error - Loading or donating failed: `{ code, status, detail, source }`.
 */
export class ProjectDonate extends RewardsElement<DonateFace> {
  static override styles = [...baseStyles, ...faceStyles, projectDonateStyles];
  protected static override english: EnglishMessages = { ...enFaces, ...enProjectDonate };
  static override properties: PropertyDeclarations = {
    project: { reflect: true },
    amount: { attribute: false },
    confirming: { attribute: false },
    donating: { attribute: false },
    problem: { attribute: false },
    thanks: { attribute: false },
  };

  /** The project's id, as the shop names it in its events. */
  project?: string;

  private amount = '';
  private confirming?: number;
  private donating = false;
  private problem?: () => string;
  private thanks?: number;

  private readonly donations = new SelectedStoreController<ResourceState<ProjectDonationsResponse>>(this, () =>
    this.project ? this.selectSession()?.projectDonations(this.project) : undefined,
  );
  private readonly account = new SelectedStoreController<ResourceState<MeResponse>>(this, () => this.session()?.account);

  private shownSession?: RewardsSession;
  private face: DonateFace = 'loading';
  private focusPart?: 'cancel-button' | 'amount-input' | 'message-problem';

  /**
   * Gives `coins` to the project without asking (the element's own button asks first).
   * Resolves once every store shows it; rejects with the `RewardsError` when refused.
   */
  async donate(coins: number): Promise<DonateResponse> {
    const session = this.shownSession ?? this.session();
    const project = this.project;
    if (!session || !project) throw new Error('project-donate: no API or project is configured');
    if (this.donating) throw new Error('project-donate: a donation is under way');
    this.donating = true;
    this.problem = this.thanks = undefined;
    try {
      const answer = await session.donate(project, coins);
      this.thanks = coins;
      this.amount = '';
      this.confirming = undefined;
      this.focusPart = 'amount-input';
      const donated = new RewardsDonatedEvent({ projectId: project, coins, donationId: answer.donation.id });
      this.dispatchEvent(donated);
      return answer;
    } catch (error) {
      this.confirming = undefined;
      if (!isAborted(error)) {
        // The server refuses a donation to one's own project as `forbidden`.
        this.problem = isRewardsError(error, 'forbidden') ? () => this.l10n.t('donate.ownProject') : () => this.l10n.t(failureMessageKey(error));
        this.focusPart = 'message-problem';
        this.dispatchEvent(failureEvent(error, this.localName));
      }
      throw error;
    } finally {
      this.donating = false;
    }
  }

  private selectSession(): RewardsSession | undefined {
    const session = this.session();
    if (session !== this.shownSession) {
      this.shownSession = session;
      this.confirming = this.problem = this.thanks = undefined;
      this.amount = '';
    }
    return session;
  }

  private resolveFace(): DonateFace {
    if (!this.session() || !this.project) return 'loading';
    const donations = this.donations.value;
    const account = this.account.value;
    if (!donations || donations.status === 'loading' || !account || account.status === 'loading') return 'loading';
    const data = dataOf(donations);
    if (!data) return 'error';
    // The totals' and the form's code loads beside the store; the loading face shows until it is here.
    if (!viewFor(this, form, 'the donation form')) return 'loading';
    if (account.status === 'signed-out') return 'signed-out';
    return data.totalCoins === 0 && data.recent.length === 0 ? 'empty' : 'ready';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    warnInputProblem(this, this.project ? undefined : 'project-donate needs a project="…" id');
  }

  protected override render(): TemplateResult {
    this.face = this.resolveFace();
    const { l10n } = this;
    return html`<div class="root" lang=${l10n.locale} dir=${l10n.dir}>
      ${this.renderFace()}
      <span class="visually-hidden" role="status" aria-live="polite" aria-atomic="true"
        >${this.thanks === undefined ? '' : l10n.t('donate.thanks', { n: this.thanks })}</span
      >
    </div>`;
  }

  private renderFace(): TemplateResult {
    const { l10n } = this;
    const donations = this.donations.value;
    const data = donations && dataOf(donations);
    switch (this.face) {
      case 'loading':
        return html`<div class="face face-loading" part="face face-loading" role="status" aria-busy="true">
          <span class="visually-hidden">${l10n.t('face.loading')}</span>${skeleton({ blockSize: '100%' })}
        </div>`;
      case 'error':
        return errorFace(l10n, () => void this.session()?.refresh(), l10n.t(failureMessageKey(donations?.status === 'error' ? donations.error : undefined)));
      case 'signed-out':
        return html`<div class="donate" part="base">
          ${form.module!.donateTotals(l10n, data!)}
          <div class="face face-signed-out" part="face face-signed-out">
            <slot name="signed-out"><p class="face-message">${l10n.t('signIn.donate')}</p></slot>
          </div>
        </div>`;
      case 'empty':
        return html`<div class="donate face face-empty" part="base face face-empty">
          <p class="none">${l10n.t('donate.none')}</p>
          ${this.renderForm()}
        </div>`;
      case 'ready':
        return html`<div class="donate" part="base">${form.module!.donateTotals(l10n, data!)}${this.renderForm()}</div>`;
    }
  }

  private renderForm(): TemplateResult {
    const account = this.account.value;
    const balance = (account && dataOf(account)?.coins.available) ?? 0;
    return form.module!.donateForm({
      balance,
      amount: this.amount,
      confirming: this.confirming,
      donating: this.donating,
      problem: this.problem?.(),
      thanks: this.thanks === undefined ? undefined : this.l10n.t('donate.thanks', { n: this.thanks }),
      l10n: this.l10n,
      onInput: (text) => {
        this.amount = text;
        this.problem = undefined;
        this.thanks = undefined;
      },
      onSubmit: () => {
        const coins = form.module!.validAmount(this.amount, balance);
        this.thanks = undefined;
        if (coins === undefined) {
          this.problem = () => this.l10n.t('donate.invalid', { n: balance });
          this.focusPart = 'amount-input';
          return;
        }
        this.problem = undefined;
        this.confirming = coins;
        this.focusPart = 'cancel-button';
      },
      onConfirm: () => {
        if (this.confirming !== undefined) void this.donate(this.confirming).catch(() => undefined);
      },
      onCancel: () => {
        this.confirming = undefined;
        this.focusPart = 'amount-input';
      },
    });
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const donations = this.donations.value;
    this.faceState.show(this.face, this.face === 'error' && donations?.status === 'error' ? donations.error : undefined);
    const part = this.focusPart;
    this.focusPart = undefined;
    const root = this.shadowRoot;
    if (!part || !root) return;
    // Only from inside the element: a donation a page script asked for leaves the focus alone.
    const active = document.activeElement;
    if (root.activeElement === null && active !== null && active !== document.body) return;
    const element = root.querySelector<HTMLElement>(`[part~="${part}"]`);
    if (element && part === 'message-problem') element.tabIndex = -1;
    element?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'project-donate': ProjectDonate;
  }
}
