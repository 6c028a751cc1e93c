// What every flow is given: the services, a logger, a clock and hooks. Flows never touch @actions/core,
// so they run the same in the action, the tests and the demo.
import type { Authorities } from '../authority/port.js';
import type { Config } from '../config/config.js';
import type { BackoffRecord } from '../core/backoff.js';
import type { Logger } from '../core/log.js';
import type { DeployServices } from '../deploy/target.js';
import type { HeldCertificateStore } from '../held/port.js';
import type { CdnService } from '../services/cdn.js';
import type { DnsService } from '../services/dns.js';
import type { ValidationSettings } from '../validation/index.js';
import type { ValidationStrategy } from '../validation/strategy.js';

/** Where an in-flight order is remembered between runs (the Actions cache when it is there). */
export interface ResumeStore {
  load(domains: string[]): Promise<string | undefined>;
  save(domains: string[], orderId: string): Promise<void>;
  /** The back-off after failed reviews (core/backoff.ts), kept beside the order; absent: none kept. */
  loadBackoff?(domains: string[]): Promise<BackoffRecord | undefined>;
  /** Saves it (undefined clears it, after an issued order); false when there is nowhere to keep it. */
  saveBackoff?(domains: string[], record: BackoffRecord | undefined): Promise<boolean>;
}

export interface FlowContext {
  config: Config;
  /** The clients of the certificate APIs that the sources (src/sources/) drive; private keys in answers masked already. */
  authorities: Authorities;
  dns: DnsService;
  cdn: CdnService;
  /** Certificates held at the service (upload, download, list, delete); private keys in answers masked already. */
  held: () => Promise<HeldCertificateStore>;
  /** The deploy targets of the listed resources (deploy, and delete's check), loaded on first use. */
  deploy: DeployServices;
  /** Registers a secret (a private key read from a file) with the runner before anything can print it. */
  maskSecret(secret: string): void;
  log: Logger;
  resume: ResumeStore;
  /** Builds the validation strategy the config asks for, for one order. */
  validation(orderId: string): Promise<ValidationStrategy>;
  /** What validation reads of the config (config/validation-settings.ts): `cancel` removes records by it. */
  validationSettings: ValidationSettings;
  /** Told the moment an order exists, so the runner can set `order-id` before anything else can fail. */
  onOrderKnown(orderId: string): void;
  /** Told when the certificate held for these names is due, so that a failed renewal's alert gives its expiry. */
  onDueCertificate?(notAfter: Date): void;
  now(): Date;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1): the jitter of polling (Math.random when absent; tests fix it). */
  random?: () => number;
}
