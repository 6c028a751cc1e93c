// Pure retry decisions: which failures may be retried for which calls, and how long to wait.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

/** Server errors and lost connections: a few quick retries with full jitter. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 300, maxDelayMs: 10_000 };

/**
 * Throttling: the account's per-API limit (10 QPS for the list calls) is shared by every job running at once, so
 * retries must spread over seconds, not milliseconds, yet never leave the limit idle while callers wait. Waits are
 * in [c/2, c], c = min(2 s, 1 s·2^(n−1)): the lower bound keeps a retry out of the second that refused it, the
 * 2 s ceiling keeps 15 waiting callers enough to use all 10 calls a second (an 8 s ceiling left it idle: 1.6x the
 * rate-limit floor for 100 runs, 1.2x with 2 s; `npm run bench -- parallel`). A refused call is not processed, so
 * retrying it costs nothing; 30 attempts cover about 45 s, and the run's deadline bounds them all.
 */
export const THROTTLING_RETRY_POLICY: RetryPolicy = { maxAttempts: 30, baseDelayMs: 1000, maxDelayMs: 2000 };

/**
 * - `throttled`: the service refused the call before processing it because of a rate limit: safe to retry any call.
 * - `rejected`: the service says it refused the call (503 ServiceUnavailable, overload): a read is retried, but a call
 *   that changes state is not, since a 503 may come from a gateway after the call ran (docs/faults.md): only a
 *   throttling refusal is known not to have been processed.
 * - `not-sent`: the request never left (connection refused, connect timeout): safe to retry any call.
 * - `uncertain`: sent, then a 5xx, a dropped connection, a timeout or an unreadable body: the call may have taken effect.
 * - `final`: a client error that retrying cannot fix.
 */
export type FailureClass = 'throttled' | 'rejected' | 'not-sent' | 'uncertain' | 'final';

export function classifyServiceError(status: number, code: string | undefined): FailureClass {
  if (code === 'Throttling' || code?.startsWith('Throttling.') || status === 429) return 'throttled';
  if (code === 'ServiceUnavailable') return 'rejected';
  if (status >= 500) return 'uncertain';
  return 'final';
}

/** A read may be retried after any transient failure; a call that changes state only when it surely did not run. */
export function mayRetry(failure: FailureClass, changesState: boolean): boolean {
  if (failure === 'final') return false;
  if (failure === 'uncertain' || failure === 'rejected') return !changesState;
  return true;
}

/** Whether a failed state-changing call may have taken effect: then it is reconciled, never resent blindly. */
export function outcomeUnknownAfter(failure: FailureClass, changesState: boolean): boolean {
  return changesState && (failure === 'uncertain' || failure === 'rejected');
}

/** The policy for a failure: throttling has its own, slower one. */
export function policyFor(
  failure: FailureClass,
  policies: { default: RetryPolicy; throttling: RetryPolicy },
): RetryPolicy {
  return failure === 'throttled' ? policies.throttling : policies.default;
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base * 2^(attempt-1))]. */
export function backoffDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  return Math.floor(random() * ceilingMs(attempt, policy));
}

/** Exponential backoff with equal jitter: uniform in [c/2, c], c = min(cap, base * 2^(attempt-1)). */
export function throttlingDelayMs(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const ceiling = ceilingMs(attempt, policy);
  return Math.floor(ceiling / 2 + random() * (ceiling / 2));
}

function ceilingMs(attempt: number, policy: RetryPolicy): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * The wait before attempt `attempt + 1`, or undefined to give up: out of attempts, or the wait (the backoff, or a
 * longer `Retry-After`) would end past the deadline.
 */
export function nextRetryDelayMs(options: {
  failure: FailureClass;
  attempt: number;
  policy: RetryPolicy;
  retryAfterMs?: number | undefined;
  nowMs: number;
  deadline?: number | undefined;
  random?: () => number;
}): number | undefined {
  const { failure, attempt, policy, retryAfterMs, nowMs, deadline, random } = options;
  if (attempt >= policy.maxAttempts) return undefined;
  const backoff =
    failure === 'throttled'
      ? throttlingDelayMs(attempt, policy, random)
      : backoffDelayMs(attempt, policy, random);
  const waitMs = Math.max(retryAfterMs ?? 0, backoff);
  if (deadline !== undefined && nowMs + waitMs > deadline) return undefined;
  return waitMs;
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

/**
 * Calls a second the service documents per account for an action (docs/faults.md, "Pacing"): the client spaces
 * its own calls to stay within them, so a run alone on the account is never throttled. Unlisted actions are not
 * paced (their limits are 100 a second or more, beyond what one run sends).
 */
export const DOCUMENTED_CALLS_PER_SECOND: Readonly<Record<string, number>> = {
  ListUserCertificateOrder: 10,
  BatchSetCdnDomainServerCertificate: 10,
  SetCdnDomainSSLCertificate: 30,
};

/** Slack on the one-second window: a call's arrival at the service lags its start here by a varying delay. */
const PACING_WINDOW_MS = 1100;

/** Spaces the calls of each paced action: at most its documented count starts in any window. */
export class CallPacer {
  private readonly starts = new Map<string, number[]>();

  constructor(private readonly limits: Readonly<Record<string, number>> = DOCUMENTED_CALLS_PER_SECOND) {}

  /** How long to wait before starting a call of `action` now; the start is booked at now plus that wait. */
  delayFor(action: string, nowMs: number): number {
    const limit = this.limits[action];
    if (limit === undefined) return 0;
    const booked = (this.starts.get(action) ?? []).filter((at) => at > nowMs - PACING_WINDOW_MS);
    // The limit-th start back frees a place one window after it.
    const blocking = booked.length >= limit ? booked[booked.length - limit] : undefined;
    const startAt = blocking === undefined ? nowMs : Math.max(nowMs, blocking + PACING_WINDOW_MS);
    booked.push(startAt);
    this.starts.set(
      action,
      booked.sort((a, b) => a - b),
    );
    return startAt - nowMs;
  }
}
