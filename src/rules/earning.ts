/**
 * Earning coins: one decision per earning event (C1–C5, C8–C18), C19 settlement of pending
 * coins, daily caps, and the list of the ways to earn. Each decision takes the facts the server
 * gathered and returns the credits to append; the credits go to the event's member unless a
 * decision says otherwise (C10 credits the inviter).
 */
import type { RulesConfig } from './config.ts';
import { calendarDay, isoWeekKey, toEpochMs, type CalendarDay, type Instant } from './calendar.ts';
import { credit, grant, isIdentifier, noCredit, refuse, type EarningDecision, type EarningGranted, type Refusal, type RuleId } from './decisions.ts';
import { wholeDollars } from './money.ts';
import { RULE_TITLES } from './titles.ts';

const invalidId = (name: string): Refusal => refuse('invalid_request', `${name} must be a non-empty identifier`);

/** C1: one coin per whole dollar of the P1 eligible amount, when the order completes; once per order. */
export function orderCompletedCoins(orderId: string, eligibleCents: number, config: RulesConfig): EarningDecision {
  if (!isIdentifier(orderId)) return invalidId('orderId');
  if (!Number.isSafeInteger(eligibleCents) || eligibleCents < 0) return refuse('invalid_request', 'eligibleCents must be a whole number ≥ 0');
  const coins = wholeDollars(eligibleCents) * config.earning.orderCompleted.coinsPerDollar;
  return grant(credit('C1', 'coins', coins, { onceKey: orderId, ref: orderId }));
}

/** C2: subscribing to the newsletter, once ever. */
export function newsletterSubscribedCoins(config: RulesConfig): EarningDecision {
  return grant(credit('C2', 'coins', config.earning.newsletterSubscribed.coins, { onceKey: 'newsletter' }));
}

export interface Profile {
  avatarUrl?: string | null;
  nickname?: string | null;
  country?: string | null;
}

const present = (value: string | null | undefined) => typeof value === 'string' && value.trim().length > 0;

/** C3: a profile with avatar, nickname and country all present, once ever. */
export function profileCompletedCoins(profile: Profile, config: RulesConfig): EarningDecision {
  if (!present(profile.avatarUrl) || !present(profile.nickname) || !present(profile.country)) return noCredit('profile_incomplete');
  return grant(credit('C3', 'coins', config.earning.profileCompleted.coins, { onceKey: 'profile' }));
}

export type ProjectShareTier = 'text_images' | 'gerber_bom' | 'tutorial';

export interface ProjectApproval {
  projectId: string;
  tier: ProjectShareTier;
  /** The approval says an event is running. */
  duringEvent?: boolean;
  /** When the project was approved: inside the configured event window, the event applies. */
  approvedAt: Instant;
}

/** C4: whether an event of the configuration is running at `at` (start inclusive, end exclusive). */
export function isProjectEventRunning(at: Instant, config: RulesConfig): boolean {
  const window = config.earning.projectShared.event;
  if (!window) return false;
  const ms = toEpochMs(at);
  return ms >= Date.parse(window.startsAt) && ms < Date.parse(window.endsAt);
}

/** C4: a shared project, after approval, at the tier the approval names; once per project. */
export function projectSharedCoins(approval: ProjectApproval, config: RulesConfig): EarningDecision {
  if (!isIdentifier(approval.projectId)) return invalidId('projectId');
  const amounts = config.earning.projectShared;
  const eventRunning = approval.duringEvent === true || isProjectEventRunning(approval.approvedAt, config);
  let coins: number;
  switch (approval.tier) {
    case 'text_images':
      coins = amounts.textImages;
      break;
    case 'gerber_bom':
      coins = amounts.gerberBom;
      break;
    case 'tutorial':
      coins = eventRunning ? amounts.tutorialDuringEvent : amounts.tutorial;
      break;
    default:
      return refuse('invalid_request', `unknown project tier ${String(approval.tier)}`);
  }
  return grant(credit('C4', 'coins', coins, { onceKey: approval.projectId, ref: approval.projectId }));
}

export interface Feedback {
  feedbackId: string;
  words: number;
  images: number;
  videos: number;
}

/** C5: the highest feedback tier that matches; once per feedback. Empty feedback is refused. */
export function feedbackSharedCoins(feedback: Feedback, config: RulesConfig): EarningDecision {
  if (!isIdentifier(feedback.feedbackId)) return invalidId('feedbackId');
  for (const name of ['words', 'images', 'videos'] as const) {
    const value = feedback[name];
    if (!Number.isSafeInteger(value) || value < 0) return refuse('invalid_request', `${name} must be a whole number ≥ 0`);
  }
  const { words, images, videos } = feedback;
  if (words === 0 && images === 0 && videos === 0) return refuse('invalid_request', 'feedback without words, images or videos');
  const tiers = config.earning.feedbackShared;
  const long = words >= tiers.longMinWords;
  const media = images > 0 || videos > 0;
  const matching = [
    !long && !media ? tiers.shortText : 0,
    long && !media ? tiers.longText : 0,
    media ? tiers.withMedia : 0,
    long && videos > 0 ? tiers.longWithVideos : 0,
  ];
  return grant(credit('C5', 'coins', Math.max(...matching), { onceKey: feedback.feedbackId, ref: feedback.feedbackId }));
}

