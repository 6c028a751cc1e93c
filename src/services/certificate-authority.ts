// What the flows need from the certificate service, independent of which API family serves it.
// services/cas.ts implements it on the 2020-04-07 order API; the 2026 "V2.0" instance API
// (ApplyCertificate, GetInstanceDetail, ListInstances…) can implement the same interface beside it.

import type { ListStatus } from '../authority/list-status.js';

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
}

export interface FileChallenge {
  method: 'FILE';
  domain: string;
  uri: string;
  content: string;
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

export interface CertificateAuthorityService {
  describePackageState(productCode?: string): Promise<PackageState>;
  createOrder(input: CreateOrderInput): Promise<{ orderId: string }>;
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
