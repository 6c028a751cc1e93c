// Which certificate source serves an `issue` run: the pure decision of authority/choose.ts, fed with what the
// account shows, read only as far as the decision needs, and logged in one line that says which API and why.
import { AliyunApiError } from '../aliyun/errors.js';
import { type ApiFacts, chooseCertificateApi } from '../authority/choose.js';
import { isIssued, type OrderSummary } from '../authority/vocabulary.js';
import { daysRemaining } from '../core/certificate.js';
import { FlowError } from '../core/errors.js';
import type { FlowContext } from '../flows/context.js';
import { inFlightOrder, listOrdersForDomains } from './order/orders.js';
import type { ChosenApi } from './port.js';

export async function resolveCertificateApi(ctx: FlowContext, domains: string[]): Promise<ChosenApi> {
  const { config, log } = ctx;
  const facts: ApiFacts = {
    requested: config.certificateApi,
    instanceId: config.instanceId,
    orderId: config.orderId,
    certificateType: config.certificateType,
    productCode: config.productCode,
    dueBy: dueBy(ctx),
  };
  let orders: OrderSummary[] | undefined;
  for (;;) {
    const choice = chooseCertificateApi(facts, domains);
    if ('error' in choice) throw new FlowError(choice.error);
    if ('api' in choice) {
      // Explicit choices need no line; a decision the action made says which API and why.
      if (config.certificateApi === 'auto')
        log.info(`Certificate API: ${choice.api} (auto: ${choice.reason}).`);
      const quota = choice.api === 'order' ? facts.quota : undefined;
      return { ...choice, orders, instances: facts.instances, ...(quota ? { quota } : {}) };
    }
    if (choice.need === 'orders') {
      orders = await listOrdersForDomains(ctx.authorities.order, domains, config.productCode);
      facts.ordersChecked = true;
      facts.activeOrderId = activeOrder(ctx, orders)?.orderId;
    } else if (choice.need === 'quota') {
      facts.quota = await ctx.authorities.order.describePackageState(config.productCode);
    } else {
      try {
        facts.instances = await ctx.authorities.instance.listInstances();
      } catch (error) {
        // An account or a site without the V2.0 API answers with a service error: that API has no room.
        if (!(error instanceof AliyunApiError) || error.outcomeUnknown) throw error;
        facts.instancesError = error.code;
      }
    }
  }
}

/** A certificate that ends by then is due. */
export function dueBy(ctx: FlowContext): Date {
  return new Date(ctx.now().getTime() + ctx.config.renewBeforeDays * 86_400_000);
}

/** In flight, or issued with more days left than renew-before-days: the order API keeps serving these domains. */
function activeOrder(ctx: FlowContext, orders: OrderSummary[]): OrderSummary | undefined {
  const now = ctx.now();
  return (
    inFlightOrder(orders) ??
    orders.find(
      (o) =>
        isIssued(o.status) && o.certEndTime && daysRemaining(o.certEndTime, now) > ctx.config.renewBeforeDays,
    )
  );
}