/** What is left of a daily cap. */
export function remainingUnderCap(cap: number, earnedToday: number): number {
  return Math.max(0, cap - Math.max(0, earnedToday));
}

/** The coins of `entries` credited on `day` in `timeZone`: what a daily cap counts. */
export function coinsEarnedOnDay(entries: ReadonlyArray<{ at: Instant; amount: number }>, day: CalendarDay, timeZone: string): number {
  return entries.filter((entry) => calendarDay(entry.at, timeZone) === day).reduce((sum, entry) => sum + entry.amount, 0);
}

export interface Like {
  projectId: string;
  /** The member liked this project before (even if they unliked it since). */
  likedBefore: boolean;
  /** C8 coins the member already earned on the current calendar day of the shop's zone. */
  coinsEarnedToday: number;
}

/** C8: a like earns a coin, at most 5 a day; each (member, project) pair counts once ever. */
export function projectLikedCoins(like: Like, config: RulesConfig): EarningDecision {
  if (!isIdentifier(like.projectId)) return invalidId('projectId');
  if (like.likedBefore) return noCredit('already_counted');
  const rule = config.earning.projectLiked;
  const coins = Math.min(rule.coins, remainingUnderCap(rule.dailyCapCoins, like.coinsEarnedToday));
  if (coins === 0 && rule.coins > 0) return noCredit('daily_cap_reached');
  return grant(credit('C8', 'coins', coins, { onceKey: like.projectId, ref: like.projectId }));
}

export interface Comment {
  projectId: string;
  commentId: string;
  /** C9 coins the member already earned on the current calendar day of the shop's zone. */
  coinsEarnedToday: number;
}

/** C9: a comment earns a coin, at most 5 a day; once per comment. */
export function projectCommentedCoins(comment: Comment, config: RulesConfig): EarningDecision {
  if (!isIdentifier(comment.projectId)) return invalidId('projectId');
  if (!isIdentifier(comment.commentId)) return invalidId('commentId');
  const rule = config.earning.projectCommented;
  const coins = Math.min(rule.coins, remainingUnderCap(rule.dailyCapCoins, comment.coinsEarnedToday));
  if (coins === 0 && rule.coins > 0) return noCredit('daily_cap_reached');
  return grant(credit('C9', 'coins', coins, { onceKey: comment.commentId, ref: comment.projectId }));
}

export interface InviteeOrder {
  inviteeId: string;
  /** Who invited the invitee, if anyone. */
  inviterId: string | null;
  orderId: string;
  /** This is the invitee's first completed order. */
  isFirstCompletedOrder: boolean;
}

export type InviteDecision = (EarningGranted & { inviterId: string | null }) | Refusal;

/** C10: the inviter earns when the invitee's first order completes; once per invitee; no self-invites. */
export function inviteCoins(order: InviteeOrder, config: RulesConfig): InviteDecision {
  if (!isIdentifier(order.inviteeId)) return invalidId('inviteeId');
  if (!isIdentifier(order.orderId)) return invalidId('orderId');
  const { inviterId } = order;
  if (inviterId === null || !isIdentifier(inviterId)) return { ...noCredit('no_inviter'), inviterId: null };
  if (inviterId === order.inviteeId) return { ...noCredit('self_invite'), inviterId };
  if (!order.isFirstCompletedOrder) return { ...noCredit('not_first_order'), inviterId };
  return { ...grant(credit('C10', 'coins', config.earning.inviteeFirstOrder.coins, { onceKey: order.inviteeId, ref: order.orderId })), inviterId };
}

/** C11: staff reward a shared project with 1 to 1000 coins; every award counts. */
export function officialRewardCoins(reward: { projectId: string; coins: number }, config: RulesConfig): EarningDecision {
  if (!isIdentifier(reward.projectId)) return invalidId('projectId');
  const { minCoins, maxCoins } = config.earning.officialReward;
  if (!Number.isSafeInteger(reward.coins) || reward.coins < minCoins || reward.coins > maxCoins) {
    return refuse('invalid_request', `an official reward is a whole number of coins from ${minCoins} to ${maxCoins}`);
  }
  return grant(credit('C11', 'coins', reward.coins, { ref: reward.projectId }));
}

export type OrderProgress = 'open' | 'completed' | 'cancelled';

