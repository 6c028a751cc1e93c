import { F as FlowError, A as AliyunApiError } from './context-DM8Wo8ua.js';
import { d as daysRemaining } from './certificate-Cu7oDFAl.js';
import { f as recordNamesWithoutZone } from './index-DACPjd4c.js';
import { w as waitForIssuance, p as pendingResult, a as acceptIssuedCertificate, d as describeExistingOrder, b as describeOrderMasked } from './existing-order-P51O8TXN.js';
import { l as listOrdersForDomains, i as inFlightOrder, a as latestIssuedOrder, r as reconcileUncertainCreate } from './orders-CNGwf614.js';
import 'node:crypto';
import 'node:url';
import 'node:fs/promises';
import 'node:path';
import 'node:child_process';
import 'node:dns/promises';
import 'node:net';

// mode: issue — reuse what is still good, resume what is in flight, otherwise order once; then validate, wait, fetch.
async function issueCertificate(ctx, domains) {
    const { config, log } = ctx;
    const expectKey = !config.csr;
    let quota;
    let orderId = config.orderId ?? (await cachedOrderInFlight(ctx, domains));
    if (orderId)
        log.info(`Resuming order ${orderId}.`);
    if (!orderId) {
        const orders = await listOrdersForDomains(ctx.cas, domains, config.productCode);
        const reusable = await findReusableCertificate(ctx, orders, domains, expectKey);
        if (reusable)
            return reusable;
        orderId = inFlightOrder(orders)?.orderId;
        if (orderId) {
            log.info(`Order ${orderId} for ${domains.join(', ')} is already in flight: resuming it.`);
        }
        else {
            await checkValidationPossible(ctx, domains);
            quota = await checkQuota(ctx);
            orderId = await createOrderOnce(ctx, domains, quota, new Set(orders.map((o) => o.orderId)));
        }
        await ctx.resume.save(domains, orderId);
    }
    const outcome = await waitForIssuance(ctx, orderId, domains);
    if (outcome.status.state !== 'certificate')
        return { ...pendingResult(ctx, outcome, orderId), quota };
    const certificate = acceptIssuedCertificate(ctx, outcome.status, domains, expectKey);
    return {
        status: 'issued',
        orderId,
        certId: outcome.status.certId,
        certificate,
        quota,
        timeline: outcome.timeline,
        details: [],
    };
}
/**
 * The order an earlier run saved in the cache, only while it is still waiting: an issued, failed or deleted one
 * is left to the order list, which knows whether the certificate is due.
 */
async function cachedOrderInFlight(ctx, domains) {
    const cached = await ctx.resume.load(domains);
    if (!cached)
        return undefined;
    const status = await describeExistingOrder(ctx, cached);
    return status?.state === 'domain_verify' || status?.state === 'process' ? cached : undefined;
}
async function findReusableCertificate(ctx, orders, domains, expectKey) {
    const { config, log } = ctx;
    const issued = latestIssuedOrder(orders);
    if (!issued?.certEndTime)
        return undefined;
    const left = daysRemaining(issued.certEndTime, ctx.now());
    if (left <= config.renewBeforeDays) {
        log.info(`Order ${issued.orderId} expires in ${left} days (renew-before-days ${config.renewBeforeDays}): ordering anew.`);
        return undefined;
    }
    const status = await describeOrderMasked(ctx, issued.orderId);
    if (status.state !== 'certificate')
        return undefined;
    const certificate = acceptIssuedCertificate(ctx, status, domains, expectKey);
    log.info(`Order ${issued.orderId} is issued with ${left} days left: reusing it.`);
    return {
        status: 'unchanged',
        orderId: issued.orderId,
        certId: status.certId,
        certificate,
        timeline: [{ at: ctx.now(), state: status.state }],
        details: [],
    };
}
/** With alidns, every validation record needs a zone in the account: found out before ordering, not after. */
async function checkValidationPossible(ctx, domains) {
    const { config } = ctx;
    if (config.validationMethod !== 'DNS' || config.dnsProvider !== 'alidns')
        return;
    const missing = await recordNamesWithoutZone(ctx.dns, domains);
    if (missing.length > 0) {
        throw new FlowError(`No Alibaba Cloud DNS zone in this account holds ${missing.join(', ')} (input 'domains'), so the validation ` +
            "record cannot be written; add the zone to Alibaba Cloud DNS, or set dns-provider to 'manual' or 'hook'.");
    }
}
async function checkQuota(ctx) {
    const quota = await ctx.cas.describePackageState(ctx.config.productCode);
    if (quota.total - quota.used <= 0) {
        throw new FlowError(`No certificate quota left for product ${quota.productCode || 'default'} (${quota.used} of ${quota.total} used); ` +
            'buy a certificate package, or delete unused orders with mode: cancel to return their quota.');
    }
    return quota;
}
async function createOrderOnce(ctx, domains, quota, knownOrderIds) {
    const { config, log } = ctx;
    const input = {
        operation: config.createOperation,
        productCode: config.productCode,
        domains,
        csr: config.csr,
        validationMethod: config.validationMethod,
        contact: config.contact,
    };
    const create = async () => {
        const { orderId } = await ctx.cas.createOrder(input);
        log.info(`Ordered a certificate for ${domains.join(', ')}: order ${orderId}.`);
        return orderId;
    };
    try {
        return await create();
    }
    catch (error) {
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        const adopted = await reconcileUncertainCreate(ctx, error, { used: quota.used, knownOrderIds }, domains);
        if (adopted)
            return adopted;
    }
    // Proven not to have happened: one more create. If that one is uncertain too, the error says so and stops.
    return create();
}

export { issueCertificate };
