import type { ReactiveControllerHost } from 'lit';
import enLevel from '../../i18n/en-level.ts';
import { Words, type EnglishMessages } from '../../i18n/words.ts';
import type { Language } from '../../i18n/locales.ts';
import type { RewardsError } from '../../sdk/errors.ts';
import type { Theme } from '../rewards-provider/context.ts';
import { warnConfigProblem } from '../shared/config-warning.ts';
import { levelIndex, levelNameKey } from '../shared/levels.ts';
import { loadFor, onDemand } from '../shared/on-demand.ts';
import { PROVIDER_TAG } from '../shared/provider-tag.ts';
import type { EffectiveConfig } from '../shared/resolve-config.ts';
import { forcedThemeStyles } from '../shared/theme.ts';
import type { BadgeFaces } from './badge-faces.ts';
import { badgeNodes, type BadgeLook } from './badge-nodes.ts';
import { LightHost } from './light-host.ts';
import { memberLevelBadgeStyles } from './member-level-badge.styles.ts';
import type { OwnFace, OwnLevel } from './own-level.ts';
import type { OwnSettings } from './own-settings.ts';
import { followPage, pageConfig, pageLanguage, type PageFollower } from './page-settings.ts';
import { PublicBadgeController } from './public-badge-controller.ts';

export type BadgeSize = 'small' | 'medium' | 'large';
export type BadgeVariant = 'compact' | 'full';

/** What the badge draws, whoever it is about. */
interface BadgeView {
  level: number;
  displayName?: string | undefined;
}

type BadgeFace =
  { face: 'loading' } | { face: 'ready'; view: BadgeView } | { face: 'unknown' } | { face: 'signed-out' } | { face: 'error'; error: RewardsError } | OwnFace;

/** Shared by the signed-in path (`own-level.ts`). */
export const LOADING_FACE = { face: 'loading' } as const;

/**
 * The looks badges show, by language, then by level and variant (`2 × level + full`), kept per
 * page: a thousand badges show a few, and each look keeps the nodes its badges are cloned from
 * (`badge-nodes.ts`). The English shows while a language's catalog is arriving: the looks made
 * then are made again once it is here.
 */
const looks = new Map<Language, { loaded: boolean; byLevel: BadgeLook[] }>();

/**
 * The English the badges read: the level's, until the faces arrive with their own messages
 * (every badge shares this object, so they all read them from then on).
 */
const english: EnglishMessages = { ...enLevel };

/** The controllers of a badge that does not follow the page (`leavePage`), loaded the first time one is needed. */
const ownSettingsModule = onDemand(() => import('./own-settings.ts'));

/** The words of the badges that follow the page, one per language. */
const pageWords = new Map<Language, Words>();

/** The error and signed-out faces (Lit templates), loaded the first time a badge shows one. */
let faces: BadgeFaces | undefined;
let facesLoading: Promise<void> | undefined;

function loadFaces(): Promise<void> {
  return (facesLoading ??= import('./badge-faces.ts').then((module) => {
    Object.assign(english, module.faceEnglish);
    faces = module;
  }));
}

