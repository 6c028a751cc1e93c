import { ah as describeExistingOrder, F as FlowError, am as readOrderCertificate, ap as sameDomainSet, ar as isoDay, ai as listOrdersForDomains, an as findOrderSummary, as as isFreeProduct, af as isIssued, ak as inFlightOrder, at as convergeOnOldestOrder, au as waitForIssuance, av as pendingResult, aw as acceptIssuedCertificate, al as readOrder, p as daysRemaining, ax as renewalWindowDays, k as dayCount, ay as DAY_MS, az as isOrderStateError, A as AliyunApiError, aA as reconcileUncertainCreate } from './start.js';

// The order API's `renew`: renew an issued, still valid paid order with RenewCertificateOrderForPackageRequest
// (docs/vendor-facts.md, order lifecycle), then validate, wait and fetch the new order exactly as `issue` does.
async function renewOrder(ctx, domains) {
    const { config, log } = ctx;
    const target = config.orderId
        ? { orderId: config.orderId, orders: undefined }
        : await findIssuedOrder(ctx, domains);
    const { orderId } = target;
    const order = await describeExistingOrder(ctx, orderId);
    if (!order) {
        throw new FlowError(`Order ${orderId} does not exist; check order-id, or order a certificate with mode: issue.`);
    }
    if (order.state === 'domain_verify' || order.state === 'process') {
        throw new FlowError(`Order ${orderId} is not issued yet ('${order.state}'), so there is nothing to renew; ` +
            `resume it with mode: issue and order-id ${orderId}.`);
    }
    if (order.state !== 'certificate') {
        throw new FlowError(`Order ${orderId} is '${order.state}' and has no valid certificate to renew; ` +
            'order a new certificate with mode: issue.');
    }
    const current = readOrderCertificate(ctx, order);
    const names = current.info.names;
    if (config.orderId && config.domains.length > 0 && !config.csr && !sameDomainSet(config.domains, names)) {
        throw new FlowError(`Order ${orderId} is for ${names.join(', ')}, not for the domains input (${config.domains.join(', ')}); ` +
            'fix order-id or domains.');
    }
    if (current.info.notAfter.getTime() <= ctx.now().getTime()) {
        throw new FlowError(`The certificate of order ${orderId} expired on ${isoDay(current.info.notAfter)} and cannot be renewed; ` +
            'order a new one with mode: issue.');
    }
    const sameNames = target.orders ?? (await listOrdersForDomains(ctx.authorities.order, names));
    const summary = sameNames.find((o) => o.orderId === orderId) ??
        (await findOrderSummary(ctx, orderId, { state: order.state }));
    const productCode = summary?.productCode ?? config.productCode;
    if (isFreeProduct(productCode)) {
        throw new FlowError(`Order ${orderId} is a free certificate (${productCode}), which cannot be renewed in place; ` +
            'order a new one with mode: issue, as the scheduled renewal workflow does when it is due.');
    }
    const newNames = config.csr ? domains : names;
    const sameProduct = (o) => !productCode || !o.productCode || o.productCode === productCode;
    const others = sameNames.filter((o) => o.orderId !== orderId && sameProduct(o));
    // Renewed already (a scheduled run, again): an issued order for the same names and product outlasts this one.
    const successor = others
        .filter((o) => isIssued(o.status) && (o.certEndTime?.getTime() ?? 0) > current.info.notAfter.getTime())
        .sort((a, b) => (b.certEndTime?.getTime() ?? 0) - (a.certEndTime?.getTime() ?? 0))[0];
    if (successor)
        return reuseRenewal(ctx, orderId, successor.orderId, newNames);
    const inFlight = inFlightOrder(others);
    if (!inFlight) {
        const notDue = notDueYet(ctx, orderId, order, current);
        if (notDue)
            return notDue;
    }
    const quota = await ctx.authorities.order.describePackageState(productCode);
    let newOrderId;
    let converged;
    if (inFlight) {
        // A renewal from an earlier run is still in flight: resume it, never pay twice.
        log.info(`Order ${inFlight.orderId} for ${names.join(', ')} is already in flight: resuming it.`);
        newOrderId = inFlight.orderId;
    }
    else {
        const renewed = await renewOnce(ctx, orderId, productCode, quota.used, sameNames, newNames);
        log.info(`Renewing order ${orderId}: new order ${renewed}.`);
        // Two runs renewing at once (a schedule and a dispatch) both paid: keep the oldest renewal, as issue does.
        converged = await convergeOnOldestOrder(ctx, newNames, productCode, renewed);
        newOrderId = converged.keptId;
    }
    const details = [
        ['Renewal of order', orderId],
        ['Previous certificate until', current.info.notAfter.toISOString().replace(/\.\d{3}Z$/, 'Z')],
    ];
    if (converged && converged.cancelled.length > 0) {
        details.push([
            'Concurrent renewals',
            `kept ${converged.keptId} (the oldest); cancelled and deleted ${converged.cancelled.join(', ')}`,
        ]);
    }
    const outcome = await waitForIssuance(ctx, newOrderId, newNames);
    if (outcome.status.state !== 'certificate') {
        const pending = pendingResult(ctx, outcome, newOrderId);
        return { ...pending, quota, details: [...details, ...pending.details] };
    }
    const certificate = acceptIssuedCertificate(ctx, outcome.status, newNames, !config.csr);
    return {
        status: 'renewed',
        orderId: newOrderId,
        certId: outcome.status.certId,
        certificate,
        quota,
        timeline: outcome.timeline,
        details,
    };
}
/**
 * Without `force`, an order renews only when due (README, "A fleet on one schedule": within renew-before-days of its
 * end, capped at a third of the lifetime as `issue` decides): otherwise it is handed out as it is.
 */
