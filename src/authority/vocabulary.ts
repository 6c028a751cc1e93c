// The low vocabulary of certificate orders that config, services, authorities and flows share. Pure types and the
// order list's statuses; the "about to expire" status is spelled WILLEXPRIED in the 2020-04-07 reference and
// WILLEXPIRED by the SDK and newer pages: both are read as one (docs/vendor-facts.md).

export type OrderState = 'domain_verify' | 'process' | 'verify_fail' | 'certificate' | 'payed' | 'unknow';

export type ValidationMethod = 'DNS' | 'FILE';

export type CreateOperation =
  | 'CreateCertificateForPackageRequest'
  | 'CreateCertificateRequest'
  | 'CreateCertificateWithCsrRequest';

export interface DnsChallenge {
  method: 'DNS';
  /** As the service gives it: relative (`_dnsauth`) or a full name. */
  recordDomain: string;
  recordType: string;
  recordValue: string;
  /** The V2.0 instance API may ask for a CNAME (its documented form); the order APIs ask for TXT only. */
  cnameAllowed?: boolean;
  /** An ACME DNS-01 challenge (src/sources/acme/): its record is `_acme-challenge`, never the CAS label. */
  acme?: true;
}

export interface FileChallenge {
  method: 'FILE';
  domain: string;
  uri: string;
  content: string;
  /** An ACME HTTP-01 challenge: its file is in `/.well-known/acme-challenge/`, never the CAS folder. */
  acme?: true;
}

export type Challenge = DnsChallenge | FileChallenge;

export interface OrderStatus {
  orderId: string;
  state: OrderState;
  challenge?: Challenge;
  /** Leaf then chain, PEM, when issued. */
  certificate?: string;
  privateKey?: string;
  certId?: string;
}

export interface PackageState {
  productCode: string;
  total: number;
  used: number;
  issued: number;
}

export interface Contact {
  name?: string;
  phone?: string;
  email?: string;
  companyName?: string;
}

export interface CreateOrderInput {
  operation: CreateOperation;
  productCode?: string;
  domains: string[];
  csr?: string;
  validationMethod: ValidationMethod;
  contact: Contact;
}

/** The service's list view of an order, in the list's vocabulary (authority/list-status.ts). */
export interface OrderSummary {
  orderId: string;
  domains: string[];
  status: ListStatus;
  productCode?: string;
  instanceId?: string;
  certStartTime?: Date;
  certEndTime?: Date;
  buyDate?: Date;
}

export interface ListOrdersQuery {
  keyword?: string;
  status?: string;
}

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

/** A free product (`digicert-free-1-free`): it cannot be renewed in place. */
export function isFreeProduct(productCode: string | undefined): boolean {
  return productCode !== undefined && /(^|-)free(-|$)/i.test(productCode);
}
