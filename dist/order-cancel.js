import { aB as validationBaseName, ao as validationRecordNames, I as zoneForName, ai as listOrdersForDomains, ak as inFlightOrder, ah as describeExistingOrder, aC as removeChallengeRecords, aD as requireOrderId, F as FlowError, an as findOrderSummary, aE as isOrderNotFound, az as isOrderStateError, A as AliyunApiError, aq as emptyResult } from './start.js';

// `cancel` of an order in `process` or `verify_fail`: the service no longer names the order's validation record
// (DescribeCertificateState gives RecordValue in domain_verify only, docs/vendor-facts.md), yet the record written
// for it is still in the zone. It is found by its name (`_dnsauth.<name>`) and removed, unless its value is the
// token of another order for the same names that is still waiting for validation.
/** The host record the service names for every DNS challenge of these products (docs/validation-records.md). */
const VALIDATION_HOST = '_dnsauth';
async function removeRecordsOfPastChallenge(ctx, orderId, names) {
    const { config, dns, log } = ctx;
    if (names.length === 0)
        return 'not looked up (names unknown)';
    if (config.validationMethod !== 'DNS')
        return 'not applicable';
    if (config.dnsProvider !== 'alidns') {
        const where = names.map((n) => `${VALIDATION_HOST}.${validationBaseName(n)}`).join(', ');
        log.notice(`Order ${orderId} was past validation: remove its TXT record (${where}) yourself if it is there.`);
        return `not looked up (dns-provider ${config.dnsProvider}); check ${where}`;
    }
    const zones = await dns.listZones();
    // In full, under the order's first name: relative, `_dnsauth` would be read under the zone's apex, whose record
    // belongs to another name.
    const recordDomain = `${VALIDATION_HOST}.${validationBaseName(names[0] ?? '')}`;
    const recordNames = validationRecordNames(recordDomain, names, (n) => zoneForName(n, zones)?.zone);
    const values = new Set();
    for (const full of recordNames) {
        const match = zoneForName(full, zones);
        if (!match)
            continue;
        for (const record of await dns.findRecords(match.zone, match.rr, 'TXT'))
            values.add(record.value);
    }
    // Another order for the same names still waiting for validation keeps its record.
    const others = (await listOrdersForDomains(ctx.authorities.order, names)).filter((o) => o.orderId !== orderId);
    const waiting = inFlightOrder(others);
    if (waiting) {
        const status = await describeExistingOrder(ctx, waiting.orderId);
        if (status?.challenge?.method === 'DNS')
            values.delete(status.challenge.recordValue);
    }
    if (values.size === 0)
        return 'none found';
    const outcomes = [];
    for (const recordValue of values) {
        const challenge = {
            method: 'DNS',
            recordDomain,
            recordType: 'TXT',
            recordValue,
        };
        outcomes.push(await removeChallengeRecords(challenge, names, ctx));
    }
    return outcomes.join('; ');
}

// The order API's `cancel`: withdraw an order not issued yet (CancelOrderRequest) and delete it, which returns
// its quota; then remove the validation records written for it.
async function cancelOrder(ctx, domains) {
    const { log } = ctx;
    const authority = ctx.authorities.order;
    const orderId = requireOrderId(ctx);
    const order = await describeExistingOrder(ctx, orderId);
    if (!order)
        return alreadyGone(ctx, orderId);
    const { state } = order;
    if (state === 'certificate') {
        throw new FlowError(`Order ${orderId} is already issued, so it cannot be cancelled; revoke its certificate with mode: revoke ` +
            '(the quota comes back when that is within 30 days of issue).');
    }
    if (state === 'unknow') {
        throw new FlowError(`Order ${orderId} is in state 'unknow' (revoked, or withdrawn by the service), so there is nothing to ` +
            'cancel; look at it with mode: status.');
    }
    // Before the order goes: its names and product (for the record clean-up and the quota report).
    const summary = await findOrderSummary(ctx, orderId, { domains, state });
    const steps = [];
    try {
        if (state === 'domain_verify' || state === 'process') {
            await settle(ctx, orderId, () => authority.cancelOrder(orderId), ['payed']);
            steps.push('CancelOrderRequest');
        }
        await settle(ctx, orderId, () => authority.deleteOrder(orderId), []);
        steps.push('DeleteCertificateRequest');
    }
    catch (error) {
        // Another run (or the console) got there first.
        if (isOrderNotFound(error))
            return alreadyGone(ctx, orderId);
        if (isOrderStateError(error)) {
            const now = await describeExistingOrder(ctx, orderId);
            if (!now)
                return alreadyGone(ctx, orderId);
            throw new FlowError(`Order ${orderId} moved to '${now.state}' while it was being cancelled; ` +
                (now.state === 'certificate'
                    ? `revoke it with mode: revoke and order-id ${orderId}.`
                    : `run mode: cancel again with order-id ${orderId}.`));
        }
        throw error;
    }
    log.info(`Order ${orderId} (${state}) was ${steps.length > 1 ? 'withdrawn and ' : ''}deleted; its quota is returned.`);
    const result = emptyResult('cancelled', orderId);
    result.details.push(['Previous state', state], ['Calls', steps.join(', then ')]);
    const names = domains.length > 0 ? domains : (summary?.domains ?? []);
    if (order.challenge?.method === 'DNS') {
        result.details.push(['Validation records', await removeChallengeRecords(order.challenge, names, ctx)]);
    }
    else if (state === 'process' || state === 'verify_fail') {
        // Past validation the service no longer names the record, but the one written for the order is still there.
        result.details.push(['Validation records', await removeRecordsOfPastChallenge(ctx, orderId, names)]);
    }
    const productCode = ctx.config.productCode ?? summary?.productCode;
    if (productCode)
        result.quota = await authority.describePackageState(productCode);
    return result;
}
/**
 * Sends a call that changes the order; when its answer is lost (the outcome unknown), the order's state says
 * whether it took effect: gone, or in one of `effectStates`, means it did; otherwise it is sent once more.
 */
async function settle(ctx, orderId, send, effectStates) {
    try {
        await send();
    }
    catch (error) {
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        ctx.log.warning(`${error.describe()}; reading order ${orderId} to see whether it took effect.`);
        const now = await describeExistingOrder(ctx, orderId);
        if (!now || effectStates.includes(now.state))
            return;
        ctx.log.info(`Order ${orderId} is still '${now.state}': ${error.action} did not take effect, sending it again.`);
        await send();
    }
}
function alreadyGone(ctx, orderId) {
    ctx.log.notice(`Order ${orderId} does not exist: it was already cancelled and deleted (or never made), so there is nothing to do.`);
    const result = emptyResult('cancelled', orderId);
    result.details.push(['Previous state', 'already gone (NotFoundOrder)']);
    return result;
}

export { cancelOrder };
