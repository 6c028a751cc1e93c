// Finding the order that already serves an intent, so that nothing is ordered twice.

import type { AliyunApiError } from '../aliyun/errors.js';
import type { CertificateAuthority } from '../authority/port.js';
import { sameDomainSet, validationBaseName } from '../domains.js';
import { FlowError } from '../errors.js';
import { isInFlight, type OrderSummary } from '../vocabulary.js';
import type { FlowContext } from './context.js';

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
  const { authority, log } = ctx;
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
