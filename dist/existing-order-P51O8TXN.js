import { F as FlowError, A as AliyunApiError } from './context-DM8Wo8ua.js';
import { f as checkIssuedCertificate, C as CertificateCheckError, b as splitPemBundle, e as describeCertificate, v as validationBaseName } from './certificate-Cu7oDFAl.js';

// Pure: the next wait between status checks (backoff from poll-interval up to max-poll-interval, bounded by the deadline).
function nextPollDelayMs(previousMs, schedule) {
    const grown = previousMs === undefined ? schedule.firstMs : Math.min(schedule.maxMs, previousMs * 2);
    return Math.max(0, grown);
}
/** True when waiting `delayMs` more would pass the deadline: time to stop and report. */
function pastDeadline(nowMs, delayMs, schedule) {
    return nowMs + delayMs > schedule.deadline;
}

// Shared by issue and renew: wait for an order to be issued (validating it on the way), then check what came back.
/** Polls until the order is issued, fails review, or the deadline passes; presents and cleans up validation. */
async function waitForIssuance(ctx, orderId, domains) {
    const { config, log } = ctx;
    const schedule = {
        firstMs: config.pollIntervalSeconds * 1000,
        maxMs: config.maxPollIntervalSeconds * 1000,
        deadline: ctx.now().getTime() + config.waitTimeoutSeconds * 1000,
    };
    const strategy = ctx.validation(orderId);
    const timeline = [];
    let presented;
    let delay;
    try {
        for (;;) {
            const status = await describeOrderMasked(ctx, orderId);
            if (timeline.at(-1)?.state !== status.state) {
                timeline.push({ at: ctx.now(), state: status.state });
                log.info(`Order ${orderId}: ${status.state}`);
            }
            if (status.state === 'domain_verify' && status.challenge) {
                const key = JSON.stringify(status.challenge);
                if (key !== presented) {
                    await strategy.present(status.challenge, domains);
                    presented = key;
                }
            }
            else if (status.state === 'certificate') {
                return { status, timeline };
            }
            else if (status.state === 'verify_fail') {
                await deleteFailedOrder(ctx, orderId);
            }
            else if (status.state === 'payed' || status.state === 'unknow') {
                throw new FlowError(`Order ${orderId} is '${status.state}' (withdrawn or unknown), so it will not be issued; ` +
                    `delete it with mode: cancel and order again.`);
            }
            delay = nextPollDelayMs(delay, schedule);
            if (pastDeadline(ctx.now().getTime(), delay, schedule))
                return { status, timeline };
            await ctx.sleep(delay);
        }
    }
    finally {
        await strategy.cleanup();
    }
}
/** A failed review never recovers; deleting the order returns its quota (reference 003, step 4). */
async function deleteFailedOrder(ctx, orderId) {
    await ctx.cas.deleteOrder(orderId);
    throw new FlowError(`Order ${orderId} failed review (verify_fail) and was deleted, which returned its quota; ` +
        'check that the domains and contact details are right, then run again to order anew.');
}
/** Reads an order; a private key in the answer is registered as a secret before anything else is printed. */
async function describeOrderMasked(ctx, orderId) {
    const status = await ctx.cas.describeOrder(orderId);
    if (status.privateKey)
        ctx.maskSecret(status.privateKey);
    return status;
}
/** Checks an issued order's certificate and key (already masked by describeOrderMasked). */
function acceptIssuedCertificate(ctx, status, domains, expectKey) {
    if (!status.certificate) {
        throw new FlowError(`Order ${status.orderId} is issued but the service returned no certificate; run again.`);
    }
    if (expectKey && !status.privateKey) {
        throw new FlowError(`Order ${status.orderId} is issued but the service returned no private key; ` +
            'an order made with a CSR keeps its key with you: pass the same csr input.');
    }
    try {
        return checkIssuedCertificate({
            certificatePem: status.certificate,
            privateKeyPem: status.privateKey,
            domains,
            now: ctx.now(),
        });
    }
    catch (error) {
        if (error instanceof CertificateCheckError) {
            throw new FlowError(`The certificate of order ${status.orderId} failed its checks: ${error.message}`);
        }
        throw error;
    }
}
/** The result for an order still waiting when this run's time is up. */
function pendingResult(ctx, outcome, orderId) {
    const { config } = ctx;
    const state = outcome.status.state;
    if (config.failOnPending) {
        throw new FlowError(`Order ${orderId} is still '${state}' after wait-timeout ${config.waitTimeoutSeconds}s; ` +
            `run again with order-id ${orderId} (or the same domains) to resume it, or set fail-on-pending: false.`);
    }
    return {
        status: 'pending',
        orderId,
        challenge: outcome.status.challenge,
        timeline: outcome.timeline,
        details: [['State', state]],
    };
}

