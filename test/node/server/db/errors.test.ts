import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  constraintOf,
  isAppendOnlyViolation,
  isCheckViolation,
  isForeignKeyViolation,
  isUniqueViolation,
  sqlStateOf,
} from '../../../../src/server/db/index.ts';

// Shaped like what pg and PGlite both throw: a DatabaseError with the server's fields.
function databaseError(code: string, constraint?: string): Error {
  return Object.assign(new Error('refused'), { code, severity: 'ERROR', ...(constraint ? { constraint } : {}) });
}

describe('recognizing database refusals', () => {
  test('classifies errors by SQLSTATE, optionally by constraint', () => {
    const duplicate = databaseError('23505', 'check_ins_pkey');
    assert.ok(isUniqueViolation(duplicate));
    assert.ok(isUniqueViolation(duplicate, 'check_ins_pkey'));
    assert.ok(!isUniqueViolation(duplicate, 'events_pkey'));
    assert.ok(!isCheckViolation(duplicate));
    assert.equal(constraintOf(duplicate), 'check_ins_pkey');

    const negative = databaseError('23514', 'members_coins_available_check');
    assert.ok(isCheckViolation(negative, 'members_coins_available_check'));
    assert.ok(!isUniqueViolation(negative));
    assert.ok(isForeignKeyViolation(databaseError('23503')));
    assert.ok(isAppendOnlyViolation(databaseError('23001')));
  });

  test('errors that did not come from the database are never mistaken for a refusal', () => {
    const systemError = Object.assign(new Error('write EPIPE'), { code: 'EPIPE', errno: -32, syscall: 'write' });
    for (const error of [systemError, new Error('23505'), { code: '23505' }, '23505', null, undefined, 23505]) {
      assert.equal(sqlStateOf(error), undefined);
      assert.ok(!isUniqueViolation(error));
      assert.ok(!isCheckViolation(error));
      assert.equal(constraintOf(error), undefined);
    }
  });
});
