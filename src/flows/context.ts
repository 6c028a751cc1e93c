// What every flow is given: the services, a logger, a clock and hooks. Flows never touch @actions/core,
// so they run the same in the action, the tests and the demo.
import type { CheckedCertificate } from '../certificate.js';
import type { Config } from '../config.js';
import type { CdnService } from '../services/cdn.js';
import type {
  CertificateAuthorityService,
  Challenge,
  OrderSummary,
  PackageState,
} from '../services/certificate-authority.js';
import type { DnsService } from '../services/dns.js';
import type { ValidationStrategy } from '../validation/strategy.js';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  notice(message: string): void;
  warning(message: string): void;
}

/** Where an in-flight order is remembered between runs (the Actions cache when it is there). */
export interface ResumeStore {
  load(domains: string[]): Promise<string | undefined>;
  save(domains: string[], orderId: string): Promise<void>;
}

export interface FlowContext {
  config: Config;
  cas: CertificateAuthorityService;
  dns: DnsService;
  cdn: CdnService;
  log: Logger;
  resume: ResumeStore;
  /** Builds the validation strategy the config asks for, for one order. */
  validation(orderId: string): ValidationStrategy;
  /** Registers a secret with the runner before anything else can print it. */
  maskSecret(value: string): void;
  /** Told the moment an order exists, so the runner can set `order-id` before anything else can fail. */
  onOrderKnown(orderId: string): void;
  now(): Date;
  sleep(ms: number): Promise<void>;
}

export type FlowStatus = 'issued' | 'unchanged' | 'pending' | 'renewed' | 'cancelled' | 'revoked' | 'active';

export interface TimelineEntry {
  at: Date;
  state: string;
}

export interface FlowResult {
  status: FlowStatus;
  orderId?: string;
  certId?: string;
  certificate?: CheckedCertificate;
  /** Validation the service still asks for (pending orders). */
  challenge?: Challenge;
  /** The full DNS names of the validation records (pending orders). */
  recordNames?: string[];
  /** The order's state when the run ended without a certificate. */
  state?: string;
  quota?: PackageState;
  timeline: TimelineEntry[];
  /** Extra lines for the job summary, already free of secrets. */
  details: Array<[string, string]>;
  cdn?: { domain: string; notAfter?: Date; certName?: string; status?: string };
  /** Orders from the order list that the report concerns (`status` mode). */
  orders?: OrderSummary[];
}

/**
 * A failure the user can act on: one sentence naming the order or operation and what to do next. `result` holds
 * what the run leaves behind (the order, its state, the validation still to do) for the outputs and the summary.
 */
export class FlowError extends Error {
  override readonly name = 'FlowError';
  constructor(
    message: string,
    readonly result?: LeftBehind,
  ) {
    super(message);
  }
}

/** What a failed run leaves behind: a result without a status. */
export type LeftBehind = Omit<FlowResult, 'status'>;

export function emptyResult(status: FlowStatus, orderId?: string): FlowResult {
  return { status, orderId, timeline: [], details: [] };
}
