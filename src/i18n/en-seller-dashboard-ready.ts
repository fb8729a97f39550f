/**
 * The English that `<seller-dashboard>`'s ready face alone reads; it loads with the ready face, beside the
 * store. Part of the English catalog (`en.ts`).
 */
import type { Message } from './message.ts';

const enSellerDashboardReady = {
  'seller.storeCredit': 'Store credit',
  'seller.pending': 'Not paid out yet: {amount}',
  'seller.debt': 'Owed from refunds: {amount}, paid first from your next earnings',
  'seller.withdrawAmount': 'Amount to withdraw (USD)',
  'seller.withdraw': 'Withdraw',
  'seller.confirmWithdraw': 'Withdraw {amount} from your store credit?',
  'seller.withdrawing': 'Withdrawing…',
  'seller.withdrawInvalid': 'Enter an amount from 0.01 up to your store credit.',
  'seller.withdrawTooMuch': 'That is more than your store credit.',
  'seller.withdrawRequested': 'Withdrawal of {amount} requested.',
  'seller.withdrawals': 'Withdrawals',
  'seller.withdrawal.requested': 'Requested',
  'seller.withdrawal.paid': 'Paid',
  'seller.withdrawal.failed': 'Failed, returned to store credit',
  'seller.thisMonth': 'This month so far',
  'seller.gross': 'Sales',
  'seller.fee': 'Fee ({percent})',
  'seller.net': 'Net',
  'seller.months': 'Past months',
  'seller.month': 'Month',
  'seller.paidOut': 'Paid out',
  'seller.paidOutOn': '{amount} on {date}',
  'seller.notPaidYet': 'Not paid yet',
  'seller.firstOrder': 'First order {order} credited at once: {amount}',
  'seller.chart': 'Net earnings per month',
  'seller.orders': 'Orders',
  'seller.order': 'Order',
  'seller.date': 'Date',
  'seller.status.completed': 'Completed',
  'seller.status.refunded': 'Refunded {amount}',
  'seller.status': 'Status',
  'seller.page': 'Page {page} of {pages}',
  'seller.previous': 'Previous page',
  'seller.next': 'Next page',
  'seller.products': 'Products',
  'seller.product': 'Product',
  'seller.stock': 'Stock',
  'seller.sold': 'Sold',
  'seller.unknownStock': 'Not reported',
  'seller.lowStock': 'Low stock',
  'seller.oversold': 'Oversold by {n}',
  'seller.noOrders': 'No orders yet.',
} as const satisfies Record<string, Message>;

export default enSellerDashboardReady;
