import { describe, expect, it } from 'vitest';
import {
  backoffDelayMs,
  classifyServiceError,
  DEFAULT_RETRY_POLICY,
  mayRetry,
  parseRetryAfterMs,
} from '../../src/aliyun/retry.js';

describe('retry rules', () => {
  it('classifies throttling and overload as rejected before processing', () => {
    for (const code of ['Throttling', 'Throttling.User', 'Throttling.Api', 'ServiceUnavailable']) {
      expect(classifyServiceError(code === 'ServiceUnavailable' ? 503 : 400, code)).toBe('rejected');
    }
  });

  it('classifies other 5xx as uncertain and client errors as final', () => {
    expect(classifyServiceError(500, 'InternalError')).toBe('uncertain');
    expect(classifyServiceError(502, undefined)).toBe('uncertain');
    for (const code of ['NotRemainCount', 'OrderStateError', 'InvalidParameter', 'SignatureDoesNotMatch']) {
      expect(classifyServiceError(code === 'OrderStateError' ? 403 : 400, code)).toBe('final');
    }
  });

  it('retries a state-changing call only when it surely did not run', () => {
    expect(mayRetry('rejected', true)).toBe(true);
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
