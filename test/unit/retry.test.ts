import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  CallPacer,
  classifyServiceError,
  DEFAULT_RETRY_POLICY,
  mayRetry,
  nextRetryDelayMs,
  parseRetryAfterMs,
  THROTTLING_RETRY_POLICY,
  throttlingDelayMs,
} from '../../src/aliyun/retry.js';

describe('retry rules', () => {
  it('classifies throttling apart from overload, both refused before processing', () => {
    for (const code of ['Throttling', 'Throttling.User', 'Throttling.Api']) {
      expect(classifyServiceError(400, code)).toBe('throttled');
    }
    expect(classifyServiceError(429, undefined)).toBe('throttled');
    expect(classifyServiceError(503, 'ServiceUnavailable')).toBe('rejected');
  });

  it('classifies other 5xx as uncertain and client errors as final', () => {
    expect(classifyServiceError(500, 'InternalError')).toBe('uncertain');
    expect(classifyServiceError(502, undefined)).toBe('uncertain');
    for (const code of ['NotRemainCount', 'OrderStateError', 'InvalidParameter', 'SignatureDoesNotMatch']) {
      expect(classifyServiceError(code === 'OrderStateError' ? 403 : 400, code)).toBe('final');
    }
  });

  it('retries a state-changing call only when it surely did not run', () => {
    expect(mayRetry('rejected', true)).toBe(false);
    expect(mayRetry('rejected', false)).toBe(true);
    expect(mayRetry('throttled', true)).toBe(true);
    expect(mayRetry('not-sent', true)).toBe(true);
    expect(mayRetry('uncertain', true)).toBe(false);
    expect(mayRetry('uncertain', false)).toBe(true);
    expect(mayRetry('final', false)).toBe(false);
  });

  it('backs off exponentially with full jitter under the cap', () => {
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };
    expect(backoffDelayMs(1, policy, () => 0.999)).toBe(99);
    expect(backoffDelayMs(3, policy, () => 0.999)).toBe(399);
    expect(backoffDelayMs(10, policy, () => 0.999)).toBe(999);
    expect(backoffDelayMs(10, policy, () => 0)).toBe(0);
  });

  it('spreads throttling retries over [c/2, c], c = min(2 s, 1 s·2^(n−1)), for 30 attempts', () => {
    const policy = THROTTLING_RETRY_POLICY;
    expect(policy.maxAttempts).toBe(30);
    expect([1, 2, 3, 9, 29].map((n) => throttlingDelayMs(n, policy, () => 0))).toEqual([
      500, 1000, 1000, 1000, 1000,
    ]);
    expect([1, 2, 3, 9, 29].map((n) => throttlingDelayMs(n, policy, () => 0.999999))).toEqual([
      999, 1999, 1999, 1999, 1999,
    ]);
  });

  it('uses the throttling backoff only for throttling, and gives up after the last attempt', () => {
    const at = (failure: 'throttled' | 'uncertain', attempt: number) =>
      nextRetryDelayMs({
        failure,
        attempt,
        policy: failure === 'throttled' ? THROTTLING_RETRY_POLICY : DEFAULT_RETRY_POLICY,
        nowMs: 0,
        random: () => 0,
      });
    expect(at('throttled', 1)).toBe(500);
    expect(at('uncertain', 1)).toBe(0);
    expect(at('throttled', 29)).toBe(1000);
    expect(at('throttled', 30)).toBeUndefined();
    expect(at('uncertain', 5)).toBeUndefined();
  });

  it('never waits past the deadline, whether the wait is a backoff or a Retry-After', () => {
    const next = (retryAfterMs: number | undefined, deadline: number) =>
      nextRetryDelayMs({
        failure: 'throttled',
        attempt: 1,
        policy: THROTTLING_RETRY_POLICY,
        retryAfterMs,
        nowMs: 1000,
        deadline,
        random: () => 0,
      });
    expect(next(undefined, 1500)).toBe(500);
    expect(next(undefined, 1499)).toBeUndefined();
    expect(next(3000, 4000)).toBe(3000);
    expect(next(3000, 3999)).toBeUndefined();
  });

  it('reads Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(parseRetryAfterMs('3', now)).toBe(3000);
    expect(parseRetryAfterMs('0.5', now)).toBe(500);
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 12:00:07 GMT', now)).toBe(7000);
    expect(parseRetryAfterMs('Mon, 23 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfterMs('soon', now)).toBeUndefined();
    expect(parseRetryAfterMs(undefined, now)).toBeUndefined();
  });
});

describe('CallPacer', () => {
  it('lets the documented count start at once, then books each next start one window after the one it replaces', () => {
    const pacer = new CallPacer({ ListUserCertificateOrder: 10 });
    const delays = Array.from({ length: 25 }, () => pacer.delayFor('ListUserCertificateOrder', 0));
    expect(delays.slice(0, 10)).toEqual(Array(10).fill(0));
    expect(delays.slice(10, 20)).toEqual(Array(10).fill(1100));
    expect(delays.slice(20)).toEqual(Array(5).fill(2200));
    // No window of 1.1 s holds more than 10 starts.
    for (const at of delays)
      expect(delays.filter((d) => d > at - 1100 && d <= at).length).toBeLessThanOrEqual(10);
  });

  it('leaves actions without a documented limit alone, and frees places as time passes', () => {
    const pacer = new CallPacer({ Paced: 1 });
    expect([1, 2, 3].map(() => pacer.delayFor('Unpaced', 0))).toEqual([0, 0, 0]);
    expect(pacer.delayFor('Paced', 0)).toBe(0);
    expect(pacer.delayFor('Paced', 500)).toBe(600);
    expect(pacer.delayFor('Paced', 5000)).toBe(0);
  });
});
