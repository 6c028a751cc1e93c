// Pure retry decisions: which failures may be retried for which calls, and how long to wait.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 300, maxDelayMs: 10_000 };

/**
 * - `rejected`: the service refused the call before processing it (throttling, overload): safe to retry any call.
 * - `not-sent`: the request never left (connection refused, connect timeout): safe to retry any call.
 * - `uncertain`: sent, then a 5xx, a dropped connection, a timeout or an unreadable body: the call may have taken effect.
 * - `final`: a client error that retrying cannot fix.
 */
export type FailureClass = 'rejected' | 'not-sent' | 'uncertain' | 'final';

const REJECTED_CODES = new Set(['Throttling', 'Throttling.User', 'Throttling.Api', 'ServiceUnavailable']);

export function classifyServiceError(status: number, code: string | undefined): FailureClass {
  if (code && (REJECTED_CODES.has(code) || code.startsWith('Throttling.'))) return 'rejected';
  if (status === 429) return 'rejected';
  if (status >= 500) return 'uncertain';
  return 'final';
}

/** A read may be retried after any transient failure; a call that changes state only when it surely did not run. */
export function mayRetry(failure: FailureClass, changesState: boolean): boolean {
  if (failure === 'final') return false;
  if (failure === 'uncertain') return !changesState;
  return true;
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. */
export function backoffDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/** `Retry-After` / `x-acs-retry-after`: delta seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - nowMs);
}
