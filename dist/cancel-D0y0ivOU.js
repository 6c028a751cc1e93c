import { F as FlowError, e as emptyResult, A as AliyunApiError } from './context-DM8Wo8ua.js';
import { v as validationRecordNames, h as hookRunnerFor, b as runHookCleanup, z as zoneForName, r as removeAlidnsRecord } from './index-DACPjd4c.js';
import { g as requireOrderId, d as describeExistingOrder, f as findOrderSummary, h as isOrderNotFound, e as isOrderStateError } from './existing-order-P51O8TXN.js';
import './certificate-Cu7oDFAl.js';
import 'node:crypto';
import 'node:url';
import 'node:fs/promises';
import 'node:path';
import 'node:child_process';
import 'node:dns/promises';
import 'node:net';

// mode: cancel — give up an order that is not issued, so that its quota comes back (reference 003, section 2):
// domain_verify or process → CancelOrderRequest then DeleteCertificateRequest; verify_fail or payed → delete.
// Safe to run twice: an order already gone is reported, not an error.
async function cancelOrder(ctx, domains) {
    const { cas, log } = ctx;
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
            await cas.cancelOrder(orderId);
            steps.push('CancelOrderRequest');
        }
        await cas.deleteOrder(orderId);
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
    if (order.challenge?.method === 'DNS') {
        const names = domains.length > 0 ? domains : (summary?.domains ?? []);
        result.details.push([
            'Validation records',
            await removeValidationRecords(ctx, orderId, order.challenge, names),
        ]);
    }
    const productCode = ctx.config.productCode ?? summary?.productCode;
    if (productCode)
        result.quota = await cas.describePackageState(productCode);
    return result;
}
function alreadyGone(ctx, orderId) {
    ctx.log.notice(`Order ${orderId} does not exist: it was already cancelled and deleted (or never made), so there is nothing to do.`);
    const result = emptyResult('cancelled', orderId);
    result.details.push(['Previous state', 'already gone (NotFoundOrder)']);
    return result;
}
/**
 * Removes the order's validation records, found by their value (the order's own token, which nothing else uses):
 * from Alibaba Cloud DNS with dns-provider alidns, through the hook's cleanup with dns-provider hook. With manual the
 * user made them, and is told they can go. Never fails the run: the order itself is already gone.
 */
async function removeValidationRecords(ctx, orderId, challenge, domains) {
    const { config, dns, log } = ctx;
    const type = challenge.recordType.toUpperCase();
    const value = challenge.recordValue;
    const names = validationRecordNames(challenge.recordDomain, domains);
    if (names.length === 0) {
        log.warning(`The names of order ${orderId} are unknown, so its validation records cannot be looked up; ` +
            `remove any ${type} record with the value ${value} yourself (or give the domains input).`);
        return 'not looked up (names unknown)';
    }
    const runner = config.dnsProvider === 'hook' ? hookRunnerFor(config) : undefined;
    if (runner) {
        let removed = 0;
        for (const domain of names) {
            if (await runHookCleanup(runner, { domain, type, value }, log))
                removed++;
        }
        return `${removed} of ${names.length} removed by dns-hook`;
    }
    if (config.dnsProvider !== 'alidns') {
        log.info(`The validation record ${type} ${names.join(', ')} = ${value} is no longer needed: remove it if you made it.`);
        return `left to you (dns-provider ${config.dnsProvider})`;
    }
    try {
        const zones = await dns.listZones();
        let removed = 0;
        for (const name of names) {
            const match = zoneForName(name, zones);
            if (!match)
                continue;
            for (const record of await dns.findRecords(match.zone, match.rr, type, value)) {
                const item = { kind: 'alidns-record', recordId: record.recordId, ...match, type };
                if (await removeAlidnsRecord(dns, item, log))
                    removed++;
            }
        }
        return `${removed} removed from Alibaba Cloud DNS`;
    }
    catch (error) {
        if (!(error instanceof AliyunApiError))
            throw error;
        log.warning(`The validation records of order ${orderId} could not be looked up (${error.describe()}); ` +
            `remove any ${type} record ${names.join(', ')} with the value ${value} yourself.`);
        return 'not removed (see the warning)';
    }
}

export { cancelOrder };
