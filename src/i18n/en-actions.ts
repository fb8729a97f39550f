/**
 * The English of the actions several elements share: cancelling and confirming a dialog. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enActions = {
  'action.cancel': 'Cancel',
  'action.confirm': 'Confirm',
} as const satisfies Record<string, Message>;

export default enActions;
