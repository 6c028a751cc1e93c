// What a flow hands back: the low vocabulary of results that the flows produce and delivery reads.
import type { CheckedCertificate } from './certificate.js';
import type { FleetPlan } from './fleet/decide.js';
import type { Challenge, OrderSummary, PackageState } from './vocabulary.js';

export type FlowStatus =
  | 'issued'
  | 'unchanged'
  | 'pending'
  | 'renewed'
  | 'cancelled'
  | 'revoked'
  | 'active'
  | 'planned';

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
  /** `plan` mode: every entry's decision and the renewal matrix. */
  plan?: FleetPlan;
}

/** What a failed run leaves behind: a result without a status. */
export type LeftBehind = Omit<FlowResult, 'status'>;

export function emptyResult(status: FlowStatus, orderId?: string): FlowResult {
  return { status, orderId, timeline: [], details: [] };
}
