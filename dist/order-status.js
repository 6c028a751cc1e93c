import { af as isIssued, p as daysRemaining, k as dayCount, ag as statusReport, ah as describeExistingOrder, F as FlowError, ai as listOrdersForDomains, aj as latestIssued, ak as inFlightOrder, al as readOrder, am as readOrderCertificate, an as findOrderSummary, ao as validationRecordNames, O as zoneResolver, ap as sameDomainSet, aq as emptyResult } from './start.js';

// The order API's `status`: an order (state, certificate dates), its product's quota and the orders for the same
// names; of the account, the quota and the certificates due. Reads only; never hands out the private key.
async function describeOrder(ctx, domains) {
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
        orders = await listOrdersForDomains(ctx.authorities.order, domains, config.productCode);
        if (!order) {
            const current = latestIssued(orders) ?? inFlightOrder(orders) ?? orders[0];
            if (!current) {
                throw new FlowError(`No order for ${domains.join(', ')} was found${config.productCode ? ` (product ${config.productCode})` : ''}; ` +
                    'order a certificate with mode: issue.');
            }
            log.info(`Order ${current.orderId} is the current order for ${domains.join(', ')}.`);
            order = await readOrder(ctx, current.orderId);
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
            orders = await listOrdersForDomains(ctx.authorities.order, names, config.productCode);
        const orderId = order.orderId;
        summary =
            orders?.find((o) => o.orderId === orderId) ??
                (await findOrderSummary(ctx, orderId, {
                    // The names' orders are listed already unless the domains input named others.
                    domains: domains.length > 0 ? names : undefined,
                    state: order.state,
                }));
        if (!orders && summary)
            orders = await listOrdersForDomains(ctx.authorities.order, summary.domains, config.productCode);
        result.details.push([
            'State',
            summary ? `${order.state} (${summary.status} in the order list)` : order.state,
        ]);
        if (summary?.productCode)
            result.details.push(['Product', summary.productCode]);
        if (result.challenge?.method === 'DNS') {
            const names = domains.length > 0 ? domains : (summary?.domains ?? []);
            const zones = config.dnsProvider === 'alidns' ? await ctx.dns.listZones().catch(() => undefined) : undefined;
            result.recordNames = validationRecordNames(result.challenge.recordDomain, names, await zoneResolver(zones));
        }
        const info = result.certificate?.info;
        if (info) {
            const left = daysRemaining(info.notAfter, ctx.now());
            log.info(`Order ${order.orderId}: ${order.state}, certificate for ${info.names.join(', ')} ` +
                `${left < 0 ? `expired ${dayCount(-left)} ago` : `valid, ${dayCount(left)} left`} (until ${info.notAfter.toISOString()}).`);
        }
        else {
            log.info(`Order ${order.orderId}: ${order.state}.`);
        }
    }
    statusReport(result).orders = orders;
    result.quota = await ctx.authorities.order.describePackageState(config.productCode ?? summary?.productCode);
    const q = result.quota;
    log.info(`Quota of ${q.productCode || 'the default product'}: ${q.used} used of ${q.total}, ${q.issued} issued.`);
    return result;
}
/**
 * The account as a whole, so that a key or a role can be checked without naming an order: the quota, and every
 * issued certificate that is due within renew-before-days (every page of the list).
 */
async function describeOrderAccount(ctx, result) {
    const { config, log } = ctx;
    result.quota = await ctx.authorities.order.describePackageState(config.productCode);
    const q = result.quota;
    log.info(`Quota of ${q.productCode || 'the default product'}: ${q.used} used of ${q.total}, ${q.issued} issued.`);
    const now = ctx.now();
    const issued = (await ctx.authorities.order.listOrders({})).filter((o) => isIssued(o.status) && o.certEndTime);
    // An order whose replacement (same names, later end) is issued is superseded: not expiring, renewed already.
    const superseded = (o) => issued.some((other) => other !== o &&
        sameDomainSet(other.domains, o.domains) &&
        (other.certEndTime?.getTime() ?? 0) > (o.certEndTime?.getTime() ?? 0));
    const due = issued
        .filter((o) => daysRemaining(o.certEndTime, now) <= config.renewBeforeDays && !superseded(o))
        .sort((a, b) => (a.certEndTime?.getTime() ?? 0) - (b.certEndTime?.getTime() ?? 0));
    for (const o of due) {
        const left = daysRemaining(o.certEndTime, now);
        log.info(`Order ${o.orderId} for ${o.domains.join(', ')} expires in ${dayCount(left)}.`);
    }
    log.info(`${due.length} certificate(s) expire within renew-before-days (${config.renewBeforeDays}).`);
    result.details.push([`Expiring within ${dayCount(config.renewBeforeDays)}`, String(due.length)]);
    statusReport(result).orders = due;
}

export { describeOrder, describeOrderAccount };
