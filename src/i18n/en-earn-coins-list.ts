/**
 * The English that `<earn-coins-list>` alone reads. Part of the English catalog (`en.ts`); the element bundles it with the shared parts it reads, and no other element's messages.
 */
import type { Message } from './message.ts';

const enEarnCoinsList = {
  'earn.title': 'Ways to earn coins',
  'earn.coins': { one: '+{n} coin', other: '+{n} coins' },
  'earn.todayProgress': '{earned} of {cap} today',
  'earn.rule.C1': 'Complete an order',
  'earn.rule.C2': 'Subscribe to the newsletter',
  'earn.rule.C3': 'Complete your profile',
  'earn.rule.C4': 'Share a project',
  'earn.rule.C5': 'Share feedback',
  'earn.rule.C6': 'Check in every day',
  'earn.rule.C7': 'Monthly check-in bonus',
  'earn.rule.C8': 'Like a project',
  'earn.rule.C9': 'Comment on a project',
  'earn.rule.C10': 'Invite a friend',
  'earn.rule.C11': 'Official project reward',
  'earn.rule.C12': 'Upload a BOM with our template',
  'earn.rule.C13': 'Upload a test file with a PCBA inquiry',
  'earn.rule.C14': 'Pay a PCBA quotation within 5 days',
  'earn.rule.C15': 'Check your PCBA progress',
  'earn.rule.C16': 'Rate a PCBA photo or video',
  'earn.rule.C17': 'Confirm a PCBA project',
  'earn.rule.C18': 'Fill out a questionnaire',
  'earn.perDollar': { one: '{n} coin per dollar', other: '{n} coins per dollar' },
  'earn.range': '+{min}–{max} coins',
  'earn.scope.per_dollar': 'On every completed order',
  'earn.scope.once': 'Once',
  'earn.scope.per_item': 'Each time',
  'earn.scope.per_day': 'Once a day',
  'earn.scope.per_week': 'Once a week',
  'earn.scope.per_month': 'Every month',
  'earn.scope.per_action': 'Each time',
  'earn.dailyCap': { one: 'Up to {n} coin a day', other: 'Up to {n} coins a day' },
  'earn.earned': 'Earned',
  'earn.empty': 'No ways to earn to show.',
  'signIn.earn': 'Sign in to see your progress.',
} as const satisfies Record<string, Message>;

export default enEarnCoinsList;
