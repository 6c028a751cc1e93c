/** An instance already used for exactly these domains (pending, or issued), to resume or reuse before a new one. */
function instanceForDomains(instances, domains) {
    const wanted = [...new Set(domains.map((d) => d.toLowerCase()))].sort().join(',');
    return instances.find((i) => (i.state === 'pending' || i.state === 'issued') &&
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
    const held = instanceForDomains(instances, domains);
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

// Pure: the next wait between status checks (backoff from poll-interval up to max-poll-interval, bounded by the deadline).
function nextPollDelayMs(previousMs, schedule) {
    const grown = previousMs === undefined ? schedule.firstMs : Math.min(schedule.maxMs, previousMs * 2);
    return Math.max(0, grown);
}

export { chooseCertificateApi as c, firstInactive as f, instanceForDomains as i, nextPollDelayMs as n };
