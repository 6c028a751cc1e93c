// What a flow hands back: the low vocabulary of results that the flows produce and delivery reads.

import type { Challenge, OrderSummary, PackageState } from '../authority/vocabulary.js';
import type { FleetPlan } from '../fleet/decide.js';
import type { CheckedCertificate } from './certificate.js';

export type FlowStatus =
  | 'issued'
  | 'unchanged'
  | 'pending'
  | 'renewed'
  | 'cancelled'
  | 'revoked'
  | 'active'
  | 'uploaded'
  | 'downloaded'
  | 'deleted'
  | 'listed'
  | 'deployed'
  | 'planned';

/** One certificate held at the service, as `list` reports it (the output `certificates`). */
export interface ListedCertificate {
  id: string;
  name: string;
  domains: string[];
  notAfter?: Date;
  /** The day the service gave without a time: what is reported instead of notAfter's instant. */
  notAfterDay?: string;
  source: 'issued' | 'uploaded';
}

/** One domain of a deployment (src/deploy/rollout.ts): what it served before, what after, and since when. */
export interface DomainDeployment {
  /** `CDN`, `DCDN`. */
  target: string;
  /** Its registry key (`cdn`, `alb`), as a `deploy` line names it. */
  key: string;
  /** The region the resource is in; none for a global product (CDN). */
  region?: string;
  /** As given in the input. */
  domain: string;
  before?: string;
  after?: string;
  servedAt?: Date;
  outcome: 'deployed' | 'already-served' | 'failed' | 'timed-out';
  /** Extension certificates the new one superseded (or that expired), detached from the resource. */
  detached?: string[];
  /** Why it failed, one sentence. */
  problem?: string;
}

/** One `verify-url`: whether clients got the new certificate there, and since when (src/deploy/served-check.ts). */
export interface ServedUrl {
  url: string;
  outcome: 'served' | 'not-served';
  servedAt?: Date;
  /** What the endpoint served last, when it was not the new certificate. */
  seen?: string;
  problem?: string;
}

export interface DeploymentReport {
  certId: string;
  domains: DomainDeployment[];
  /** Certificates deleted as superseded (`delete-superseded`). */
  superseded: string[];
  /** The `verify-url` handshakes, in the order given. */
  verified: ServedUrl[];
  /** Something was set or deleted. */
  changed: boolean;
}

export interface TimelineEntry {
  at: Date;
  state: string;
}

/** One instance of a `status` report. */
export interface ListedInstance {
  instanceId: string;
  status: string;
  domains: string[];
  notAfter?: Date;
}

/** What a CDN domain serves (`status` with cdn-domain). */
export interface CdnReading {
  domain: string;
  notAfter?: Date;
  certName?: string;
  status?: string;
}

/** What a mode that reads the account reports beyond one certificate: one kind per mode, only its own fields. */
export type ModeReport =
  | {
      kind: 'status';
      /** Orders from the order list that the report concerns. */
      orders?: OrderSummary[];
      /** Instances, when the instance API answers. */
      instances?: ListedInstance[];
      cdn?: CdnReading;
    }
  | {
      kind: 'list';
      /** Certificates held at the service, soonest expiry first. */
      certificates: ListedCertificate[];
      /** A certificate is marked due with this many days or fewer left. */
      renewBeforeDays: number;
    }
  | { kind: 'plan'; plan: FleetPlan };

export type StatusReport = Extract<ModeReport, { kind: 'status' }>;

export interface FlowResult {
  status: FlowStatus;
  orderId?: string;
  /** The V2.0 or 2018 DV instance used (docs/certificate-apis.md). */
  instanceId?: string;
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
  /** Where the certificate was deployed (`cdn-domains`, `dcdn-domains`). */
  deployment?: DeploymentReport;
  /** `status`, `list`, `plan`: what the mode reports beyond one certificate. */
  report?: ModeReport;
  /** Overrides what the status says about `changed`: a delete that removed a certificate (docs/deploy.md). */
  changed?: boolean;
  /** Fails the step once everything is delivered (outputs, summary, alerts): a plan with invalid entries. */
  failsStep?: string;
}

/** What a failed run leaves behind: a result without a status. */
export type LeftBehind = Omit<FlowResult, 'status'>;

export function emptyResult(status: FlowStatus, orderId?: string): FlowResult {
  return { status, orderId, timeline: [], details: [] };
}

/** The result's report when it is of this kind. */
export function reportOf<K extends ModeReport['kind']>(
  result: Pick<FlowResult, 'report'>,
  kind: K,
): Extract<ModeReport, { kind: K }> | undefined {
  return result.report?.kind === kind ? (result.report as Extract<ModeReport, { kind: K }>) : undefined;
}

/** The `status` report of a result, started on first use (the sources and the mode each add their part). */
export function statusReport(result: FlowResult): StatusReport {
  const report = reportOf(result, 'status') ?? { kind: 'status' };
  result.report = report;
  return report;
}
