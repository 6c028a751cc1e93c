// Shared by renew, cancel, revoke and status: an existing order and its list entry, as they are.
import { AliyunApiError } from '../../aliyun/errors.js';
import type { ListStatus, OrderState, OrderStatus, OrderSummary } from '../../authority/vocabulary.js';
import { validationBaseName } from '../../core/domains.js';
import { FlowError } from '../../core/errors.js';
import type { FlowContext } from '../../flows/context.js';

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

/** Reads after the first that an order must read as unknown on before the flows believe it. */
export const UNKNOWN_STATE_CONFIRMATIONS = 2;

/**
 * The order's state. An unknown state (`unknow`, or a Type this action does not know) is read again, a second
 * apart, before it is believed: the service has answered it for a moment on orders that then went on, and an
 * order taken for gone would be ordered again (docs/faults.md, "No hang"). It is never success.
 */
export async function readOrder(ctx: FlowContext, orderId: string): Promise<OrderStatus> {
  let status = await ctx.authorities.order.describeOrder(orderId);
  for (let again = 1; again <= UNKNOWN_STATE_CONFIRMATIONS && status.state === 'unknow'; again++) {
    ctx.log.info(`Order ${orderId} reads as 'unknow': reading it again to be sure.`);
    await ctx.sleep(1000);
    status = await ctx.authorities.order.describeOrder(orderId);
  }
  return status;
}

/** The order's state, or undefined when the service does not know the order (NotFoundOrder). */
export async function describeExistingOrder(
  ctx: FlowContext,
  orderId: string,
): Promise<OrderStatus | undefined> {
  try {
    return await readOrder(ctx, orderId);
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
    const found = (await ctx.authorities.order.listOrders({ keyword: validationBaseName(first) })).find(
      (o) => o.orderId === orderId,
    );
    if (found) return found;
  }
  const status = hint.state && LIST_STATUS_OF_STATE[hint.state];
  if (!status) return undefined;
  return (await ctx.authorities.order.listOrders({ status })).find((o) => o.orderId === orderId);
}