function notDueYet(ctx, orderId, order, current) {
    const { config, log } = ctx;
    const left = daysRemaining(current.info.notAfter, ctx.now());
    const window = renewalWindowDays(config.renewBeforeDays, current.info);
    if (left <= window.days)
        return undefined;
    if (config.force) {
        log.info(`Order ${orderId} has ${dayCount(left)} left (not due yet), but force is true: renewing now.`);
        return undefined;
    }
    const dueOn = isoDay(new Date(current.info.notAfter.getTime() - window.days * DAY_MS));
    const certificate = acceptIssuedCertificate(ctx, order, current.info.names, !config.csr);
    log.notice(`Order ${orderId} has ${dayCount(left)} left and is due for renewal on ${dueOn} (renew-before-days ` +
        `${window.days}): not renewed now; set force: true to renew it now.`);
    return {
        status: 'unchanged',
        orderId,
        certId: order.certId,
        certificate,
        timeline: [{ at: ctx.now(), state: order.state }],
        details: [
            ['Renewal', `not due: ${dayCount(left)} left, due on ${dueOn}`],
            ['Renew now', 'set force: true'],
        ],
    };
}
/** The order that already renewed `orderId` is handed out again (status unchanged): never pay twice. */
async function reuseRenewal(ctx, orderId, renewalId, names) {
    const status = await readOrder(ctx, renewalId);
    if (status.state !== 'certificate') {
        throw new FlowError(`Order ${renewalId} for the same names looks issued in the order list but is '${status.state}'; ` +
            `run again later, or renew order ${renewalId} instead.`);
    }
    const certificate = acceptIssuedCertificate(ctx, status, names, !ctx.config.csr);
    ctx.log.notice(`Order ${orderId} is renewed already: order ${renewalId} for the same names lasts until ` +
        `${certificate.info.notAfter.toISOString()}, so it is handed out instead of renewing again.`);
    return {
        status: 'unchanged',
        orderId: renewalId,
        certId: status.certId,
        certificate,
        timeline: [{ at: ctx.now(), state: status.state }],
        details: [['Renewal of order', orderId]],
    };
}
/** `domains` given without order-id: exactly one issued, still valid order must be for exactly these names. */
async function findIssuedOrder(ctx, domains) {
    const { config } = ctx;
    const orders = await listOrdersForDomains(ctx.authorities.order, domains, config.productCode);
    const issued = orders.filter((o) => isIssued(o.status));
    const names = domains.join(', ');
    // The newest issued order is the current one: an older one it replaced (a renewal, or a fresh order) is past.
    const [only] = [...issued].sort((a, b) => (b.certEndTime?.getTime() ?? 0) - (a.certEndTime?.getTime() ?? 0));
    if (!only) {
        const seen = orders.map((o) => `${o.orderId} ${o.status}`).join(', ');
        throw new FlowError(`No issued, still valid order for ${names} was found${seen ? ` (only ${seen})` : ''}, so there is nothing to ` +
            'renew; order a new certificate with mode: issue.');
    }
    ctx.log.info(issued.length > 1
        ? `Order ${only.orderId} is the issued order for ${names} that lasts longest (of ${issued.map((o) => o.orderId).join(', ')}).`
        : `Order ${only.orderId} is the issued order for ${names}.`);
    return { orderId: only.orderId, orders };
}
/** One renewal call; an uncertain outcome is looked up (as an uncertain create is) before any second call. */
async function renewOnce(ctx, orderId, productCode, usedBefore, knownOrders, newNames) {
    const renew = async () => (await ctx.authorities.order.renewOrder(orderId, ctx.config.csr)).orderId;
    try {
        return await renew();
    }
    catch (error) {
        if (isOrderStateError(error)) {
            throw new FlowError(`Order ${orderId} cannot be renewed in place (${error.code}: ${error.message.replace(/\.$/, '')}); ` +
                'order a new certificate with mode: issue.');
        }
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        const known = { used: usedBefore, knownOrderIds: new Set(knownOrders.map((o) => o.orderId)) };
        const adopted = await reconcileUncertainCreate(ctx, error, known, newNames, productCode);
        if (adopted)
            return adopted;
    }
    return renew();
}

export { renewOrder };
