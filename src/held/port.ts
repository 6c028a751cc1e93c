// The port for certificates held at the service (upload, download, list, delete), one adapter per API version:
// api-2020.ts (2020-04-07) and api-2018.ts (2018-07-13), which share by-id.ts. Flows see only this vocabulary
// (docs/held-certificates.md).

/** `2018-08-13` is the version string the 2018 reference also names for the 2018 API (docs/held-certificates.md). */
export const HELD_API_VERSIONS = ['2020-04-07', '2018-07-13', '2018-08-13'] as const;
export type HeldApiVersion = (typeof HELD_API_VERSIONS)[number];

/** A certificate as the list shows it. */
export interface HeldCertificateSummary {
  certId: string;
  name: string;
  /** The certificate's names (SANs, else the common name), lower case. */
  domains: string[];
  /** From the list's dates, which are whole days: the start of that day in China Standard Time. */
  notAfter?: Date;
  /** `2027-02-05` when the list gave a day and no time: reported as that day, never as notAfter's made-up instant. */
  notAfterDay?: string;
  /** As notAfter; with it the plan caps renew-before-days at a third of the lifetime, as issue does. */
  notBefore?: Date;
  /** Uploaded by a user, or issued through Alibaba Cloud (an order or an instance). */
  source: 'issued' | 'uploaded';
}

/** A certificate with its content; the private key is masked by the adapter the moment it arrives. */
export interface HeldCertificateDetail extends HeldCertificateSummary {
  /** Leaf, possibly followed by its chain. */
  certificatePem: string;
  privateKeyPem?: string;
}

export interface UploadInput {
  name: string;
  /** Leaf then chain, PEM. */
  fullchainPem: string;
  privateKeyPem: string;
}

/** The name is taken at the service (`NameRepeat`). */
export class NameTakenError extends Error {
  override readonly name = 'NameTakenError';
}

export interface HeldCertificateStore {
  readonly apiVersion: HeldApiVersion;
  /** Every page of the list; `uploadedOnly`: only the certificates uploaded from elsewhere. */
  list(options?: { uploadedOnly?: boolean }): Promise<HeldCertificateSummary[]>;
  /** Undefined when no certificate has this id. */
  download(certId: string): Promise<HeldCertificateDetail | undefined>;
  /** Throws NameTakenError when the name is taken; an uncertain outcome throws the client's error (outcomeUnknown). */
  upload(input: UploadInput): Promise<{ certId: string }>;
  /** False when no certificate had this id (deleted before): deleting is safe to repeat. */
  delete(certId: string): Promise<boolean>;
}

/** The service's answer for an id it does not hold (both versions). */
export const NOT_FOUND_CODES = new Set(['NotFoundCertificate', 'CertificateNotFound', 'NotFound']);
export const NAME_TAKEN_CODE = 'NameRepeat';

/** YYYY-MM-DD as the list answers dates: the day in China Standard Time. A full timestamp is read as it is. */
export function parseServiceDay(value: unknown): Date | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  const at = /^\d{4}-\d\d-\d\d$/.test(value) ? new Date(`${value}T00:00:00+08:00`) : new Date(value);
  return Number.isNaN(at.getTime()) ? undefined : at;
}

/** The day itself when the service gave a day and no time (`2027-02-05`); undefined for a full timestamp. */
export function serviceDayOnly(value: unknown): { notAfterDay: string } | Record<string, never> {
  return typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value) ? { notAfterDay: value } : {};
}

/** `a.example.com,b.example.com` (and the common name) as lower-case names without repeats. */
export function namesOf(...lists: Array<string | undefined>): string[] {
  const names = lists
    .flatMap((list) => (list ?? '').split(/[,\s]+/))
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  return [...new Set(names)];
}
