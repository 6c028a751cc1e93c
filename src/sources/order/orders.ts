// Finding the order that already serves an intent, so that nothing is ordered twice.

import type { AliyunApiError } from '../../aliyun/errors.js';
import type { CertificateAuthority } from '../../authority/port.js';
import { isInFlight, isIssued, type OrderSummary } from '../../authority/vocabulary.js';
import { sameDomainSet, validationBaseName } from '../../core/domains.js';
import { FlowError } from '../../core/errors.js';
import type { FlowContext } from '../../flows/context.js';
import { describeExistingOrder } from './order-lookup.js';

/** Orders of exactly these domains (and this product, when one was named), newest first. */
export async function listOrdersForDomains(
  authority: CertificateAuthority,
  domains: string[],
  productCode?: string,
): Promise<OrderSummary[]> {
  const first = domains[0];
  if (!first) return [];
  const all = await authority.listOrders({ keyword: validationBaseName(first) });
  return all
    .filter((o) => sameDomainSet(o.domains, domains))
    .filter((o) => !productCode || !o.productCode || o.productCode === productCode)
    .sort((a, b) => compareIds(b.orderId, a.orderId));
}

export function inFlightOrder(orders: OrderSummary[]): OrderSummary | undefined {
  return orders.find((o) => isInFlight(o.status));
}

/**
 * A create call was sent and no clear answer came back. The quota's used count tells whether it took effect;
 * if it did, find the new order and adopt it. Only a create proven not to have happened may be sent again.
 */
export async function reconcileUncertainCreate(
  ctx: FlowContext,
  error: AliyunApiError,
  before: { used: number; knownOrderIds: Set<string> },
  domains: string[],
  productCode: string | undefined,
): Promise<string | undefined> {
  const { log } = ctx;
  const authority = ctx.authorities.order;
  log.warning(`${error.describe()}; checking whether the order was created before doing anything else.`);
  for (let check = 1; check <= 5; check++) {
    const orders = await listOrdersForDomains(authority, domains, productCode);
    const created = orders.find((o) => !before.knownOrderIds.has(o.orderId) && o.status !== 'REVOKED');
    if (created) {
      log.info(`The uncertain create did take effect: adopting order ${created.orderId}.`);
      return created.orderId;
    }
    const quota = await authority.describePackageState(productCode);
    if (quota.used <= before.used) {
      log.info('The uncertain create did not take effect (quota unchanged): it is safe to order.');
      return undefined;
    }
    await ctx.sleep(Math.min(2_000 * check, 10_000));
  }
  throw new FlowError(
    `${error.action} may have created an order for ${domains.join(', ')} that cannot be found yet; ` +
      'run again later: the next run resumes it instead of ordering twice.',
  );
}

function compareIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** What converging on one order did: the order kept, and those cancelled and deleted. */
export interface Convergence {
  keptId: string;
  cancelled: string[];
}

/**
 * Two runs for the same names (a schedule and a manual dispatch) may both have found nothing in flight and both
 * ordered. After ordering, look again: once this run's own order is listed (the list may lag behind a create),
 * every order created before it is listed too, so of the in-flight orders for these names the oldest is kept and
 * the others are cancelled and deleted, which returns their quota. Each run does the same and so lands on the
 * same order (docs/faults.md, "Nothing ordered twice").
 */
export async function convergeOnOldestOrder(
  ctx: FlowContext,
  domains: string[],
  productCode: string | undefined,
  ownId: string,
): Promise<Convergence> {
  const { log } = ctx;
  const authority = ctx.authorities.order;
  for (let look = 1; look <= 5; look++) {
    const orders = await listOrdersForDomains(authority, domains, productCode);
    const inFlight = orders
      .filter((o) => isInFlight(o.status))
      .sort((a, b) => compareIds(a.orderId, b.orderId));
    const own = orders.find((o) => o.orderId === ownId);
    // Not listed: the list lags, or the other run withdrew this order already (then it kept an older one).
    // Withdrawn means cancelled (PAYED) or deleted; an order that moved on (validated, issued) is this run's still.
    const withdrawn = own ? own.status === 'PAYED' : await isGone(ctx, ownId);
    if (withdrawn) {
      // The run that withdrew it kept an older order, which may have been issued since.
      const issuedOlder = orders
        .filter((o) => isIssued(o.status) && compareIds(o.orderId, ownId) < 0)
        .sort((a, b) => compareIds(b.orderId, a.orderId));
      const kept = inFlight[0]?.orderId ?? issuedOlder[0]?.orderId;
      if (!kept)
        throw new FlowError(
          `Order ${ownId} was withdrawn by another run, and no order for ${domains.join(', ')} is in flight; run again.`,
        );
      log.notice(
        `Order ${ownId} was withdrawn by another run ordering at the same time: continuing with ${kept}, the oldest.`,
      );
      return { keptId: kept, cancelled: [ownId] };
    }
    if (own) {
      const kept = inFlight[0]?.orderId ?? ownId;
      const others = inFlight.map((o) => o.orderId).filter((id) => id !== kept);
      if (others.length === 0) return { keptId: ownId, cancelled: [] };
      log.notice(
        `${others.length + 1} orders for ${domains.join(', ')} are in flight (another run ordered at the same ` +
          `time): keeping the oldest, ${kept}; cancelling and deleting ${others.join(', ')}.`,
      );
      for (const id of others) await withdrawOrder(ctx, id);
      return { keptId: kept, cancelled: others };
    }
    await ctx.sleep(Math.min(500 * look, 2_000));
  }
  log.info(`Order ${ownId} is not in the order list yet, so it cannot be compared with other runs' orders.`);
  return { keptId: ownId, cancelled: [] };
}

async function isGone(ctx: FlowContext, orderId: string): Promise<boolean> {
  const status = await describeExistingOrder(ctx, orderId);
  return status === undefined || status.state === 'payed';
}

/** Cancel then delete, each tolerating that another run did it first; a failure is a warning, not the run's end. */
async function withdrawOrder(ctx: FlowContext, orderId: string): Promise<void> {
  const tolerated = (error: unknown) =>
    error instanceof Error &&
    'code' in error &&
    (error.code === 'NotFoundOrder' || error.code === 'OrderStateError');
  for (const step of [
    () => ctx.authorities.order.cancelOrder(orderId),
    () => ctx.authorities.order.deleteOrder(orderId),
  ]) {
    try {
      await step();
    } catch (error) {
      if (tolerated(error)) continue;
      ctx.log.warning(
        `Could not withdraw the duplicate order ${orderId} (${error instanceof Error ? error.message : String(error)}); ` +
          `cancel it with mode: cancel and order-id ${orderId}.`,
      );
      return;
    }
  }
}
