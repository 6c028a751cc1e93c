// The order list's vocabulary (ListUserCertificateOrder `Status`), read in one place. The "about to expire"
// status is spelled WILLEXPRIED in the 2020-04-07 reference and WILLEXPIRED by the SDK and newer pages: both are
// read as one (docs/vendor-facts.md).
import type { OrderSummary } from '../services/certificate-authority.js';

export const LIST_STATUSES = [
  'PAYED',
  'CHECKING',
  'CHECKED_FAIL',
  'ISSUED',
  'WILLEXPIRED',
  'EXPIRED',
  'NOTACTIVATED',
  'REVOKED',
] as const;
export type ListStatus = (typeof LIST_STATUSES)[number] | 'UNKNOWN';

const SPELLINGS: Record<string, ListStatus> = { WILLEXPRIED: 'WILLEXPIRED' };

export function parseListStatus(raw: string | undefined): ListStatus {
  const upper = (raw ?? '').trim().toUpperCase();
  const known = SPELLINGS[upper] ?? upper;
  return (LIST_STATUSES as readonly string[]).includes(known) ? (known as ListStatus) : 'UNKNOWN';
}

/** Issued and still valid: about to expire counts. */
export const isIssued = (status: ListStatus): boolean => status === 'ISSUED' || status === 'WILLEXPIRED';

/** Waiting for validation or the CA. */
export const isInFlight = (status: ListStatus): boolean => status === 'CHECKING';

/** The issued order that lasts longest. */
export function latestIssued<T extends Pick<OrderSummary, 'status' | 'certEndTime'>>(
  orders: T[],
): T | undefined {
  return orders
    .filter((o) => isIssued(o.status))
    .sort((a, b) => (b.certEndTime?.getTime() ?? 0) - (a.certEndTime?.getTime() ?? 0))[0];
}
