/**
 * PCBA events: C12 BOM and C13 test file (pending until their order completes, nothing once it
 * is cancelled), C14 quick quotation payment, C15 weekly progress check, C16 rated media,
 * C17 confirmed project.
 */
import {
  bomUploadedCoins,
  mediaRatedCoins,
  pcbaConfirmedCoins,
  progressCheckedCoins,
  quotationPaidCoins,
  testFileUploadedCoins,
} from '../../../rules/index.ts';
import type { EventHandler } from './context.ts';
import { orderProgress } from './order-records.ts';

export const bomUploaded: EventHandler<'bom.uploaded'> = {
  orderId: (data) => data.orderId,
  async handle({ tx, event, data, rules, credits }) {
    const upload = { orderId: data.orderId, orderStatus: await orderProgress(tx, data.orderId) };
    await credits.apply(event.memberId, bomUploadedCoins(upload, rules));
  },
};

export const testFileUploaded: EventHandler<'pcba.test_file_uploaded'> = {
  orderId: (data) => data.orderId,
  async handle({ tx, event, data, rules, credits }) {
    const upload = { orderId: data.orderId, orderStatus: await orderProgress(tx, data.orderId) };
    await credits.apply(event.memberId, testFileUploadedCoins(upload, rules));
  },
};

export const quotationPaid: EventHandler<'pcba.quotation_paid'> = {
  async handle({ event, data, rules, credits }) {
    await credits.apply(event.memberId, quotationPaidCoins(data, rules));
  },
};

/** C15: the ISO week is the one the member checked in, in the rules' zone (a late delivery still counts for it). */
export const progressChecked: EventHandler<'pcba.progress_checked'> = {
  async handle({ event, data, rules, credits }) {
    await credits.apply(event.memberId, progressCheckedCoins({ projectId: data.projectId, at: event.occurredAt }, rules));
  },
};

export const mediaRated: EventHandler<'pcba.media_rated'> = {
  async handle({ event, data, rules, credits }) {
    await credits.apply(event.memberId, mediaRatedCoins(data, rules));
  },
};

export const pcbaConfirmed: EventHandler<'pcba.confirmed'> = {
  async handle({ event, data, rules, credits }) {
    await credits.apply(event.memberId, pcbaConfirmedCoins(data, rules));
  },
};
