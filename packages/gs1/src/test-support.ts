/** Helpers shared by the node:test suites. */
import assert from 'node:assert/strict';
import { Gs1Error, type Gs1ErrorCode } from './errors.ts';

/** Fixed "today" so century-window tests do not depend on the clock. */
export const TODAY = new Date('2025-06-15T00:00:00Z');

/** Asserts that `fn` throws a Gs1Error with the given code (and position, when given). */
export function throwsGs1(fn: () => unknown, code: Gs1ErrorCode, position?: number): Gs1Error {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof Gs1Error, `expected Gs1Error, got ${String(e)}`);
    assert.equal(e.code, code, `${e.code} (${e.message.en}) at ${e.position}`);
    if (position !== undefined) assert.equal(e.position, position, `position of ${code}`);
    return e;
  }
  assert.fail(`expected ${code}, nothing was thrown`);
}