/**
 * A member's level as a small inline badge: the planet name (Mercury … Jupiter, or "Member"
 * at LV0) with its colour, and in the full variant `LV n` and the member's display name.
 *
 * With `member="id"` it shows anyone's level, from public data: every badge on a page asks in
 * the same batched requests (`/v1/badges?members=…`, up to 200 ids each), so a thread with
 * 500 posters costs 3 requests. That path is light: no store, no session, no zod, and one
 * render per badge when its level arrives (until then the host holds the place, still).
 * Without `member` it shows the signed-in member's own level, from the account the other
 * elements share; the store for that is loaded on demand.
 *
 * A badge that names no `api`, `token` or `locale` of its own, on a page without a
 * `<rewards-provider>`, takes the page's `configure()` and the closest `lang` as every element
 * does, from one configuration and one language shared by all such badges: the lightest path,
 * the one a forum page of thousands takes. A badge that names its own, or a page that defines
 * the provider, loads the controllers the other elements use (once per page).
 *
 * It is text among text: inline, on the baseline of the sentence around it, sized in `em` of
 * that text, wrapping like words. Screen readers hear one name, such as "Mars, level 2".
 *
 * An id the server does not know draws nothing (state `unknown`): it is not a member of the
 * programme, and a "Member" badge would say it is. A known member without points is LV0 and
 * reads "Member".
 *
 * ```html
 * <p>Posted by Ada <member-level-badge member="ada-42"></member-level-badge></p>
 * <member-level-badge variant="full" size="large"></member-level-badge>  <!-- the signed-in member -->
 * ```
 *
 * <p><img src="docs/screenshots/member-level-badge-light.png" alt="member-level-badge, light theme: compact badges for Ada (Mercury) and Grace (Member) in sentences, and the full variant: Ada Lovelace, Mercury LV 1" width="420"> <img src="docs/screenshots/member-level-badge-dark.png" alt="member-level-badge, dark theme: the same badges" width="420"></p>
 *
 * @tagname member-level-badge
 * @summary A member's level (planet name, colour, LV n), inline in any text.
 *
 * @slot signed-out - Shown without `member` when no member is signed in: the page's own
 *   sign-in link. By default a short sentence.
 *
 * @csspart badge - The badge: one image-like unit with the accessible name.
 * @csspart display-name - The member's display name (full variant, when known).
 * @csspart level - The level: dot (compact) or pill (full), name and number.
 * @csspart dot - The planet-coloured dot (compact variant).
 * @csspart level-name - The level's name.
 * @csspart level-number - `LV n` (full variant).
 * @csspart face - Every face other than the badge itself; also `face-signed-out`, `face-error`.
 *   While loading nothing is drawn inside: style the host with `:state(loading)`.
 * @csspart retry-button - The error face's "Try again" button.
 *
 * @cssprop --rk-level-0 - Colour of LV0 (Member); `--rk-level-1` … `--rk-level-6` for Mercury … Jupiter.
 * @cssprop --rk-on-level - Text on a level colour (full variant); 4.5:1 on every level colour in both themes.
 * @cssprop --rk-text - The name's text (compact) and the display name.
 * @cssprop --rk-surface - The background behind the badge.
 * @cssprop --rk-radius-pill - Corners of the full variant's pill.
 *
 * @cssstate loading - Waiting for the level (or for an API to be configured): the host holds
 *   the badge's place in the skeleton colour.
 * @cssstate ready - The badge is shown.
 * @cssstate unknown - The server knows no member with this id; nothing is drawn.
 * @cssstate signed-out - No `member` and nobody signed in.
 * @cssstate error - The level could not be loaded; a retry button is shown.
 *
 * @fires {RewardsErrorEvent} rewards-error - The level could not be loaded.
 */
export class MemberLevelBadge extends LightHost implements ReactiveControllerHost, PageFollower {
  /** @internal */
  static override properties = {
    member: {},
    size: { reflect: true, default: 'medium' },
    variant: { reflect: true, default: 'compact' },
    api: { reflect: true },
    token: {},
    locale: { reflect: true },
    theme: { reflect: true },
  };

  /**
   * @internal The faces' style sheets join these when a face is first shown (`badge-faces.ts`),
   * the theme's when a `theme` is given (`adoptTheme`).
   */
  static override styles = [memberLevelBadgeStyles];

  /**
   * Whose level to show (any member, public). Without it: the signed-in member's own level.
   * @attr member
   */
  declare member?: string;

  /**
   * `small`, `medium` (default) or `large`, relative to the surrounding text.
   * @attr size
   * @reflect
   * @default 'medium'
   */
  declare size: BadgeSize;

  /**
   * `compact` (default): dot and level name. `full`: adds `LV n` and the display name when known.
   * @attr variant
   * @reflect
   * @default 'compact'
   */
  declare variant: BadgeVariant;

  /**
   * Base URL of the rewards API; by default the nearest provider's or the page's.
   * @attr api
   * @reflect
   */
  declare api?: string;

  /**
   * A member token; by default the nearest provider's or the page's.
   * @attr token
   */
  declare token?: string;

  /**
   * BCP 47 language (`en`, `zh-CN`, …); by default the provider's, then the closest `lang`.
   * @attr locale
   * @reflect
   */
  declare locale?: string;

  /**
   * Colour theme: `light`, `dark`, `auto` (the system's), or unset to follow the provider or the
   * colour scheme of the page around the element.
   * @attr theme
   * @reflect
   */
  declare theme?: Theme;

  private readonly internals = this.attachInternals();
  /** The face shown, as a custom state of the host. */
  private shown?: BadgeFace['face'];
  /** The failure last shown: each one is reported once (see `FaceState`). */
  private lastError?: unknown;
  /**
   * The controllers that find the badge's configuration and language as every other element's,
   * once it names its own or a provider may answer (`null` while their module arrives); until
   * then it follows the page (`page-settings.ts`).
   */
  private settings?: OwnSettings | null;
  /** Stops following the page, while the badge does. */
  private unfollow?: (() => void) | undefined;
  /** `member` without its white space, worked out when it changes: read several times an update. */
  private memberId?: string | undefined;