function orderBoundCoins(ruleId: 'C12' | 'C13', orderId: string, orderStatus: OrderProgress, coins: number): EarningDecision {
  if (!isIdentifier(orderId)) return invalidId('orderId');
  if (orderStatus === 'cancelled') return noCredit('order_cancelled');
  const status = orderStatus === 'completed' ? 'available' : 'pending';
  return grant(credit(ruleId, 'coins', coins, { onceKey: orderId, ref: orderId, status }));
}

/** C12: a BOM on the shop's template; pending until its order completes (C19); once per order. */
export function bomUploadedCoins(upload: { orderId: string; orderStatus: OrderProgress }, config: RulesConfig): EarningDecision {
  return orderBoundCoins('C12', upload.orderId, upload.orderStatus, config.earning.bomUploaded.coins);
}

/** C13: a test file with a PCBA inquiry; pending until its order completes (C19); once per order. */
export function testFileUploadedCoins(upload: { orderId: string; orderStatus: OrderProgress }, config: RulesConfig): EarningDecision {
  return orderBoundCoins('C13', upload.orderId, upload.orderStatus, config.earning.testFileUploaded.coins);
}

export type PendingOutcome = 'available' | 'void';

/** C19: what pending coins become when their order completes or is cancelled. */
export function settlePendingCoins(orderOutcome: 'completed' | 'cancelled'): PendingOutcome {
  return orderOutcome === 'completed' ? 'available' : 'void';
}

export interface LedgerEntryState {
  id: string | number;
  ruleId: RuleId;
  status: 'pending' | 'available' | 'void';
}

/** C19: the status changes to apply to an order's entries; only pending entries ever change. */
export function pendingSettlements<E extends LedgerEntryState>(
  entries: readonly E[],
  orderOutcome: 'completed' | 'cancelled',
): Array<{ id: E['id']; from: 'pending'; to: PendingOutcome }> {
  const to = settlePendingCoins(orderOutcome);
  return entries.filter((entry) => entry.status === 'pending').map((entry) => ({ id: entry.id, from: 'pending' as const, to }));
}

export interface QuotationPayment {
  quotationId: string;
  quotedAt: Instant;
  paidAt: Instant;
}

/** C14: a PCBA quotation paid at most 5 × 24 h after it was issued; once per quotation. */
export function quotationPaidCoins(payment: QuotationPayment, config: RulesConfig): EarningDecision {
  if (!isIdentifier(payment.quotationId)) return invalidId('quotationId');
  const rule = config.earning.quotationPaidQuickly;
  const elapsed = toEpochMs(payment.paidAt) - toEpochMs(payment.quotedAt);
  if (elapsed < 0) return refuse('invalid_request', 'a quotation cannot be paid before it was issued');
  if (elapsed > rule.windowHours * 3_600_000) return noCredit('too_late');
  return grant(credit('C14', 'coins', rule.coins, { onceKey: payment.quotationId, ref: payment.quotationId }));
}

/** C15: checking PCBA progress, once per ISO week of the shop's zone. */
export function progressCheckedCoins(check: { projectId: string; at: Instant }, config: RulesConfig): EarningDecision {
  if (!isIdentifier(check.projectId)) return invalidId('projectId');
  const week = isoWeekKey(calendarDay(check.at, config.timeZone));
  return grant(credit('C15', 'coins', config.earning.progressChecked.coins, { onceKey: week, ref: check.projectId }));
}

/** C16: rating a PCBA photo or video, once per item. */
export function mediaRatedCoins(rating: { mediaId: string }, config: RulesConfig): EarningDecision {
  if (!isIdentifier(rating.mediaId)) return invalidId('mediaId');
  return grant(credit('C16', 'coins', config.earning.mediaRated.coins, { onceKey: rating.mediaId, ref: rating.mediaId }));
}

/** C17: confirming a PCBA project, once per project. */
export function pcbaConfirmedCoins(confirmation: { projectId: string }, config: RulesConfig): EarningDecision {
  if (!isIdentifier(confirmation.projectId)) return invalidId('projectId');
  return grant(credit('C17', 'coins', config.earning.pcbaConfirmed.coins, { onceKey: confirmation.projectId, ref: confirmation.projectId }));
}

/** C18: filling out a specified questionnaire, once per questionnaire. */
export function questionnaireCompletedCoins(answer: { questionnaireId: string }, config: RulesConfig): EarningDecision {
  if (!isIdentifier(answer.questionnaireId)) return invalidId('questionnaireId');
  return grant(credit('C18', 'coins', config.earning.questionnaireCompleted.coins, { onceKey: answer.questionnaireId, ref: answer.questionnaireId }));
}

/** What a once-limit counts over, for display. */
export type EarningScope = 'order' | 'once' | 'project' | 'feedback' | 'day' | 'month' | 'invitee' | 'award' | 'quotation' | 'week' | 'item' | 'questionnaire';

