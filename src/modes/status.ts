// mode: status — report an order (state, certificate dates), its product's quota, the orders for the same names,
// and the certificate a CDN domain serves. Reads only; never hands out the private key.
import { AliyunApiError } from '../aliyun/errors.js';
import { isIssued, latestIssued, type OrderStatus, type OrderSummary } from '../authority/vocabulary.js';
import { daysRemaining, describeCertificate, splitPemBundle } from '../core/certificate.js';
import { FlowError } from '../core/errors.js';
import { emptyResult, type FlowResult } from '../core/result.js';
import type { FlowContext } from '../flows/context.js';
import { readOrderCertificate } from '../flows/order/issuance.js';
import { describeExistingOrder, findOrderSummary, readOrder } from '../flows/order/order-lookup.js';
import { inFlightOrder, listOrdersForDomains } from '../flows/order/orders.js';
import { validationRecordNames, zoneResolver } from '../validation/records.js';

export async function reportStatus(ctx: FlowContext, domains: string[]): Promise<FlowResult> {
  const { config, log } = ctx;
  const result = emptyResult('active');
  let order: OrderStatus | undefined;
  let orders: OrderSummary[] | undefined;
  if (config.instanceId) return (await import('../flows/instance/instance-modes.js')).reportInstance(ctx);
  if (!config.orderId && domains.length === 0 && !config.cdnDomain) return reportAccount(ctx, result);

  if (config.orderId) {
    order = await describeExistingOrder(ctx, config.orderId);
    if (!order) {
      throw new FlowError(
        `Order ${config.orderId} does not exist (never made, or cancelled and deleted); check order-id, ` +
          'or order a certificate with mode: issue.',
      );
    }
  }
  if (domains.length > 0) {
    orders = await listOrdersForDomains(ctx.authority, domains, config.productCode);
    if (!order) {
      const current = latestIssued(orders) ?? inFlightOrder(orders) ?? orders[0];
      if (!current) {
        throw new FlowError(
          `No order for ${domains.join(', ')} was found${config.productCode ? ` (product ${config.productCode})` : ''}; ` +
            'order a certificate with mode: issue.',
        );
      }
      log.info(`Order ${current.orderId} is the current order for ${domains.join(', ')}.`);
      order = await readOrder(ctx, current.orderId);
    }
  }

  let summary: OrderSummary | undefined;
  if (order) {
    result.orderId = order.orderId;
    result.certId = order.certId;
    result.challenge = order.challenge;
    if (order.state === 'certificate') result.certificate = readOrderCertificate(ctx, order);
    // Only order-id given: the orders that matter are those for the same names (the certificate's, or the list's).
    const names = result.certificate?.info.names;
    if (!orders && names) orders = await listOrdersForDomains(ctx.authority, names, config.productCode);
    const orderId = order.orderId;
    summary =
      orders?.find((o) => o.orderId === orderId) ??
      (await findOrderSummary(ctx, orderId, {
        // The names' orders are listed already unless the domains input named others.
        domains: domains.length > 0 ? names : undefined,
        state: order.state,
      }));
    if (!orders && summary)
      orders = await listOrdersForDomains(ctx.authority, summary.domains, config.productCode);
    result.details.push([
      'State',
      summary ? `${order.state} (${summary.status} in the order list)` : order.state,
    ]);
    if (summary?.productCode) result.details.push(['Product', summary.productCode]);
    if (result.challenge?.method === 'DNS') {
      const names = domains.length > 0 ? domains : (summary?.domains ?? []);
      const zones =
        config.dnsProvider === 'alidns' ? await ctx.dns.listZones().catch(() => undefined) : undefined;
      result.recordNames = validationRecordNames(
        result.challenge.recordDomain,
        names,
        await zoneResolver(zones),
      );
    }
    const info = result.certificate?.info;
    if (info) {
      const left = daysRemaining(info.notAfter, ctx.now());
      log.info(
        `Order ${order.orderId}: ${order.state}, certificate for ${info.names.join(', ')} ` +
          `${left < 0 ? `expired ${-left} days ago` : `valid for ${left} more days`} (until ${info.notAfter.toISOString()}).`,
      );
    } else {
      log.info(`Order ${order.orderId}: ${order.state}.`);
    }
  }
  result.orders = orders;

  result.quota = await ctx.authority.describePackageState(config.productCode ?? summary?.productCode);
  const q = result.quota;
  log.info(
    `Quota of ${q.productCode || 'the default product'}: ${q.used} used of ${q.total}, ${q.issued} issued.`,
  );

  if (config.cdnDomain) await reportCdnDomain(ctx, config.cdnDomain, result);
  return result;
}

