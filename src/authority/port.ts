// The certificate-authority port: what the flows need from whichever API serves the certificate. The 2020-04-07
// order API is one adapter (order-api.ts); answers use the order lifecycle's vocabulary (docs/vendor-facts.md).

import type { AcmeAuthority } from './acme.js';
import type {
  Challenge,
  Contact,
  CreateOrderInput,
  ListOrdersQuery,
  OrderStatus,
  OrderSummary,
  PackageState,
  ValidationMethod,
} from './vocabulary.js';

export interface CertificateAuthority {
  describePackageState(productCode?: string): Promise<PackageState>;
  createOrder(input: CreateOrderInput): Promise<{ orderId: string }>;
  /** The order's state; a private key in the answer is masked before it is returned (masking by construction). */
  describeOrder(orderId: string): Promise<OrderStatus>;
  /** domain_verify or process → payed (the quota stays used until delete). */
  cancelOrder(orderId: string): Promise<void>;
  /** verify_fail or payed → gone, quota returned. */
  deleteOrder(orderId: string): Promise<void>;
  /** Revokes an issued certificate. */
  revokeOrder(orderId: string): Promise<void>;
  /** A new order that renews an issued paid one. */
  renewOrder(orderId: string, csr?: string): Promise<{ orderId: string }>;
  /** Every page. */
  listOrders(query: ListOrdersQuery): Promise<OrderSummary[]>;
}

/**
 * The clients of every certificate API, by API: what the certificate sources (src/sources/) drive. The instance
 * clients load on their first call (src/action/wiring.ts), so a run on the order API never loads them.
 */
export interface Authorities {
  order: CertificateAuthority;
  instance: InstanceAuthority;
  'legacy-dv': InstanceAuthority;
  /** An ACME CA (authority/acme.ts); its library loads on the first call, and only with certificate-api acme. */
  acme: AcmeAuthority;
}

/** Which certificate API serves a run (docs/certificate-apis.md). */
export type CertificateApi = 'order' | 'instance' | 'legacy-dv' | 'acme';
export const CERTIFICATE_APIS = ['auto', 'order', 'instance', 'legacy-dv', 'acme'] as const;
export type CertificateApiInput = (typeof CERTIFICATE_APIS)[number];

/**
 * An instance's state in one vocabulary for both instance APIs: the V2.0 instance API's `Status` and
 * `CertificateStatus`, and the 2018 DV API's list `Status` and `OrderStatus` (docs/certificate-apis.md).
 */
export type InstanceState =
  | 'inactive'
  | 'pending'
  | 'issued'
  | 'failed'
  | 'revoked'
  | 'expired'
  | 'closed'
  | 'unknown';

/** One validation the service asks for, and the name it proves. */
export interface InstanceChallenge {
  domain: string;
  challenge: Challenge;
}

export interface InstanceStatus {
  instanceId: string;
  state: InstanceState;
  /** The service's own words, for messages. */
  serviceStatus: string;
  domains: string[];
  /** Every entry of the validation list (the V2.0 `DomainValidationList`; the 2018 `CheckName`/`CheckValue`). */
  challenges: InstanceChallenge[];
  certId?: string;
  certificateType?: string;
  notAfter?: Date;
  /** 2018 DV API: the certificate and key come with the status (the key masked already). */
  certificate?: string;
  privateKey?: string;
}

export interface InstanceSummary {
  instanceId: string;
  state: InstanceState;
  serviceStatus: string;
  certificateType?: string;
  domains: string[];
  certId?: string;
  notAfter?: Date;
}

export interface InstanceApplication {
  domains: string[];
  csr?: string;
  validationMethod: ValidationMethod;
  keyAlgorithm: string;
  /** V2.0: the contact's id (ListContact). */
  contactId?: string;
  /** V2.0 OV and EV: the company the certificate is issued to. */
  companyId?: string;
  /** 2018: the applicant. */
  contact: Contact;
  province: string;
  city: string;
}

/** What the application task reports (V2.0 `GetTaskAttribute`); undefined when the API has no task. */
export type ApplicationTask = 'success' | 'processing' | 'failed' | undefined;

/**
 * The port of the instance APIs: the V2.0 instance API (instance-api.ts) and the 2018 DV API (legacy-dv-api.ts).
 * An instance is bought beforehand; applying uses it, so an application is never sent twice by accident.
 */
export interface InstanceAuthority {
  readonly api: 'instance' | 'legacy-dv';
  /** Every page. */
  listInstances(): Promise<InstanceSummary[]>;
  describeInstance(instanceId: string): Promise<InstanceStatus>;
  /** The first contact of the account, for an application that needs one (V2.0 `ListContact`). */
  firstContactId(): Promise<string | undefined>;
  /** Sets what the application will ask for (V2.0 `UpdateInstance`; idempotent); nothing for the 2018 API. */
  prepare(instanceId: string, input: InstanceApplication): Promise<void>;
  /** Sends the application (V2.0 `ApplyCertificate`, 2018 `CreateDVOrderAudit`): changes state, never retried blindly. */
  apply(instanceId: string, input: InstanceApplication): Promise<void>;
  /** Whether an application is under way although the instance still reads inactive (V2.0 `GetTaskAttribute`). */
  applicationTask(instanceId: string): Promise<ApplicationTask>;
  /** The certificate and key of an issued instance (V2.0 `GetUserCertificateDetail`); the key masked. */
  fetchCertificate(status: InstanceStatus): Promise<{ certificate: string; privateKey?: string }>;
  /** Withdraws a pending application (V2.0 `CancelPendingCertificate`). */
  cancel(instanceId: string): Promise<void>;
  /** Revokes the issued certificate (V2.0 `RevokeCertificate`). */
  revoke(instanceId: string, certId?: string): Promise<void>;
}