export interface EarningRuleView {
  id: RuleId;
  title: string;
  /** The most one event earns (per dollar for C1; the monthly total for C7). */
  coins: number;
  /** The condition and limit in words. */
  limit: string;
  scope: EarningScope;
}

const ordinal = (n: number) => {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th');
  return `${n}${suffix}`;
};

/** The ways to earn (`GET /v1/earning-rules`), from the configuration; `at` decides whether a C4 event is running. */
export function earningRulesList(config: RulesConfig, at?: Instant): EarningRuleView[] {
  const e = config.earning;
  const eventRunning = at !== undefined && isProjectEventRunning(at, config);
  const tutorial = eventRunning ? e.projectShared.tutorialDuringEvent : e.projectShared.tutorial;
  const view = (id: RuleId, coins: number, limit: string, scope: EarningScope): EarningRuleView => ({ id, title: RULE_TITLES[id], coins, limit, scope });
  return [
    view('C1', e.orderCompleted.coinsPerDollar, `${e.orderCompleted.coinsPerDollar} per $1 of products paid, when the order is completed`, 'order'),
    view('C2', e.newsletterSubscribed.coins, 'once', 'once'),
    view('C3', e.profileCompleted.coins, 'once, with avatar, nickname and country', 'once'),
    view(
      'C4',
      Math.max(e.projectShared.textImages, e.projectShared.gerberBom, tutorial),
      `once per project, after approval: ${e.projectShared.textImages} with text and images, ${e.projectShared.gerberBom} with Gerber and BOM, ${tutorial} with a detailed tutorial` +
        (eventRunning ? ' (event running)' : `, ${e.projectShared.tutorialDuringEvent} during events`),
      'project',
    ),
    view(
      'C5',
      Math.max(e.feedbackShared.shortText, e.feedbackShared.longText, e.feedbackShared.withMedia, e.feedbackShared.longWithVideos),
      `once per feedback: ${e.feedbackShared.shortText} under ${e.feedbackShared.longMinWords} words, ${e.feedbackShared.longText} from ${e.feedbackShared.longMinWords} words, ` +
        `${e.feedbackShared.withMedia} with images or videos, ${e.feedbackShared.longWithVideos} from ${e.feedbackShared.longMinWords} words with videos`,
      'feedback',
    ),
    view('C6', e.checkIn.coins, 'once a day', 'day'),
    view(
      'C7',
      e.checkIn.bonuses.reduce((sum, bonus) => sum + bonus.coins, 0),
      e.checkIn.bonuses.length === 0
        ? 'no bonuses'
        : `${e.checkIn.bonuses.map((bonus) => `+${bonus.coins} at the ${ordinal(bonus.atCount)}`).join(', ')} check-in of a month`,
      'month',
    ),
    view('C8', e.projectLiked.coins, `at most ${e.projectLiked.dailyCapCoins} coins a day; once per project`, 'day'),
    view('C9', e.projectCommented.coins, `at most ${e.projectCommented.dailyCapCoins} coins a day`, 'day'),
    view('C10', e.inviteeFirstOrder.coins, 'once per invited friend, when their first order is completed', 'invitee'),
    view('C11', e.officialReward.maxCoins, `${e.officialReward.minCoins} to ${e.officialReward.maxCoins}, chosen by staff`, 'award'),
    view('C12', e.bomUploaded.coins, 'once per order; pending until the order is completed', 'order'),
    view('C13', e.testFileUploaded.coins, 'once per order; pending until the order is completed', 'order'),
    view('C14', e.quotationPaidQuickly.coins, `once per quotation, paid within ${e.quotationPaidQuickly.windowHours} hours`, 'quotation'),
    view('C15', e.progressChecked.coins, 'once a week', 'week'),
    view('C16', e.mediaRated.coins, 'once per rated photo or video', 'item'),
    view('C17', e.pcbaConfirmed.coins, 'once per PCBA project', 'project'),
    view('C18', e.questionnaireCompleted.coins, 'once per questionnaire', 'questionnaire'),
  ];
}

export type CappedRuleId = 'C8' | 'C9';

/** Today's progress on the capped rules (`GET /v1/me/earning`). */
export function dailyCapProgress(
  earnedToday: Partial<Record<CappedRuleId, number>>,
  config: RulesConfig,
): Array<{ ruleId: CappedRuleId; earnedToday: number; cap: number }> {
  return [
    { ruleId: 'C8', earnedToday: earnedToday.C8 ?? 0, cap: config.earning.projectLiked.dailyCapCoins },
    { ruleId: 'C9', earnedToday: earnedToday.C9 ?? 0, cap: config.earning.projectCommented.dailyCapCoins },
  ];
}
