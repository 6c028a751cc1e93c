// Fault injection, Pebble style: queued per action (or '*'), each consumed by the calls it hits.
import { ApiError } from './errors.js';

export const FAULT_KINDS = [
  'throttle',
  'unavailable',
  'internal',
  'drop-before',
  'drop-after',
  'malformed',
  'malformed-before',
  'truncated',
  'delay',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  /** Action name, or '*' (default) for any action. */
  action?: string;
  kind: FaultKind;
  /** How many calls it hits; default 1; Infinity (or -1 over the admin API) for every call. */
  times?: number;
  /** Seconds (number) or an HTTP date (string), sent in `retryAfterHeader`. */
  retryAfter?: number | string;
  retryAfterHeader?: 'Retry-After' | 'x-acs-retry-after';
  /** For `delay` (required) and as an extra wait before any other kind. */
  delayMs?: number;
  /** Overrides the error code, e.g. 'Throttling' or 'Throttling.Api' for `throttle`. */
  code?: string;
  /** Overrides the HTTP status of error kinds. */
  status?: number;
  message?: string;
  /** Error kinds: the message repeats the request's query string (some gateways do), signature and all. */
  echoRequest?: boolean;
}

/** When the fault acts relative to the real processing of the call. */
export type FaultPhase = 'before' | 'after';

export function faultPhase(kind: FaultKind): FaultPhase {
  return kind === 'drop-after' || kind === 'malformed' || kind === 'truncated' || kind === 'delay'
    ? 'after'
    : 'before';
}

const ERROR_DEFAULTS: Partial<Record<FaultKind, { status: number; code: string; message: string }>> = {
  throttle: { status: 400, code: 'Throttling.User', message: 'Request was denied due to user flow control.' },
  unavailable: {
    status: 503,
    code: 'ServiceUnavailable',
    message: 'The request has failed due to a temporary failure of the server.',
  },
  internal: {
    status: 500,
    code: 'InternalError',
    message: 'The request processing has failed due to some unknown error, exception or failure.',
  },
};

/** The error a fault of an error kind answers with, or undefined for other kinds. */
export function faultError(fault: FaultSpec, rawQuery = ''): ApiError | undefined {
  const defaults = ERROR_DEFAULTS[fault.kind];
  if (!defaults) return undefined;
  const headers: Record<string, string> = {};
  if (fault.retryAfter !== undefined)
    headers[fault.retryAfterHeader ?? 'Retry-After'] = String(fault.retryAfter);
  return new ApiError(
    fault.status ?? defaults.status,
    fault.code ?? defaults.code,
    `${fault.message ?? defaults.message}${fault.echoRequest ? ` The request was: ${rawQuery}` : ''}`,
    headers,
  );
}

export interface ChaosOptions {
  /** Every call waits a random 0..maxDelayMs before being answered. */
  maxDelayMs?: number;
  /**
   * The account's flow control: each action accepts at most `qps` calls in any 1 s window (refused calls do not
   * count) and answers the rest `Throttling.User`, without Retry-After, as the service does.
   */
  qps?: number;
  /** The actions `qps` applies to; default every action. */
  qpsActions?: string[];
}

interface QueuedFault {
  spec: FaultSpec;
  remaining: number;
}

export class Faults {
  private readonly queues = new Map<string, QueuedFault[]>();
  chaos: ChaosOptions = {};

  add(spec: FaultSpec): void {
    if (!(FAULT_KINDS as readonly string[]).includes(spec.kind))
      throw new Error(`Unknown fault kind: ${spec.kind}`);
    if (spec.kind === 'delay' && !(spec.delayMs !== undefined && spec.delayMs >= 0)) {
      throw new Error('A delay fault needs delayMs');
    }
    const times = spec.times === undefined ? 1 : spec.times < 0 ? Number.POSITIVE_INFINITY : spec.times;
    if (!(times >= 1)) throw new Error('times must be at least 1');
    const action = spec.action ?? '*';
    const queue = this.queues.get(action) ?? [];
    queue.push({ spec: { ...spec, action }, remaining: times });
    this.queues.set(action, queue);
  }

  private readonly accepted = new Map<string, number[]>();

  clear(): void {
    this.queues.clear();
    this.accepted.clear();
    this.chaos = {};
  }

  /** The flow-control refusal for a call arriving now, or undefined when it is within `chaos.qps`. */
  throttle(action: string | undefined, nowMs = Date.now()): FaultSpec | undefined {
    const { qps, qpsActions } = this.chaos;
    if (qps === undefined || action === undefined) return undefined;
    if (qpsActions && !qpsActions.includes(action)) return undefined;
    const recent = (this.accepted.get(action) ?? []).filter((at) => at > nowMs - 1000);
    this.accepted.set(action, recent);
    if (recent.length >= qps) return { action, kind: 'throttle' };
    recent.push(nowMs);
    return undefined;
  }

  /** Faults still waiting, in the order they will fire. */
  pending(): Array<FaultSpec & { remaining: number }> {
    return [...this.queues.values()].flat().map(({ spec, remaining }) => ({ ...spec, remaining }));
  }

  /** Consumes and returns the next fault for `action` (specific queue first, then '*'). */
  take(action: string | undefined): FaultSpec | undefined {
    for (const key of [action ?? '', '*']) {
      const queue = this.queues.get(key);
      const head = queue?.[0];
      if (!queue || !head) continue;
      head.remaining--;
      if (head.remaining <= 0) queue.shift();
      if (queue.length === 0) this.queues.delete(key);
      return head.spec;
    }
    return undefined;
  }

  /** Random extra latency from the chaos knob. */
  chaosDelayMs(): number {
    const max = this.chaos.maxDelayMs ?? 0;
    return max > 0 ? Math.floor(Math.random() * max) : 0;
  }
}
