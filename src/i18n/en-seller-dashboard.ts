/**
 * The English that `<seller-dashboard>` alone reads before its ready face: its loading, signed-out and other
 * faces. Part of the English catalog (`en.ts`); the ready face's messages come with the ready face
 * (`en-seller-dashboard-ready.ts`).
 */
import type { Message } from './message.ts';

const enSellerDashboard = {
  'seller.notSeller': 'You are not a partner seller. Partner sellers see their sales, stock and earnings here.',
  'seller.signIn': 'Sign in to see your seller dashboard.',
  'seller.empty': 'No sales or products yet.',
} as const satisfies Record<string, Message>;

export default enSellerDashboard;
