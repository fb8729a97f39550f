import assert from 'node:assert/strict';
import * as z from 'zod/mini';

/** Asserts that `schema` accepts `input` and returns what it parsed to. */
export function assertAccepts<S extends z.core.$ZodType>(schema: S, input: unknown, label = ''): z.output<S> {
  const result = z.safeParse(schema, input);
  assert.ok(result.success, `${label} should be accepted: ${result.success ? '' : JSON.stringify(result.error.issues)}`);
  return result.data;
}

/** Asserts that `schema` rejects every case of a table of `[why, input]`. */
export function assertRejectsAll(schema: z.core.$ZodType, cases: ReadonlyArray<readonly [string, unknown]>): void {
  for (const [why, input] of cases) {
    const result = z.safeParse(schema, input);
    assert.equal(result.success, false, `should reject ${why}: ${JSON.stringify(input)}`);
  }
}
