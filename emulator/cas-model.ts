// Data model of CAS certificate orders, and the service's domain-name rules (at most 5, not mixed:
// docs/vendor-facts.md).
import { randomBytes } from 'node:crypto';
import { invalidParameter } from './errors.js';

/** DescribeCertificateState `Type` values, plus `revoked` (internal; shown as REVOKED in lists). */
export type OrderState = 'domain_verify' | 'process' | 'certificate' | 'verify_fail' | 'payed' | 'revoked';
export type ValidateType = 'DNS' | 'FILE';
export type CreateOperation =
  | 'CreateCertificateForPackageRequest'
  | 'CreateCertificateRequest'
  | 'CreateCertificateWithCsrRequest'
  | 'RenewCertificateOrderForPackageRequest'
  | 'seed';

export interface OrderCertificate {
  certificatePem: string;
  chainPem: string;
  /** PKCS#1 PEM; absent when the customer supplied a CSR. */
  privateKeyPem?: string;
  certId: string;
  notBefore: number;
  notAfter: number;
}

export interface Contact {
  username?: string;
  phone?: string;
  email?: string;
  companyName?: string;
}

export interface Order {
  orderId: bigint;
  instanceId: string;
  aliyunOrderId: bigint;
  productCode: string;
  /** CN first, then the other names; lower case; wildcards as `*.example.com`. */
  domains: string[];
  validateType: ValidateType;
  state: OrderState;
  createOperation: CreateOperation;
  contact: Contact;
  /** SPKI PEM of the customer's CSR, when one was given. */
  csrPublicKeyPem?: string;
  algorithm: 'RSA' | 'ECC';
  /** DNS: the TXT value; FILE: the file content. */
  validationToken: string;
  buyDate: number;
  processSince?: number;
  /** Made by a create or renew call (not seeded): the order list lags behind it (knob listLagMs). */
  createdByCall?: boolean;
  /** Chaos: more time in `process` than issuanceDelayMs, drawn for this order. */
  extraProcessMs?: number;
  certificate?: OrderCertificate;
  revokedAt?: number;
  renewedFrom?: bigint;
}

/** Behaviour switches; all can be changed while the emulator runs. */
export interface CasKnobs {
  /** Time an order spends in `process` before the CA decides. 0: the next read after validation issues. */
  issuanceDelayMs: number;
  /** Orders naming any of these domains end in `verify_fail` instead of `certificate`. */
  verifyFailDomains: string[];
  /** RecordDomain relative to the zone (`_dnsauth.www` for www.example.com; the default) or a full name. */
  recordDomainStyle: 'zone-relative' | 'full';
  /** An order stays in domain_verify at least this long after it is made, records or not (the CA checks later). */
  validationDelayMs: number;
  /** DigiCert's rule: `www.<base>` is validated by the record of `<base>`. */
  validateWwwAtBase: boolean;
  /** The service adds the validation TXT record itself when the zone is in this account (automatic DNS validation). */
  autoDnsRecord: boolean;
  /** The list status "about to expire": the reference's spelling or the SDK's (docs/vendor-facts.md). */
  willExpireSpelling: 'WILLEXPRIED' | 'WILLEXPIRED';
  /** Folder standing for the web server's document root, for FILE validation. Unset: FILE never validates. */
  webRoot?: string;
  /** Forces ListUserCertificateOrder pages to at most this many items. */
  maxPageSize?: number;
  /**
   * Certificate names: `loose` (any 63 characters but spaces; names such as `example.com_1700000000` are in use) or
   * `strict` (letters, digits and `_` only, as one reading of UploadUserCertificate's rule has it). Default loose.
   */
  certificateNameRule?: 'loose' | 'strict';
  /**
   * 2018 DescribeUserCertificateList page fields: as its JSON sample (`TotalCount`) or its XML one (`totalCount`),
   * docs/held-certificates.md.
   */
  certificateListSpelling?: 'json-sample' | 'xml-sample';
  /** OrderId in responses: JSON number (typed Long), string, or as the samples show it (docs/vendor-facts.md). */
  orderIdJson: 'number' | 'string' | 'as-documented';
  certificateValidityDays: number;
  /** Let generated certificates share recently used RSA keys (much faster; keys then repeat across orders). */
  recycleLeafKeys: boolean;
  /** Orders bought less than this long ago are not in ListUserCertificateOrder yet (the list lags). */
  listLagMs?: number;
}

