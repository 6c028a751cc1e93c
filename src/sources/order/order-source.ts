// The 2020-04-07 order API as a certificate source (docs/vendor-facts.md, order lifecycle): orders with quota,
// found by the order list. `issue` loads with the entry; the other operations only when a run asks for them.
import { isInFlight, isIssued, type OrderSummary } from '../../authority/vocabulary.js';
import { daysRemaining } from '../../core/certificate.js';
import type { HeldCertificate } from '../../fleet/decide.js';
import type { FlowContext } from '../../flows/context.js';
import type { CertificateSource } from '../port.js';
import { obtainOnOrder } from './order-issue.js';

export function createOrderSource(ctx: FlowContext): CertificateSource {
  return {
    api: 'order',
    title: 'the 2020 order API',
    obtain: (domains, chosen) => obtainOnOrder(ctx, domains, chosen),
    describe: async (domains) => (await import('./order-status.js')).describeOrder(ctx, domains),
    renew: async (domains) => (await import('./order-renew.js')).renewOrder(ctx, domains),
    cancel: async (domains) => (await import('./order-cancel.js')).cancelOrder(ctx, domains),
    revoke: async (domains) => (await import('./order-revoke.js')).revokeOrder(ctx, domains),
    describeAccount: async (result) => (await import('./order-status.js')).describeOrderAccount(ctx, result),
    async inventory() {
      // The whole account in one listing (no keyword), whatever the fleet's size: tens of calls for thousands.
      const now = ctx.now();
      const orders = await ctx.authorities.order.listOrders({});
      return { held: orders.map((o) => heldFromOrder(o, now)), noun: 'order(s)', heading: 'Orders read' };
    },
  };
}

export function heldFromOrder(o: OrderSummary, now: Date): HeldCertificate {
  const expired = o.status === 'EXPIRED' || (o.certEndTime ? daysRemaining(o.certEndTime, now) < 0 : false);
  const state = isInFlight(o.status)
    ? 'in-flight'
    : isIssued(o.status) || o.status === 'EXPIRED'
      ? expired
        ? 'expired'
        : 'valid'
      : 'other';
  return {
    source: 'order',
    id: o.orderId,
    domains: o.domains,
    state,
    notBefore: o.certStartTime,
    notAfter: o.certEndTime,
    productCode: o.productCode,
  };
}
