import { F as FlowError, e as emptyResult, A as AliyunApiError } from './context-DM8Wo8ua.js';
import { d as daysRemaining, b as splitPemBundle, e as describeCertificate } from './certificate-Cu7oDFAl.js';
import { d as describeExistingOrder, b as describeOrderMasked, r as readOrderCertificate, f as findOrderSummary } from './existing-order-P51O8TXN.js';
import { l as listOrdersForDomains, a as latestIssuedOrder, i as inFlightOrder } from './orders-CNGwf614.js';
import 'node:crypto';
import 'node:url';

// mode: status — report an order (state, certificate dates), its product's quota, the orders for the same names,
// and the certificate a CDN domain serves. Reads only; never hands out the private key.
async function reportStatus(ctx, domains) {
    const { config, log } = ctx;
    const result = emptyResult('active');
    let order;
    let orders;
    if (config.orderId) {
        order = await describeExistingOrder(ctx, config.orderId);
        if (!order) {
            throw new FlowError(`Order ${config.orderId} does not exist (never made, or cancelled and deleted); check order-id, ` +
                'or order a certificate with mode: issue.');
        }
    }
    if (domains.length > 0) {
        orders = await listOrdersForDomains(ctx.cas, domains, config.productCode);
        if (!order) {
            const current = latestIssuedOrder(orders) ?? inFlightOrder(orders) ?? orders[0];
            if (!current) {
                throw new FlowError(`No order for ${domains.join(', ')} was found${config.productCode ? ` (product ${config.productCode})` : ''}; ` +
                    'order a certificate with mode: issue.');
            }
            log.info(`Order ${current.orderId} is the current order for ${domains.join(', ')}.`);
            order = await describeOrderMasked(ctx, current.orderId);
        }
    }
    let summary;
    if (order) {
        result.orderId = order.orderId;
        result.certId = order.certId;
        result.challenge = order.challenge;
        if (order.state === 'certificate')
            result.certificate = readOrderCertificate(ctx, order);
        // Only order-id given: the orders that matter are those for the same names (the certificate's, or the list's).
        const names = result.certificate?.info.names;
        if (!orders && names)
            orders = await listOrdersForDomains(ctx.cas, names, config.productCode);
        const orderId = order.orderId;
        summary =
            orders?.find((o) => o.orderId === orderId) ??
                (await findOrderSummary(ctx, orderId, {
                    // The names' orders are listed already unless the domains input named others.
                    domains: domains.length > 0 ? names : undefined,
                    state: order.state,
                }));
        if (!orders && summary)
            orders = await listOrdersForDomains(ctx.cas, summary.domains, config.productCode);
        result.details.push([
            'State',
            summary ? `${order.state} (${summary.status} in the order list)` : order.state,
        ]);
        if (summary?.productCode)
            result.details.push(['Product', summary.productCode]);
        const info = result.certificate?.info;
        if (info) {
            const left = daysRemaining(info.notAfter, ctx.now());
            log.info(`Order ${order.orderId}: ${order.state}, certificate for ${info.names.join(', ')} ` +
                `${left < 0 ? `expired ${-left} days ago` : `valid for ${left} more days`} (until ${info.notAfter.toISOString()}).`);
        }
        else {
            log.info(`Order ${order.orderId}: ${order.state}.`);
        }
    }
    result.orders = orders;
    result.quota = await ctx.cas.describePackageState(config.productCode ?? summary?.productCode);
    const q = result.quota;
    log.info(`Quota of ${q.productCode || 'the default product'}: ${q.used} used of ${q.total}, ${q.issued} issued.`);
    if (config.cdnDomain)
        await reportCdnDomain(ctx, config.cdnDomain, result);
    return result;
}
async function reportCdnDomain(ctx, domain, result) {
    let served;
    try {
        served = await ctx.cdn.describeDomainCertificate(domain);
    }
    catch (error) {
        if (error instanceof AliyunApiError && /^InvalidDomain\.NotFound$|^DomainNotFound/i.test(error.code)) {
            throw new FlowError(`CDN domain ${domain} is not in this account (${error.code}); check cdn-domain and the cdn-endpoint.`);
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
    ctx.log.info(`CDN domain ${domain} serves ${served.certName ?? 'a certificate'} until ${served.certExpireTime.toISOString()} ` +
        `(${left} days).`);
    const own = result.certificate;
    if (own && result.orderId) {
        const servedFingerprint = fingerprintOf(served.serverCertificate);
        const same = servedFingerprint
            ? servedFingerprint === own.info.fingerprintSha256
            : served.certId !== undefined && served.certId === result.certId;
        result.details.push([`CDN ${domain} serves order ${result.orderId}`, same ? 'yes' : 'no']);
    }
}
function fingerprintOf(pem) {
    const leaf = splitPemBundle(pem ?? '')[0];
    if (!leaf)
        return undefined;
    try {
        return describeCertificate(leaf).fingerprintSha256;
    }
    catch {
        return undefined;
    }
}

export { reportStatus };
