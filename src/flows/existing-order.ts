// Shared by renew, cancel, revoke and status: an existing order, its list entry and its certificate, as they are.
import { AliyunApiError } from '../aliyun/errors.js';
import {
  CertificateCheckError,
  type CheckedCertificate,
  checkIssuedCertificate,
  describeCertificate,
  splitPemBundle,
} from '../certificate.js';
import { validationBaseName } from '../domains.js';
import { FlowError } from '../errors.js';
import type { ListStatus, OrderState, OrderStatus, OrderSummary } from '../vocabulary.js';
import type { FlowContext } from './context.js';

export const DAY_MS = 86_400_000;

/** How the order list shows an order in each state (docs/vendor-facts.md, order list statuses). */
const LIST_STATUS_OF_STATE: Partial<Record<OrderState, ListStatus>> = {
  domain_verify: 'CHECKING',
  process: 'CHECKING',
  verify_fail: 'CHECKED_FAIL',
  payed: 'PAYED',
  // DescribeCertificateState has no state for a revoked order; it reads as unknown.
  unknow: 'REVOKED',
};

export function isOrderNotFound(error: unknown): boolean {
  return error instanceof AliyunApiError && error.code === 'NotFoundOrder';
}

export function isOrderStateError(error: unknown): error is AliyunApiError {
  return error instanceof AliyunApiError && !error.outcomeUnknown && error.code === 'OrderStateError';
}

/** The order's state, or undefined when the service does not know the order (NotFoundOrder). */
export async function describeExistingOrder(
  ctx: FlowContext,
  orderId: string,
): Promise<OrderStatus | undefined> {
  try {
    return await ctx.authority.describeOrder(orderId);
  } catch (error) {
    if (isOrderNotFound(error)) return undefined;
    throw error;
  }
}

export function requireOrderId(ctx: FlowContext): string {
  const orderId = ctx.config.orderId;
  if (!orderId) throw new FlowError(`mode ${ctx.config.mode} needs the input order-id.`);
  return orderId;
}

/**
 * The order's entry in ListUserCertificateOrder (product, names, dates, list status), found by the names it is
 * for when they are known, else by the list status its state shows as. Undefined when neither finds it.
 */
export async function findOrderSummary(
  ctx: FlowContext,
  orderId: string,
  hint: { domains?: string[]; state?: OrderState },
): Promise<OrderSummary | undefined> {
  const first = hint.domains?.[0];
  if (first) {
    const found = (await ctx.authority.listOrders({ keyword: validationBaseName(first) })).find(
      (o) => o.orderId === orderId,
    );
    if (found) return found;
  }
  const status = hint.state && LIST_STATUS_OF_STATE[hint.state];
  if (!status) return undefined;
  return (await ctx.authority.listOrders({ status })).find((o) => o.orderId === orderId);
}

/**
 * The certificate of an issued order as it is, without its private key: parsed and chained like one being handed
 * out, but an expired (or not yet valid) one is reported, not refused. The key was masked when the order was read.
 */
export function readOrderCertificate(ctx: FlowContext, status: OrderStatus): CheckedCertificate {
  const pem = status.certificate ?? '';
  try {
    const leaf = splitPemBundle(pem)[0];
    if (!leaf) throw new CertificateCheckError('The service returned no PEM certificate.');
    const { notBefore, notAfter } = describeCertificate(leaf);
    // Judge the chain at a moment inside the validity, so that only the dates themselves are left to report.
    const inside = Math.min(Math.max(ctx.now().getTime(), notBefore.getTime()), notAfter.getTime());
    return checkIssuedCertificate({ certificatePem: pem, domains: [], now: new Date(inside) });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new FlowError(`The certificate of order ${status.orderId} cannot be read (${reason}); run again.`);
  }
}

export function isFreeProduct(productCode: string | undefined): boolean {
  return productCode !== undefined && /(^|-)free(-|$)/i.test(productCode);
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
