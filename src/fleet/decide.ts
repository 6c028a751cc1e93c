// Pure: what each entry of a fleet needs, decided in one pass over what the account holds (given as plain data, so
// orders, instances and certificates held at the service can all be fed in), then the matrix for the renewal jobs.
// The rules are the ones `mode: issue` applies to one certificate (src/sources/order/order-issue.ts): an issued
// certificate with more days left than the renewal window is kept; else an order in flight is resumed; else a new
// one is due.
import { daysRemaining, renewalWindowDays } from '../core/certificate.js';
import { sameDomainSet } from '../core/domains.js';
import { dayCount } from '../core/time.js';
import type { FleetEntry, InvalidEntry, ParsedEntries } from './entries.js';

/** GitHub runs at most this many jobs from one matrix (docs/fleet.md). */
export const MAX_MATRIX_JOBS = 256;

/** One certificate, order or instance the account holds, in the planner's own terms. */
export interface HeldCertificate {
  /** Which list it came from: `order` (ListUserCertificateOrder), `instance` (ListInstances), `certificate`. */
  source: string;
  /** Its id in that list (order id, instance id, certificate id). */
  id: string;
  domains: string[];
  /** `valid`: issued, not expired; `expired`; `in-flight`: waiting for validation or the CA; `other`: neither. */
  state: 'valid' | 'expired' | 'in-flight' | 'other';
  notBefore?: Date;
  notAfter?: Date;
  /** The day the service gave without a time: what is reported instead of notAfter's instant. */
  notAfterDay?: string;
  productCode?: string;
}

export type Decision = 'due' | 'in-flight' | 'ok' | 'invalid';

export interface PlannedEntry {
  name: string;
  decision: Decision;
  reason: string;
  domains: string[];
  /** The certificate the decision rests on (the one that lasts longest), when there is one. */
  current?: HeldCertificate;
  daysLeft?: number;
  /** The in-flight order or instance a renewal job will resume. */
  inFlight?: HeldCertificate;
  entry?: FleetEntry;
}

export interface FleetPlan {
  /** Every entry, fewest days left first (invalid ones, then those with no certificate, lead). */
  entries: PlannedEntry[];
  /** `{"include": [...]}` for `strategy.matrix`: the entries due or in flight, or batches of them past 256. */
  matrix: { include: Array<Record<string, unknown>> };
  /** Entries due or in flight (not batches). */
  dueCount: number;
  /** Certificates per matrix job: 1 up to 256 entries, more past that. */
  batchSize: number;
}

export function planFleet(parsed: ParsedEntries, held: HeldCertificate[], now: Date): FleetPlan {
  const planned = [
    ...parsed.invalid.map(invalidEntry),
    ...parsed.entries.map((entry) => decideEntry(entry, held, now)),
  ].sort(byDaysLeft);
  const selected = planned.filter((p) => p.decision === 'due' || p.decision === 'in-flight');
  const jobs = selected.map(matrixEntry);
  const batchSize = Math.max(1, Math.ceil(jobs.length / MAX_MATRIX_JOBS));
  const include = batchSize === 1 ? jobs : batches(jobs, batchSize);
  return { entries: planned, matrix: { include }, dueCount: selected.length, batchSize };
}

export function decideEntry(entry: FleetEntry, held: HeldCertificate[], now: Date): PlannedEntry {
  const mine = held.filter(
    (h) =>
      sameDomainSet(h.domains, entry.domains) &&
      // As listOrdersForDomains: a product named on both sides must agree.
      (!entry.productCode || !h.productCode || h.productCode === entry.productCode),
  );
  const base = { name: entry.name, domains: entry.domains, entry };
  const current = mine
    .filter((h) => (h.state === 'valid' || h.state === 'expired') && h.notAfter)
    .sort((a, b) => (b.notAfter?.getTime() ?? 0) - (a.notAfter?.getTime() ?? 0))[0];
  const inFlight = mine.find((h) => h.state === 'in-flight');
  const daysLeft = current?.notAfter ? daysRemaining(current.notAfter, now) : undefined;
  if (current?.notAfter && daysLeft !== undefined) {
    const window = current.notBefore
      ? renewalWindowDays(entry.renewBeforeDays, { notBefore: current.notBefore, notAfter: current.notAfter })
          .days
      : entry.renewBeforeDays;
    if (daysLeft > window) {
      return {
        ...base,
        decision: 'ok',
        reason: `${dayCount(daysLeft)} left (renews within ${window}), ${current.source} ${current.id}`,
        current,
        daysLeft,
      };
    }
    const expiry = daysLeft < 0 ? `expired ${dayCount(-daysLeft)} ago` : `${dayCount(daysLeft)} left`;
    if (inFlight) {
      return {
        ...base,
        decision: 'in-flight',
        reason: `${expiry}; ${inFlight.source} ${inFlight.id} is in flight: resume it`,
        current,
        daysLeft,
        inFlight,
      };
    }
    return {
      ...base,
      decision: 'due',
      reason: `${expiry} (renews within ${window}), ${current.source} ${current.id}`,
      current,
      daysLeft,
    };
  }
  if (inFlight) {
    return {
      ...base,
      decision: 'in-flight',
      reason: `no certificate yet; ${inFlight.source} ${inFlight.id} is in flight: resume it`,
      inFlight,
    };
  }
  return { ...base, decision: 'due', reason: 'no certificate for exactly these domains yet' };
}

function invalidEntry(bad: InvalidEntry): PlannedEntry {
  return { name: bad.name, decision: 'invalid', reason: bad.reason, domains: [] };
}

/** Invalid first (they need a person), then no certificate, then fewest days left; by name within a tie. */
function byDaysLeft(a: PlannedEntry, b: PlannedEntry): number {
  const rank = (p: PlannedEntry) =>
    p.decision === 'invalid' ? -Infinity : (p.daysLeft ?? Number.MIN_SAFE_INTEGER);
  const diff = rank(a) - rank(b);
  if (diff !== 0 && !Number.isNaN(diff)) return diff;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** The entry as given, plus what the plan found, for the renewal job (`matrix.name`, `matrix.domains`, …). */
function matrixEntry(p: PlannedEntry): Record<string, unknown> {
  const fields: Record<string, unknown> = { ...(p.entry?.fields ?? {}), name: p.name };
  fields.plan = p.decision;
  if (p.inFlight?.source === 'order') fields['order-id'] = p.inFlight.id;
  if (p.inFlight?.source === 'instance') fields['instance-id'] = p.inFlight.id;
  return fields;
}

/** Past 256 jobs: `batch-001` … each with its certificates, renewed one after the other by one job. */
function batches(jobs: Array<Record<string, unknown>>, size: number): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  const width = String(Math.ceil(jobs.length / size)).length;
  for (let start = 0; start < jobs.length; start += size) {
    const number = out.length + 1;
    out.push({
      name: `batch-${String(number).padStart(width, '0')}`,
      batch: number,
      certificates: jobs.slice(start, start + size),
    });
  }
  return out;
}
