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
  source: 'issued' | 'uploaded';
}

/** One domain of a deployment (src/deploy/rollout.ts): what it served before, what after, and since when. */
export interface DomainDeployment {
  /** `CDN`, `DCDN`. */
  target: string;
  /** As given in the input. */
  domain: string;
  before?: string;
  after?: string;
  servedAt?: Date;
  outcome: 'deployed' | 'already-served' | 'failed' | 'timed-out';
  /** Why it failed, one sentence. */
  problem?: string;
}

export interface DeploymentReport {
  certId: string;
  domains: DomainDeployment[];
  /** Certificates deleted as superseded (`delete-superseded`). */
  superseded: string[];
  /** Something was set or deleted. */
  changed: boolean;
}

export interface TimelineEntry {
  at: Date;
  state: string;
}

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
  cdn?: { domain: string; notAfter?: Date; certName?: string; status?: string };
  /** Where the certificate was deployed (`cdn-domains`, `dcdn-domains`). */
  deployment?: DeploymentReport;
  /** Orders from the order list that the report concerns (`status` mode). */
  orders?: OrderSummary[];
  /** Certificates held at the service (`list` mode), soonest expiry first. */
  certificates?: ListedCertificate[];
  /** `list`: a certificate is marked due with this many days or fewer left. */
  renewBeforeDays?: number;
  /** Instances the report concerns (`status` mode, when the instance API answers). */
  instances?: Array<{ instanceId: string; status: string; domains: string[]; notAfter?: Date }>;
  /** `plan` mode: every entry's decision and the renewal matrix. */
  plan?: FleetPlan;
}

/** What a failed run leaves behind: a result without a status. */
export type LeftBehind = Omit<FlowResult, 'status'>;

export function emptyResult(status: FlowStatus, orderId?: string): FlowResult {
  return { status, orderId, timeline: [], details: [] };
}