  private readonly badge = new PublicBadgeController(this, () => {
    const memberId = this.memberId;
    const config = memberId ? this.config : undefined;
    return config && memberId ? { api: config.api, memberId } : undefined;
  });

  /** The signed-in member's level, once its module has arrived. */
  private own?: OwnLevel;
  private ownRequested = false;

  /** The badge drawn, and what it shows. */
  private drawn?: { badge: HTMLElement; look: BadgeLook; displayName: string | undefined };
  /** The configuration problem last reported (see `warnConfigProblem`). */
  private problem?: string;
  /** The wrapper of the face drawn by `badge-faces.ts`, while one is. */
  private faceRoot?: HTMLElement;
  /** Whether the shadow root holds the theme's rules (see `adoptTheme`). */
  private themed = false;

  /** The configuration to use; none while the controllers' module arrives. */
  private get config(): EffectiveConfig | undefined {
    return this.settings === undefined ? pageConfig(this).config : this.settings?.configuration.config;
  }

  private get l10n(): Words {
    if (this.settings) return this.settings.l10n;
    const language = pageLanguage(this);
    let words = pageWords.get(language);
    if (!words) {
      // As with the looks: the bound only guards against a page cycling through endless languages.
      if (pageWords.size >= 256) pageWords.clear();
      pageWords.set(language, (words = new Words(language, english)));
    }
    return words;
  }

  override connectedCallback(): void {
    if (this.settings === undefined && customElements.get(PROVIDER_TAG)) this.leavePage();
    if (this.settings === undefined) this.unfollow = followPage(this);
    // Their module may have arrived while the badge was away from the page.
    else if (this.settings === null) this.takeOwnSettings();
    super.connectedCallback();
  }

  override disconnectedCallback(): void {
    this.stopFollowing();
    super.disconnectedCallback();
  }

  private stopFollowing(): void {
    this.unfollow?.();
    this.unfollow = undefined;
  }

  /** Keeps `memberId`; a badge given its own `api`, `token` or `locale` stops following the page. */
  protected override propertyChanged(name: string): void {
    if (name === 'member') this.memberId = this.member?.trim() || undefined;
    else if (name === 'api' || name === 'token' || name === 'locale') this.leavePage();
  }

  /**
   * Finds the configuration and language as every other element does, from now on: the badge
   * names its own, or a provider may answer it. @internal
   */
  leavePage(): void {
    if (this.settings !== undefined) return;
    this.settings = null;
    this.stopFollowing();
    this.takeOwnSettings();
  }

  /**
   * Hosts the controllers once their module is here (a badge waits on its loading face), and
   * updates again: the controllers' own update hooks run from the next update on.
   */
  private takeOwnSettings(): void {
    const module = ownSettingsModule.module;
    if (!module) return loadFor(this, ownSettingsModule, "the level badge's settings");
    this.settings = module.ownSettings(this, english);
    this.requestUpdate();
  }

  /** Resolves once the badge has updated, with its settings when their module was on its way. @internal */
  override get updateComplete(): Promise<boolean> {
    if (this.settings !== null) return super.updateComplete;
    return ownSettingsModule
      .load()
      .catch(() => undefined)
      .then(() => super.updateComplete);
  }

  private resolveFace(): BadgeFace {
    if (!this.config) return LOADING_FACE;
    if (this.memberId) {
      const state = this.badge.state;
      if (!state || state.status === 'loading') return LOADING_FACE;
      if (state.status === 'error') return { face: 'error', error: state.error };
      if (state.badge === null) return { face: 'unknown' };
      return { face: 'ready', view: { level: state.badge.level, displayName: state.badge.displayName } };
    }
    return this.own?.face ?? LOADING_FACE;
  }

  protected override update(): void {
    if (this.settings === null) this.takeOwnSettings();
    if (this.theme && !this.themed) this.adoptTheme();
    const problem = this.settings === undefined ? pageConfig(this).problem : this.settings?.configuration.problem;
    if (problem !== this.problem) warnConfigProblem(this, (this.problem = problem));
    if (!this.memberId && !this.ownRequested) this.loadOwnLevel();
    const current = this.resolveFace();
    switch (current.face) {
      case 'loading':
      case 'unknown':
        this.clear();
        break;
      case 'ready':
        this.drawBadge(current.view);
        break;
      case 'signed-out':
      case 'error':
        // The face's module may still be on its way: the face (and its state) follow it.
        if (!this.drawFace(current)) {
          if (this.shown === undefined) this.showFace('loading');
          return;
        }
    }
    this.showFace(current.face, current.face === 'error' ? current.error : undefined);
  }

