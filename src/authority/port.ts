// The certificate-authority port: what the flows need from whichever API serves the certificate. The 2020-04-07
// order API is one adapter (order-api.ts); answers use the order lifecycle's vocabulary (docs/vendor-facts.md).
import type {
  CreateOrderInput,
  ListOrdersQuery,
  OrderStatus,
  OrderSummary,
  PackageState,
} from '../vocabulary.js';

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
