/** Which handler acts on each event type of the API. */
import type { EventType } from '../../../api/index.ts';
import { memberRegistered, newsletterSubscribed, profileCompleted } from './account.ts';
import type { EventHandler } from './context.ts';
import { feedbackShared } from './feedback.ts';
import { orderCancelled, orderCompleted, orderRefunded } from './orders.ts';
import { bomUploaded, mediaRated, pcbaConfirmed, progressChecked, quotationPaid, testFileUploaded } from './pcba.ts';
import { projectApproved, projectCommented, projectCreated, projectLiked, projectRewarded } from './projects.ts';
import { questionnaireCompleted } from './questionnaire.ts';

export const eventHandlers: { readonly [T in EventType]: EventHandler<T> } = {
  'member.registered': memberRegistered,
  'order.completed': orderCompleted,
  'order.cancelled': orderCancelled,
  'order.refunded': orderRefunded,
  'newsletter.subscribed': newsletterSubscribed,
  'profile.completed': profileCompleted,
  'project.approved': projectApproved,
  'feedback.shared': feedbackShared,
  'project.liked': projectLiked,
  'project.commented': projectCommented,
  'project.rewarded': projectRewarded,
  'bom.uploaded': bomUploaded,
  'pcba.test_file_uploaded': testFileUploaded,
  'pcba.quotation_paid': quotationPaid,
  'pcba.progress_checked': progressChecked,
  'pcba.media_rated': mediaRated,
  'pcba.confirmed': pcbaConfirmed,
  'questionnaire.completed': questionnaireCompleted,
  'project.created': projectCreated,
};