/**
 * Neither an order nor domains: the account as a whole, so that a key or a role can be checked without naming an
 * order. The quota, and every issued certificate that is due within renew-before-days (every page of the list).
 */
async function reportAccount(ctx: FlowContext, result: FlowResult): Promise<FlowResult> {
  const { config, log } = ctx;
  result.quota = await ctx.authority.describePackageState(config.productCode);
  const q = result.quota;
  log.info(
    `Quota of ${q.productCode || 'the default product'}: ${q.used} used of ${q.total}, ${q.issued} issued.`,
  );
  const now = ctx.now();
  const due = (await ctx.authority.listOrders({}))
    .filter((o) => isIssued(o.status) && o.certEndTime)
    .filter((o) => daysRemaining(o.certEndTime as Date, now) <= config.renewBeforeDays)
    .sort((a, b) => (a.certEndTime?.getTime() ?? 0) - (b.certEndTime?.getTime() ?? 0));
  for (const o of due) {
    const left = daysRemaining(o.certEndTime as Date, now);
    log.info(`Order ${o.orderId} for ${o.domains.join(', ')} expires in ${left} days.`);
  }
  log.info(`${due.length} certificate(s) expire within renew-before-days (${config.renewBeforeDays}).`);
  result.details.push([`Expiring within ${config.renewBeforeDays} days`, String(due.length)]);
  result.orders = due;
  await (await import('../flows/instance/instance-modes.js')).listAccountInstances(ctx, result);
  return result;
}

async function reportCdnDomain(ctx: FlowContext, domain: string, result: FlowResult): Promise<void> {
  let served: Awaited<ReturnType<FlowContext['cdn']['describeDomainCertificate']>>;
  try {
    served = await ctx.cdn.describeDomainCertificate(domain);
  } catch (error) {
    if (error instanceof AliyunApiError && /^InvalidDomain\.NotFound$|^DomainNotFound/i.test(error.code)) {
      throw new FlowError(
        `CDN domain ${domain} is not in this account (${error.code}); check cdn-domain and the cdn-endpoint.`,
      );
    }
    throw error;
  }
  result.cdn = {
    domain,
    notAfter: served?.certExpireTime,
    certName: served?.certName,
    status: served?.status,
  };
  if (!served?.certExpireTime) {
    ctx.log.info(`CDN domain ${domain} serves no certificate (HTTPS off).`);
    return;
  }
  const left = daysRemaining(served.certExpireTime, ctx.now());
  ctx.log.info(
    `CDN domain ${domain} serves ${served.certName ?? 'a certificate'} until ${served.certExpireTime.toISOString()} ` +
      `(${left} days).`,
  );
  const own = result.certificate;
  if (own && result.orderId) {
    const servedFingerprint = fingerprintOf(served.serverCertificate);
    const same = servedFingerprint
      ? servedFingerprint === own.info.fingerprintSha256
      : served.certId !== undefined && served.certId === result.certId;
    result.details.push([`CDN ${domain} serves order ${result.orderId}`, same ? 'yes' : 'no']);
  }
}

function fingerprintOf(pem: string | undefined): string | undefined {
  const leaf = splitPemBundle(pem ?? '')[0];
  if (!leaf) return undefined;
  try {
    return describeCertificate(leaf).fingerprintSha256;
  } catch {
    return undefined;
  }
}
