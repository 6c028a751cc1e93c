// Chaos mode, Pebble's lesson: a service that misbehaves on purpose, within what the real one does, so that a
// client which passes the whole suite under it survives the real service. Seeded: the same seed draws the same
// sequence of choices (the order of calls from concurrent runs may still differ), and the seed is printed so a
// failure can be replayed: EMULATOR_CHAOS_SEED=<seed> npx vitest run test/e2e.
import type { FaultSpec } from './faults.js';

/** mulberry32: a small, fast, seeded PRNG (uniform in [0, 1)). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export interface ChaosRates {
  /** Any call: refused `Throttling.User` (400), with Retry-After as seconds, an HTTP date, or none. */
  throttle: number;
  /** Reads: 503 ServiceUnavailable / 500 InternalError before processing. */
  serverError: number;
  /** Reads: the connection reset before processing. */
  reset: number;
  /** Creates: 503 before processing (the client cannot tell; it must reconcile before sending again). */
  createRefused: number;
  /** Creates: processed, then the connection reset (the order exists, its answer is lost). */
  createAnswerLost: number;
  /** DescribeCertificateState of an order in flight: answered `Type: unknow` for a moment. */
  unknownState: number;
}

export const DEFAULT_CHAOS_RATES: ChaosRates = {
  throttle: 0.04,
  serverError: 0.03,
  reset: 0.02,
  createRefused: 0.1,
  createAnswerLost: 0.1,
  unknownState: 0.05,
};

export interface ChaosSettings {
  seed: number;
  rates?: Partial<ChaosRates>;
  /** New orders stay out of ListUserCertificateOrder this long (the list lags behind a create). */
  listLagMs?: number;
  /** Extra time in `process`, drawn per order in [0, this). */
  maxExtraProcessMs?: number;
  /** Forced ListUserCertificateOrder page size, drawn in [1, this]. */
  maxPageSize?: number;
}

const READ = /^(Describe|List|Get)/;
const CREATE = /^(Create|Renew)/;

export class Chaos {
  readonly random: () => number;
  readonly rates: ChaosRates;
  readonly listLagMs: number;
  readonly pageSize: number;
  private readonly maxExtraProcessMs: number;
  /**
   * A create right after a faulted one is left alone: the client may send a create once more after proving the
   * first did not happen, and chaos stays within what a correct client survives (Pebble's chaos is bounded too).
   */
  private lastCreateFaulted = false;
  /** How many faults of each kind were injected (for the summary line of a chaos run). */
  readonly injected: Record<string, number> = {};

  constructor(readonly settings: ChaosSettings) {
    this.random = seededRandom(settings.seed);
    this.rates = { ...DEFAULT_CHAOS_RATES, ...settings.rates };
    this.listLagMs = settings.listLagMs ?? 300;
    this.maxExtraProcessMs = settings.maxExtraProcessMs ?? 400;
    this.pageSize = 1 + Math.floor(this.random() * (settings.maxPageSize ?? 3));
  }

  private chance(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }

  private count(kind: string): void {
    this.injected[kind] = (this.injected[kind] ?? 0) + 1;
  }

  /** The fault for one call, or undefined. State-changing calls other than creates are only ever throttled. */
  pick(action: string | undefined, nowMs = Date.now()): FaultSpec | undefined {
    if (!action || action === 'AssumeRoleWithOIDC') return undefined;
    if (this.chance(this.rates.throttle)) {
      this.count('throttle');
      const style = this.random();
      if (style < 0.4) return { action, kind: 'throttle', retryAfter: Math.floor(this.random() * 2) };
      if (style < 0.7) return { action, kind: 'throttle', retryAfter: new Date(nowMs + 1000).toUTCString() };
      return { action, kind: 'throttle' };
    }
    if (READ.test(action)) {
      if (this.chance(this.rates.serverError)) {
        this.count('server-error');
        return { action, kind: this.random() < 0.5 ? 'unavailable' : 'internal' };
      }
      if (this.chance(this.rates.reset)) {
        this.count('reset');
        return { action, kind: 'drop-before' };
      }
      return undefined;
    }
    if (CREATE.test(action)) {
      const spared = this.lastCreateFaulted;
      this.lastCreateFaulted = false;
      if (spared) return undefined;
      if (this.chance(this.rates.createRefused)) {
        this.count('create-refused');
        this.lastCreateFaulted = true;
        return { action, kind: 'unavailable' };
      }
      if (this.chance(this.rates.createAnswerLost)) {
        this.count('create-answer-lost');
        this.lastCreateFaulted = true;
        return { action, kind: 'drop-after' };
      }
    }
    return undefined;
  }

  /** A test's own fault hit this call: a create after it is spared too (the client may send one more). */
  notePlannedFault(action: string | undefined): void {
    if (action && CREATE.test(action)) this.lastCreateFaulted = true;
  }

  /** Whether this read of an order in flight answers `unknow` for a moment. */
  transientUnknown(): boolean {
    const yes = this.chance(this.rates.unknownState);
    if (yes) this.count('unknown-state');
    return yes;
  }

  extraProcessMs(): number {
    return Math.floor(this.random() * this.maxExtraProcessMs);
  }
}

let emulatorsStarted = 0;

/**
 * Chaos from the environment: EMULATOR_CHAOS_SEED=<integer> turns it on for every emulator of the process,
 * each drawing from seed + its index (printed, for a replay).
 */
export function chaosFromEnvironment(env: NodeJS.ProcessEnv = process.env): Chaos | undefined {
  const raw = env.EMULATOR_CHAOS_SEED?.trim();
  if (!raw) return undefined;
  const base = Number(raw);
  if (!Number.isInteger(base)) throw new Error(`EMULATOR_CHAOS_SEED must be an integer (got '${raw}')`);
  const seed = base + emulatorsStarted++;
  console.log(
    `[emulator] chaos mode on: seed ${seed} (EMULATOR_CHAOS_SEED=${base}, emulator #${seed - base})`,
  );
  return new Chaos({ seed });
}
