import { A as AliyunApiError } from './errors-C5QZtfof.js';
import { d as daysRemaining } from './certificate-BC3APJPC.js';
import { F as FlowError } from './errors-zb-a6KJc.js';
import { v as validationBaseName, s as sameDomainSet } from './records-mpoW_6HM.js';

// The low vocabulary of certificate orders that config, services, authorities and flows share. Pure types and the
// order list's statuses; the "about to expire" status is spelled WILLEXPRIED in the 2020-04-07 reference and
// WILLEXPIRED by the SDK and newer pages: both are read as one (docs/vendor-facts.md).
const LIST_STATUSES = [
    'PAYED',
    'CHECKING',
    'CHECKED_FAIL',
    'ISSUED',
    'WILLEXPIRED',
    'EXPIRED',
    'NOTACTIVATED',
    'REVOKED',
];
const SPELLINGS = { WILLEXPRIED: 'WILLEXPIRED' };
function parseListStatus(raw) {
    const upper = (raw ?? '').trim().toUpperCase();
    const known = SPELLINGS[upper] ?? upper;
    return LIST_STATUSES.includes(known) ? known : 'UNKNOWN';
}
/** Issued and still valid: about to expire counts. */
const isIssued = (status) => status === 'ISSUED' || status === 'WILLEXPIRED';
/** Waiting for validation or the CA. */
const isInFlight = (status) => status === 'CHECKING';
/** The issued order that lasts longest. */
function latestIssued(orders) {
    return orders
        .filter((o) => isIssued(o.status))
        .sort((a, b) => (b.certEndTime?.getTime() ?? 0) - (a.certEndTime?.getTime() ?? 0))[0];
}
/** A free product (`digicert-free-1-free`): it cannot be renewed in place. */
function isFreeProduct(productCode) {
    return productCode !== undefined && /(^|-)free(-|$)/i.test(productCode);
}

/**
 * An instance already used for exactly these domains, to resume or reuse before a new one: pending, or issued and
 * not due by `dueBy` (an issued instance cannot apply again, so a due one makes way for an inactive one).
 */
function instanceForDomains(instances, domains, dueBy) {
    const wanted = [...new Set(domains.map((d) => d.toLowerCase()))].sort().join(',');
    const due = (i) => dueBy !== undefined && i.notAfter !== undefined && i.notAfter <= dueBy;
    return instances.find((i) => (i.state === 'pending' || (i.state === 'issued' && !due(i))) &&
        [...new Set(i.domains)].sort().join(',') === wanted &&
        wanted !== '');
}
function firstInactive(instances, certificateType) {
    return instances.find((i) => i.state === 'inactive' && (i.certificateType ?? 'DV').toUpperCase() === certificateType.toUpperCase());
}
/**
 * SPEC's rule, with one guard first so a scheduled run stays idempotent: an order already serving these domains
 * (in flight, or issued and not due) keeps the order API whatever the quota says.
 */
function chooseCertificateApi(facts, domains) {
    if (facts.requested !== 'auto')
        return { api: facts.requested, reason: `certificate-api is ${facts.requested}` };
    if (facts.instanceId)
        return { api: 'instance', reason: `instance-id ${facts.instanceId} is given` };
    if (facts.orderId)
        return { api: 'order', reason: `order-id ${facts.orderId} is given` };
    if (domains.length > 0 && !facts.ordersChecked)
        return { need: 'orders' };
    if (facts.activeOrderId) {
        return { api: 'order', reason: `order ${facts.activeOrderId} already serves these domains` };
    }
    if (!facts.quota)
        return { need: 'quota' };
    const q = facts.quota;
    const product = q.productCode || facts.productCode || 'the default product';
    const room = q.total - q.used;
    if (room > 0)
        return { api: 'order', reason: `${room} of ${q.total} left in the V1.0 quota of ${product}` };
    const noQuota = `no V1.0 quota left for ${product} (${q.used} of ${q.total} used)`;
    if (!facts.instances && !facts.instancesError)
        return { need: 'instances' };
    const instances = facts.instances ?? [];
    const held = instanceForDomains(instances, domains, facts.dueBy);
    if (held) {
        return {
            api: 'instance',
            instanceId: held.instanceId,
            reason: `${noQuota}; instance ${held.instanceId} already holds these domains (${held.serviceStatus})`,
        };
    }
    const inactive = firstInactive(instances, facts.certificateType);
    if (inactive) {
        return {
            api: 'instance',
            instanceId: inactive.instanceId,
            reason: `${noQuota}; ${inactive.instanceId} is an inactive ${facts.certificateType} instance`,
        };
    }
    const instanceLack = facts.instancesError
        ? `the V2.0 instance API did not answer (${facts.instancesError})`
        : `the V2.0 instance API has no inactive ${facts.certificateType} instance (${instances.length} instance(s) listed)`;
    return {
        error: `certificate-api auto found no room in either certificate API: the 2020 order API has ${noQuota}, and ` +
            `${instanceLack}; buy a certificate package or a V2.0 instance, or cancel an unused order to return its quota.`,
    };
}

