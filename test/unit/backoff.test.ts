// Back-off across runs after a failed review: 1 h, doubling, at most 32 h; new inputs lift it.
import { describe, expect, it } from 'vitest';
import {
  afterFailedReview,
  backoffDelayAfter,
  backoffUntil,
  FIRST_BACKOFF_MS,
  MAX_BACKOFF_MS,
} from '../../src/core/backoff.js';

const HOUR = 3_600_000;
const now = new Date('2026-12-01T00:00:00Z');

describe('back-off after verify_fail', () => {
  it('waits 1 h, then doubles, capped at 32 h', () => {
    expect([1, 2, 3, 6, 7, 12].map(backoffDelayAfter)).toEqual([1, 2, 4, 32, 32, 32].map((h) => h * HOUR));
    expect(FIRST_BACKOFF_MS).toBe(HOUR);
    expect(MAX_BACKOFF_MS).toBe(32 * HOUR);
  });

  it('counts failures in a row with the same inputs, and starts again with new inputs', () => {
    const one = afterFailedReview(undefined, 'k1', now);
    const two = afterFailedReview(one, 'k1', now);
    expect([one.failures, two.failures]).toEqual([1, 2]);
    expect(Date.parse(two.nextTryAt) - now.getTime()).toBe(2 * HOUR);
    expect(afterFailedReview(two, 'k2', now).failures).toBe(1);
  });

  it('holds ordering only for the same inputs and until its time', () => {
    const record = afterFailedReview(undefined, 'k1', now);
    expect(backoffUntil(record, 'k1', now)?.toISOString()).toBe('2026-12-01T01:00:00.000Z');
    expect(backoffUntil(record, 'k2', now)).toBeUndefined();
    expect(backoffUntil(record, 'k1', new Date(now.getTime() + HOUR))).toBeUndefined();
    expect(backoffUntil(undefined, 'k1', now)).toBeUndefined();
  });
});
