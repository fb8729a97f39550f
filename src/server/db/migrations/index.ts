import type { Migration } from './migration.ts';
import { initial } from './001_initial.ts';
import { sellerProducts } from './002_seller_products.ts';
import { requestTransactions } from './003_request_transactions.ts';
import { webhooks } from './005_webhooks.ts';
import { wideBalances } from './006_wide_balances.ts';

export type { Migration } from './migration.ts';

/** Every migration, in the order they apply. Append new ones; never reorder or edit applied ones. */
export const MIGRATIONS: readonly Migration[] = [initial, sellerProducts, requestTransactions, webhooks, wideBalances];
