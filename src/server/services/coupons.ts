/**
 * S2 at checkout: a coupon is used once, by one order. The coupon's row is locked, so two
 * checkouts racing for one code are judged one after the other; the same order asking again gets
 * the same answer, so the shop may retry freely.
 */
import type { UseCouponResponse } from '../../api/index.ts';
import type { Db } from '../db/index.ts';
import { ProblemError } from '../errors.ts';

interface CouponRow {
  code: string;
  member_id: string;
  value_cents: number;
  used_at: Date | null;
  order_id: string | null;
}

function answer(row: CouponRow & { used_at: Date; order_id: string }): UseCouponResponse {
  return { code: row.code, valueCents: row.value_cents, memberId: row.member_id, orderId: row.order_id, usedAt: row.used_at.toISOString() };
}

export async function useCoupon(
  db: Db,
  { code, memberId, orderId }: { code: string; memberId: string; orderId: string },
  now: Date,
): Promise<UseCouponResponse> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.query<CouponRow>(
      'SELECT code, member_id, value_cents, used_at, order_id FROM coupons WHERE code = $1 AND member_id = $2 FOR UPDATE',
      [code, memberId],
    );
    const coupon = rows[0];
    // Another member's code is as unknown as one that never was: codes are not to be probed.
    if (!coupon) throw new ProblemError('not_found', `Member ${memberId} has no coupon ${code}.`);
    if (coupon.used_at !== null && coupon.order_id !== null) {
      if (coupon.order_id === orderId) return answer({ ...coupon, used_at: coupon.used_at, order_id: coupon.order_id });
      throw new ProblemError('coupon_used', `Coupon ${code} was used by another order.`);
    }
    await tx.query('UPDATE coupons SET used_at = $2, order_id = $3 WHERE code = $1', [code, now, orderId]);
    return answer({ ...coupon, used_at: now, order_id: orderId });
  });
}