// Shared by renew, cancel, revoke and status: an existing order, its list entry and its certificate, as they are.
const DAY_MS = 86_400_000;
/** How the order list shows an order in each state (reference 003, ListUserCertificateOrder `Status`). */
const LIST_STATUS_OF_STATE = {
    domain_verify: 'CHECKING',
    process: 'CHECKING',
    verify_fail: 'CHECKED_FAIL',
    payed: 'PAYED',
    // DescribeCertificateState has no state for a revoked order; it reads as unknown.
    unknow: 'REVOKED',
};
function isOrderNotFound(error) {
    return error instanceof AliyunApiError && error.code === 'NotFoundOrder';
}
function isOrderStateError(error) {
    return error instanceof AliyunApiError && !error.outcomeUnknown && error.code === 'OrderStateError';
}
/** The order's state, or undefined when the service does not know the order (NotFoundOrder). */
async function describeExistingOrder(ctx, orderId) {
    try {
        return await describeOrderMasked(ctx, orderId);
    }
    catch (error) {
        if (isOrderNotFound(error))
            return undefined;
        throw error;
    }
}
function requireOrderId(ctx) {
    const orderId = ctx.config.orderId;
    if (!orderId)
        throw new FlowError(`mode ${ctx.config.mode} needs the input order-id.`);
    return orderId;
}
/**
 * The order's entry in ListUserCertificateOrder (product, names, dates, list status), found by the names it is
 * for when they are known, else by the list status its state shows as. Undefined when neither finds it.
 */
async function findOrderSummary(ctx, orderId, hint) {
    const first = hint.domains?.[0];
    if (first) {
        const found = (await ctx.cas.listOrders({ keyword: validationBaseName(first) })).find((o) => o.orderId === orderId);
        if (found)
            return found;
    }
    const status = hint.state && LIST_STATUS_OF_STATE[hint.state];
    if (!status)
        return undefined;
    return (await ctx.cas.listOrders({ status })).find((o) => o.orderId === orderId);
}
/**
 * The certificate of an issued order as it is, without its private key: parsed and chained like one being handed
 * out, but an expired (or not yet valid) one is reported, not refused. The key was masked when the order was read.
 */
function readOrderCertificate(ctx, status) {
    const pem = status.certificate ?? '';
    try {
        const leaf = splitPemBundle(pem)[0];
        if (!leaf)
            throw new CertificateCheckError('The service returned no PEM certificate.');
        const { notBefore, notAfter } = describeCertificate(leaf);
        // Judge the chain at a moment inside the validity, so that only the dates themselves are left to report.
        const inside = Math.min(Math.max(ctx.now().getTime(), notBefore.getTime()), notAfter.getTime());
        return checkIssuedCertificate({ certificatePem: pem, domains: [], now: new Date(inside) });
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new FlowError(`The certificate of order ${status.orderId} cannot be read (${reason}); run again.`);
    }
}
function isFreeProduct(productCode) {
    return productCode !== undefined && /(^|-)free(-|$)/i.test(productCode);
}
function isoDay(date) {
    return date.toISOString().slice(0, 10);
}

export { DAY_MS as D, acceptIssuedCertificate as a, describeOrderMasked as b, isFreeProduct as c, describeExistingOrder as d, isOrderStateError as e, findOrderSummary as f, requireOrderId as g, isOrderNotFound as h, isoDay as i, pendingResult as p, readOrderCertificate as r, waitForIssuance as w };