  /**
   * The rules of the `theme` attribute, adopted by a badge the first time it is given one: the
   * thousand badges of a forum page follow the page's colours, and each shadow root pays for
   * every rule it adopts. Put first, as the other elements have them.
   */
  private adoptTheme(): void {
    this.themed = true;
    const root = this.renderRoot!;
    const sheet = forcedThemeStyles.styleSheet!;
    if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [sheet, ...root.adoptedStyleSheets];
  }

  /**
   * Marks the face on screen as a custom state of the host (`:state(ready)`), and reports a new
   * failure once, as `FaceState` does for the other elements. An error face is only shown once
   * the faces' module is here, and the report comes with it.
   */
  private showFace(face: BadgeFace['face'], error?: unknown): void {
    if (face !== this.shown) {
      if (this.shown !== undefined) this.internals.states.delete(this.shown);
      this.internals.states.add(face);
      this.shown = face;
    }
    if (error !== undefined && error !== this.lastError) faces?.reportFailure(this, error);
    this.lastError = error;
  }

  /** The signed-in path needs the store: fetched the first time a badge without `member` shows. */
  private loadOwnLevel(): void {
    this.ownRequested = true;
    void import('./own-level.ts').then(({ followOwnLevel }) => {
      this.own = followOwnLevel(
        this,
        () => this.config,
        () => !this.memberId,
      );
      this.requestUpdate();
    });
  }

  private retry(): void {
    if (this.memberId) this.badge.refresh();
    else this.own?.refresh();
  }

  private clear(): void {
    if (!this.drawn && !this.faceRoot) return;
    this.drawn = this.faceRoot = undefined;
    this.renderRoot!.replaceChildren();
  }

  /** Draws the signed-out or error face; false while its module is still arriving. */
  private drawFace(current: BadgeFace & { face: 'signed-out' | 'error' }): boolean {
    if (!faces) {
      void loadFaces().then(() => this.requestUpdate());
      return false;
    }
    if (!this.faceRoot) {
      this.clear();
      faces.adoptFaceStyles(this.renderRoot!);
      this.faceRoot = document.createElement('span');
      this.faceRoot.className = 'faces';
      this.renderRoot!.append(this.faceRoot);
    }
    this.faceRoot.lang = this.l10n.locale;
    this.faceRoot.dir = this.l10n.dir;
    if (current.face === 'signed-out') faces.drawSignedOut(this.faceRoot, this.l10n);
    else faces.drawError(this.faceRoot, this.l10n, current.error, () => this.retry());
    return true;
  }

  /** How the badge shows `level` in its language and variant. */
  private look(level: number, full: boolean): BadgeLook {
    const { l10n } = this;
    const { loaded, language } = l10n;
    let kept = looks.get(language);
    if (kept?.loaded !== loaded) {
      // A page shows a few languages; the bound only guards against one cycling through endless ones.
      if (looks.size >= 256) looks.clear();
      looks.set(language, (kept = { loaded, byLevel: [] }));
    }
    const index = 2 * level + Number(full);
    let look = kept.byLevel[index];
    if (!look) {
      const { locale, dir } = l10n;
      const levelName = l10n.t(levelNameKey(level));
      const label = l10n.t('badge.label', { level: levelName, n: level });
      look = kept.byLevel[index] = { full, locale, dir, level, levelName, label, number: l10n.t('level.short', { n: level }) };
    }
    return look;
  }

  private drawBadge(view: BadgeView): void {
    const full = this.variant === 'full';
    const look = this.look(levelIndex(view.level), full);
    const displayName = (full && view.displayName) || undefined;
    if (this.drawn?.look === look && this.drawn.displayName === displayName) return;
    const label = displayName && this.l10n.t('badge.labelWithName', { name: displayName, level: look.levelName, n: look.level });
    const badge = badgeNodes(look, displayName, label);
    if (this.drawn) this.drawn.badge.replaceWith(badge);
    else {
      this.clear();
      this.renderRoot!.append(badge);
    }
    this.drawn = { badge, look, displayName };
  }
}

MemberLevelBadge.finalizeProperties();

declare global {
  interface HTMLElementTagNameMap {
    'member-level-badge': MemberLevelBadge;
  }
}