export const FILE_VALIDATION_URI = '/.well-known/pki-validation/fileauth.txt';
export const DNS_VALIDATION_LABEL = '_dnsauth';
export const MAX_DOMAINS = 5;

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

export function isWildcard(domain: string): boolean {
  return domain.startsWith('*.');
}

export function withoutWildcard(domain: string): string {
  return domain.replace(/^\*\./, '');
}

export function isValidDomainName(domain: string): boolean {
  const base = withoutWildcard(domain);
  if (base.length > 253 || base.includes('*')) return false;
  const labels = base.split('.');
  if (labels.length < 2 || !labels.every((label) => LABEL.test(label))) return false;
  // The last label is a TLD: letters or punycode, never all digits (rules out IP addresses).
  return /^([a-z]{2,63}|xn--[a-z0-9-]+)$/.test(labels[labels.length - 1] ?? '');
}

/** Checks a set of names against the service's rules (docs/vendor-facts.md); `source` names the parameter. */
export function checkDomainNames(names: string[], source: 'Domain' | 'Csr'): string[] {
  const domains = names.map((name) => name.trim().toLowerCase());
  if (domains.length === 0 || domains.some((domain) => domain === '')) {
    throw invalidParameter(source, 'no domain name given');
  }
  for (const domain of domains) {
    if (!isValidDomainName(domain)) throw invalidParameter(source, `"${domain}" is not a valid domain name`);
  }
  if (new Set(domains).size !== domains.length) throw invalidParameter(source, 'a domain name is repeated');
  if (domains.length > MAX_DOMAINS)
    throw invalidParameter(source, `at most ${MAX_DOMAINS} domain names are allowed`);
  const wildcards = domains.filter(isWildcard).length;
  if (wildcards !== 0 && wildcards !== domains.length) {
    throw invalidParameter(source, 'domain names must be all plain or all wildcard, not mixed');
  }
  return domains;
}

/** Splits the comma-separated `Domain` parameter. */
export function parseDomainParameter(text: string): string[] {
  return checkDomainNames(text.split(','), 'Domain');
}

const TOKEN_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';

function randomToken(length: number): string {
  const bytes = randomBytes(length);
  return [...bytes].map((byte) => TOKEN_ALPHABET[byte % TOKEN_ALPHABET.length]).join('');
}

/** Validation token shaped like the docs' sample: date, sequence digits, random lower-case tail (64 chars). */
export function newValidationToken(at: number): string {
  const date = new Date(at).toISOString().slice(0, 10).replace(/-/g, '');
  const digits = String(Math.floor(Math.random() * 1e9)).padStart(9, '0');
  return `${date}000000${digits}`.slice(0, 23) + randomToken(41);
}

export function newInstanceId(): string {
  return `cas-cn-${randomToken(12)}`;
}

export function isFreeProduct(productCode: string): boolean {
  return productCode.includes('free');
}

/** Brand, as ListUserCertificateOrder reports it, from the product code's prefix. */
export function brandOf(productCode: string): string {
  const prefix = productCode.split('-')[0] ?? '';
  const brands: Record<string, string> = {
    symantec: 'DigiCert',
    digicert: 'DigiCert',
    geotrust: 'GeoTrust',
    globalsign: 'GlobalSign',
    cfca: 'CFCA',
  };
  return brands[prefix] ?? prefix.toUpperCase();
}

/** CertType of ListUserCertificateOrder: FREE, DV, OV or EV. */
export function certTypeOf(productCode: string): 'FREE' | 'DV' | 'OV' | 'EV' {
  if (isFreeProduct(productCode)) return 'FREE';
  if (productCode.includes('-ev-')) return 'EV';
  if (productCode.includes('-ov-')) return 'OV';
  return 'DV';
}

export function domainTypeOf(domains: string[]): 'ONE' | 'MULTIPLE' | 'WILDCARD' | 'M_WILDCARD' {
  const wildcard = domains.some(isWildcard);
  if (domains.length === 1) return wildcard ? 'WILDCARD' : 'ONE';
  return wildcard ? 'M_WILDCARD' : 'MULTIPLE';
}
