/** The orders table's sorting and paging, apart from how it is drawn. */
import type { SellerOrder } from '../../api/seller.ts';

export type OrderColumn = 'completedAt' | 'grossCents' | 'netCents';
export type SortDirection = 'ascending' | 'descending';

export interface OrderSort {
  column: OrderColumn;
  direction: SortDirection;
}

export const ORDERS_PER_PAGE = 10;

/** A new array, sorted; ties keep the server's order (newest first). */
export function sortOrders(orders: readonly SellerOrder[], sort: OrderSort): SellerOrder[] {
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const value = (order: SellerOrder) => (sort.column === 'completedAt' ? Date.parse(order.completedAt) : order[sort.column]);
  return orders
    .map((order, index) => ({ order, index }))
    .sort((a, b) => sign * (value(a.order) - value(b.order)) || a.index - b.index)
    .map(({ order }) => order);
}

/** Pressing a column's header: the same column flips, another one starts descending (largest, newest first). */
export function nextSort(current: OrderSort, column: OrderColumn): OrderSort {
  if (current.column !== column) return { column, direction: 'descending' };
  return { column, direction: current.direction === 'descending' ? 'ascending' : 'descending' };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / ORDERS_PER_PAGE));
}

export function pageOf<T>(items: readonly T[], page: number): T[] {
  return items.slice(page * ORDERS_PER_PAGE, (page + 1) * ORDERS_PER_PAGE);
}