// Finding the order that already serves an intent, so that nothing is ordered twice.
/** Orders of exactly these domains (and this product, when one was named), newest first. */
async function listOrdersForDomains(authority, domains, productCode) {
    const first = domains[0];
    if (!first)
        return [];
    const all = await authority.listOrders({ keyword: validationBaseName(first) });
    return all
        .filter((o) => sameDomainSet(o.domains, domains))
        .filter((o) => !productCode || !o.productCode || o.productCode === productCode)
        .sort((a, b) => compareIds(b.orderId, a.orderId));
}
function inFlightOrder(orders) {
    return orders.find((o) => isInFlight(o.status));
}
/**
 * A create call was sent and no clear answer came back. The quota's used count tells whether it took effect;
 * if it did, find the new order and adopt it. Only a create proven not to have happened may be sent again.
 */
async function reconcileUncertainCreate(ctx, error, before, domains, productCode) {
    const { authority, log } = ctx;
    log.warning(`${error.describe()}; checking whether the order was created before doing anything else.`);
    for (let check = 1; check <= 5; check++) {
        const orders = await listOrdersForDomains(authority, domains, productCode);
        const created = orders.find((o) => !before.knownOrderIds.has(o.orderId) && o.status !== 'REVOKED');
        if (created) {
            log.info(`The uncertain create did take effect: adopting order ${created.orderId}.`);
            return created.orderId;
        }
        const quota = await authority.describePackageState(productCode);
        if (quota.used <= before.used) {
            log.info('The uncertain create did not take effect (quota unchanged): it is safe to order.');
            return undefined;
        }
        await ctx.sleep(Math.min(2_000 * check, 10_000));
    }
    throw new FlowError(`${error.action} may have created an order for ${domains.join(', ')} that cannot be found yet; ` +
        'run again later: the next run resumes it instead of ordering twice.');
}
function compareIds(a, b) {
    return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

// Which certificate API serves this run: the pure decision of authority/choose.ts, fed with what the account shows,
// read only as far as the decision needs, and logged in one line that says which API and why.
async function resolveCertificateApi(ctx, domains) {
    const { config, log } = ctx;
    const facts = {
        requested: config.certificateApi,
        instanceId: config.instanceId,
        orderId: config.orderId,
        certificateType: config.certificateType,
        productCode: config.productCode,
        dueBy: dueBy(ctx),
    };
    let orders;
    for (;;) {
        const choice = chooseCertificateApi(facts, domains);
        if ('error' in choice)
            throw new FlowError(choice.error);
        if ('api' in choice) {
            // Explicit choices need no line; a decision the action made says which API and why.
            if (config.certificateApi === 'auto')
                log.info(`Certificate API: ${choice.api} (auto: ${choice.reason}).`);
            const quota = choice.api === 'order' ? facts.quota : undefined;
            return { ...choice, orders, instances: facts.instances, ...(quota ? { quota } : {}) };
        }
        if (choice.need === 'orders') {
            orders = await listOrdersForDomains(ctx.authority, domains, config.productCode);
            facts.ordersChecked = true;
            facts.activeOrderId = activeOrder(ctx, orders)?.orderId;
        }
        else if (choice.need === 'quota') {
            facts.quota = await ctx.authority.describePackageState(config.productCode);
        }
        else {
            const api = ctx.instances?.instance;
            if (!api) {
                facts.instancesError = 'not wired in this caller';
                continue;
            }
            try {
                facts.instances = await api.listInstances();
            }
            catch (error) {
                // An account or a site without the V2.0 API answers with a service error: that API has no room.
                if (!(error instanceof AliyunApiError) || error.outcomeUnknown)
                    throw error;
                facts.instancesError = error.code;
            }
        }
    }
}
/** A certificate that ends by then is due. */
function dueBy(ctx) {
    return new Date(ctx.now().getTime() + ctx.config.renewBeforeDays * 86_400_000);
}
/** In flight, or issued with more days left than renew-before-days: the order API keeps serving these domains. */
function activeOrder(ctx, orders) {
    const now = ctx.now();
    return (inFlightOrder(orders) ??
        orders.find((o) => isIssued(o.status) && o.certEndTime && daysRemaining(o.certEndTime, now) > ctx.config.renewBeforeDays));
}

// Pure: the next wait between status checks (backoff from poll-interval up to max-poll-interval, bounded by the deadline).
function nextPollDelayMs(previousMs, schedule) {
    const grown = previousMs === undefined ? schedule.firstMs : Math.min(schedule.maxMs, previousMs * 2);
    return Math.max(0, grown);
}

export { latestIssued as a, reconcileUncertainCreate as b, isFreeProduct as c, isIssued as d, instanceForDomains as e, dueBy as f, firstInactive as g, inFlightOrder as i, listOrdersForDomains as l, nextPollDelayMs as n, parseListStatus as p, resolveCertificateApi as r };
