import { aD as requireOrderId, ah as describeExistingOrder, F as FlowError, an as findOrderSummary, am as readOrderCertificate, az as isOrderStateError, k as dayCount, ar as isoDay, aq as emptyResult, A as AliyunApiError, ay as DAY_MS } from './start.js';

// The order API's `revoke`: revoke an issued certificate with CancelCertificateForPackageRequest (docs/vendor-facts.md, order lifecycle).
// The quota comes back only when the certificate is revoked within 30 days of issue; the summary says which.
const REFUND_WINDOW_DAYS = 30;
/**
 * One revocation; when its answer is lost, the order says whether it took effect (revoked orders read as
 * unknown, REVOKED in the list) before it is sent once more (docs/faults.md, "Nothing ordered twice").
 */
async function revokeOnce(ctx, orderId, names) {
    try {
        await ctx.authorities.order.revokeOrder(orderId);
    }
    catch (error) {
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        ctx.log.warning(`${error.describe()}; reading order ${orderId} to see whether it took effect.`);
        const now = await describeExistingOrder(ctx, orderId);
        if (now?.state === 'certificate') {
            ctx.log.info(`Order ${orderId} is still issued: the revocation did not take effect, sending it again.`);
            await ctx.authorities.order.revokeOrder(orderId);
            return;
        }
        const summary = await findOrderSummary(ctx, orderId, { domains: names, state: now?.state ?? 'unknow' });
        if (summary?.status === 'REVOKED')
            return;
        throw error;
    }
}
async function revokeOrder(ctx, domains) {
    const { log } = ctx;
    const authority = ctx.authorities.order;
    const orderId = requireOrderId(ctx);
    const order = await describeExistingOrder(ctx, orderId);
    if (!order) {
        throw new FlowError(`Order ${orderId} does not exist; check order-id (mode: status with the domains lists their orders).`);
    }
    switch (order.state) {
        case 'certificate':
            break;
        case 'domain_verify':
        case 'process':
            throw new FlowError(`Order ${orderId} is not issued yet ('${order.state}'), so there is no certificate to revoke; ` +
                'withdraw it with mode: cancel, which returns its quota.');
        case 'verify_fail':
        case 'payed':
            throw new FlowError(`Order ${orderId} is '${order.state}' and has no certificate to revoke; ` +
                'delete it with mode: cancel, which returns its quota.');
        default: {
            // A revoked order reads as unknown; the order list tells it apart. Revoking twice is not an error.
            const summary = await findOrderSummary(ctx, orderId, { domains, state: order.state });
            if (summary?.status === 'REVOKED') {
                log.notice(`Order ${orderId} is already revoked, so there is nothing to do.`);
                const result = emptyResult('revoked', orderId);
                result.details.push(['Previous state', 'already revoked']);
                return result;
            }
            throw new FlowError(`Order ${orderId} is in state '${order.state}' and has no certificate to revoke; look at it with mode: status.`);
        }
    }
    const certificate = readOrderCertificate(ctx, order);
    const { info } = certificate;
    const summary = await findOrderSummary(ctx, orderId, {
        domains: domains.length > 0 ? domains : info.names,
        state: order.state,
    });
    // "Within 30 calendar days from the day of issue" (docs/vendor-facts.md) — the issue date is the certificate's notBefore.
    const issuedAt = info.notBefore;
    const ageMs = ctx.now().getTime() - issuedAt.getTime();
    const ageDays = Math.floor(ageMs / DAY_MS);
    const refunded = ageMs <= REFUND_WINDOW_DAYS * DAY_MS;
    try {
        await revokeOnce(ctx, orderId, domains.length > 0 ? domains : info.names);
    }
    catch (error) {
        if (isOrderStateError(error)) {
            const now = await describeExistingOrder(ctx, orderId);
            throw new FlowError(`Order ${orderId} could not be revoked in state '${now?.state ?? 'deleted'}' (${error.code}); ` +
                'look at it with mode: status.');
        }
        throw error;
    }
    const quotaNote = refunded
        ? `comes back: revoked ${dayCount(ageDays)} after issue (${isoDay(issuedAt)}), within the ${dayCount(REFUND_WINDOW_DAYS)} the service allows`
        : `does not come back: revoked ${dayCount(ageDays)} after issue (${isoDay(issuedAt)}); the service returns it only within ${dayCount(REFUND_WINDOW_DAYS)}`;
    log.info(`Order ${orderId}: the certificate for ${info.names.join(', ')} is revoked; its quota ${quotaNote}.`);
    const result = emptyResult('revoked', orderId);
    result.certId = order.certId;
    result.details.push(['Revoked certificate', `${info.names.join(', ')}, serial ${info.serialNumber}`], ['SHA-256 fingerprint', info.fingerprintSha256], ['Quota refund', quotaNote]);
    const productCode = ctx.config.productCode ?? summary?.productCode;
    if (productCode)
        result.quota = await authority.describePackageState(productCode);
    return result;
}

export { revokeOrder };
