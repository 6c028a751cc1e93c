import { F as FlowError, aF as acceptCertificate, C as splitPemBundle, aG as momentInsideValidity, D as describeCertificate, n as nextPollDelayMs, aH as stillToDo, aB as validationBaseName, aI as instanceForDomains, aJ as dueBy, aK as firstInactive, ap as sameDomainSet, p as daysRemaining, aL as reuseUnlessDue, A as AliyunApiError, k as dayCount, ag as statusReport, aC as removeChallengeRecords, aq as emptyResult } from './start.js';

const API_NAMES = { instance: 'the V2.0 instance API', 'legacy-dv': 'the 2018 DV API' };
/** The DNS names and end of a PEM certificate (leaf first); no names when it does not parse. */
function certificateFacts(pem) {
    const leaf = splitPemBundle(pem)[0];
    try {
        if (!leaf)
            return { names: [] };
        const { names, notAfter } = describeCertificate(leaf);
        return { names, notAfter };
    }
    catch {
        return { names: [] };
    }
}
/** The issued certificate and key, checked: names cover the domains, key matches (the key masked on arrival). */
async function fetchChecked(ctx, api, status, domains, expectKey) {
    const id = status.instanceId;
    const { certificate, privateKey } = await api.fetchCertificate(status);
    if (!certificate)
        throw new FlowError(`Instance ${id} is issued but the service returned no certificate; run again.`);
    if (expectKey && !privateKey) {
        throw new FlowError(`Instance ${id} is issued but the service returned no private key; an application made with a CSR keeps ` +
            'its key with you: pass the same csr input.');
    }
    return acceptCertificate(`The certificate of instance ${id}`, {
        certificatePem: certificate,
        // With a csr the key is the user's: one the service sends is dropped, and the leaf must carry the CSR's key.
        ...(expectKey ? { privateKeyPem: privateKey } : { csrPem: ctx.config.csr }),
        domains,
        now: domains.length === 0 ? certificateMoment(certificate) : ctx.now(),
    });
}
/** A moment inside the certificate's validity: reading one (status, the reuse check) judges its dates apart. */
function certificateMoment(pem) {
    const leaf = splitPemBundle(pem)[0];
    if (!leaf)
        return new Date();
    try {
        return momentInsideValidity(describeCertificate(leaf), new Date());
    }
    catch {
        return new Date();
    }
}

/**
 * Polls until issued or the deadline; presents every validation entry (each with its own strategy), cleans up.
 * An entry is presented only for one of the `ordered` names: the answer's own Domain is not trusted.
 */
async function waitForInstance(ctx, api, instanceId, timeline, ordered) {
    const { config, log } = ctx;
    const started = ctx.now().getTime();
    const schedule = {
        firstMs: config.pollIntervalSeconds * 1000,
        maxMs: config.maxPollIntervalSeconds * 1000,
        deadline: started + config.waitTimeoutSeconds * 1000,
    };
    const strategies = new Map();
    const presented = new Map();
    const recordNames = new Map();
    let checks = 0;
    try {
        for (;;) {
            // Applied (or pending) by now: the instance's own answer, without the 2018 list read before it.
            const status = await api.describeInstance(instanceId);
            const word = status.serviceStatus || status.state;
            if (timeline.at(-1)?.state !== word) {
                timeline.push({ at: ctx.now(), state: word });
                log.info(`Instance ${instanceId}: ${word}`);
            }
            if (status.state === 'issued')
                return { status, timeline, recordNames: [...recordNames.values()].flat() };
            if (status.state !== 'pending' && status.state !== 'inactive') {
                throw new FlowError(`Instance ${instanceId} is '${word}', so it will not be issued; look at it with mode: status and ` +
                    'apply again on an inactive instance.', { instanceId, state: status.state, timeline, details: [] });
            }
            // An empty validation list right after applying is normal: the service fills it in a while later.
            for (const { domain, challenge } of status.challenges) {
                const key = JSON.stringify(challenge);
                if (presented.get(domain) === key)
                    continue;
                requireOrdered(instanceId, domain, ordered);
                let strategy = strategies.get(domain);
                if (!strategy) {
                    strategy = await ctx.validation(`${instanceId}/${domain}`);
                    strategies.set(domain, strategy);
                }
                recordNames.set(domain, await strategy.present(challenge, [domain]));
                presented.set(domain, key);
            }
            const now = ctx.now().getTime();
            if (now >= schedule.deadline)
                return { status, timeline, recordNames: [...recordNames.values()].flat() };
            // Full jitter within [poll-interval, ceiling], so runs polling at once drift apart (src/core/poll.ts).
            const delay = nextPollDelayMs(++checks, schedule);
            await ctx.sleep(Math.min(delay, schedule.deadline - now));
        }
    }
    finally {
        for (const strategy of strategies.values())
            await strategy.cleanup();
    }
}
function requireOrdered(instanceId, domain, ordered) {
    const bases = ordered.map((name) => validationBaseName(name.toLowerCase()));
    if (bases.includes(validationBaseName(domain.toLowerCase())))
        return;
    throw new FlowError(`The validation list of instance ${instanceId} has an entry for ${domain || 'no name'}, which is not one of ` +
        `the names ordered (${ordered.join(', ') || 'none known: give the domains input'}); refusing to write ` +
        'anything for it.');
}
function pendingInstanceResult(ctx, outcome, instanceId) {
    const { config } = ctx;
    const { status } = outcome;
    const open = status.challenges;
    const toDo = open.length > 0
        ? open.map((c) => stillToDo(c.challenge, [], ctx.validationSettings)).join('; ')
        : status.state === 'pending' && open.length === 0
            ? `wait for the service to list the validation, then for the certificate authority ('${status.serviceStatus}')`
            : `wait for the certificate authority ('${status.serviceStatus || status.state}')`;
    const result = {
        status: 'pending',
        instanceId,
        challenge: open[0]?.challenge,
        recordNames: outcome.recordNames,
        state: status.serviceStatus || status.state,
        timeline: outcome.timeline,
        details: [['Still to do', toDo]],
    };
    if (config.failOnPending) {
        throw new FlowError(`Instance ${instanceId} is still '${result.state}' after wait-timeout ${config.waitTimeoutSeconds}s; still ` +
            `to do: ${toDo}. Run again with instance-id ${instanceId} (or the same domains) to resume it, or set ` +
            'fail-on-pending: false.', result);
    }
    return result;
}

// `issue` on an instance (the V2.0 instance API or the 2018 DV API; docs/certificate-apis.md): reuse what the
// instance holds while it is good, resume an application under way, otherwise apply once; then validate every
// entry of the validation list, wait for the CA, fetch. Loaded only when an instance API serves the run.
async function issueOnInstance(ctx, api, domains, chosen) {
    const { config, log } = ctx;
    const expectKey = !config.csr;
    const instanceId = chosen.instanceId ?? config.instanceId ?? (await pickInstance(ctx, api, domains, chosen.instances));
    let status = await readInstance(api, instanceId);
    const timeline = [{ at: ctx.now(), state: status.serviceStatus || status.state }];
    if (status.state === 'issued') {
        const reused = await reuseIssued(ctx, api, status, domains, expectKey);
        if (reused)
            return reused;
        throw new FlowError(`Instance ${instanceId} already holds a certificate for ${status.domains.join(', ') || 'other names'} that is ` +
            'due or for other names, and an issued instance cannot apply again; give another instance-id, or leave ' +
            'instance-id out so an inactive instance is used.', { instanceId, timeline, details: [] });
    }
    if (status.state === 'inactive') {
        const task = await api.applicationTask(instanceId);
        if (task === 'processing' || task === 'success') {
            log.info(`Instance ${instanceId}: an application is already under way (task ${task}): resuming it.`);
        }
        else {
            if (domains.length === 0) {
                throw new FlowError(`Instance ${instanceId} is inactive: give the domains input to apply for a certificate.`);
            }
            requireCompany(status.certificateType, instanceId, config.companyId);
            await applyOnce(ctx, api, instanceId, applicationOf(ctx, domains));
        }
    }
    else if (status.state === 'pending') {
        log.info(`Instance ${instanceId} is already pending (${status.serviceStatus}): resuming it, not applying again.`);
    }
    else {
        throw new FlowError(`Instance ${instanceId} is '${status.serviceStatus || status.state}', so it cannot issue a certificate; ` +
            'give another instance-id, or leave it out so an inactive instance is used.', { instanceId, state: status.state, timeline, details: [] });
    }
    const ordered = domains.length > 0 ? domains : status.domains;
    const outcome = await waitForInstance(ctx, api, instanceId, timeline, ordered);
    status = outcome.status;
    if (status.state !== 'issued')
        return pendingInstanceResult(ctx, outcome, instanceId);
    const certificate = await fetchChecked(ctx, api, status, domains, expectKey);
    return {
        status: 'issued',
        instanceId,
        certId: status.certId,
        certificate,
        timeline: outcome.timeline,
        details: [['Certificate API', API_NAMES[api.api]]],
    };
}
/** The instance that serves these domains already, else the first usable one (every page). */
async function pickInstance(ctx, api, domains, listed) {
    const { config, log } = ctx;
    const instances = listed ?? (await api.listInstances());
    let held = instanceForDomains(instances, domains, dueBy(ctx));
    if (api.api === 'legacy-dv')
        held = await legacyInstanceForDomains(api, instances, domains, dueBy(ctx));
    if (held) {
        log.info(`Instance ${held.instanceId} already serves ${domains.join(', ')} (${held.serviceStatus}): using it.`);
        return held.instanceId;
    }
    const inactive = firstInactive(instances, config.certificateType);
    if (inactive) {
        log.info(`Using the inactive ${config.certificateType} instance ${inactive.instanceId}.`);
        return inactive.instanceId;
    }
    throw new FlowError(`${API_NAMES[api.api]} lists ${instances.length} instance(s) and none is an inactive ${config.certificateType} ` +
        'instance; buy one, or give instance-id.');
}
/** The 2018 list names no domains: the pending or issued instances are read one by one. */
async function legacyInstanceForDomains(api, instances, domains, due) {
    for (const candidate of instances.filter((i) => i.state === 'pending' || i.state === 'issued')) {
        const status = await api.describeInstance(candidate.instanceId);
        const facts = status.certificate
            ? certificateFacts(status.certificate)
            : { names: status.challenges.map((c) => c.domain), notAfter: undefined };
        // An issued one that is due cannot apply again: it makes way for a Paid one.
        if (facts.notAfter && facts.notAfter <= due)
            continue;
        if (facts.names.length > 0 && sameDomainSet(facts.names, domains))
            return candidate;
    }
    return undefined;
}
/** The 2018 DV result answers only once applied: before that, the list says the instance is unused. */
async function readInstance(api, instanceId) {
    if (api.api === 'legacy-dv') {
        const listed = (await api.listInstances()).find((i) => i.instanceId === instanceId);
        if (!listed) {
            throw new FlowError(`DV instance ${instanceId} is not in this account (DescribeOrderInstanceList); check instance-id.`);
        }
        if (listed.state === 'inactive')
            return { ...listed, challenges: [] };
    }
    return api.describeInstance(instanceId);
}
function applicationOf(ctx, domains) {
    const { config } = ctx;
    return {
        domains,
        csr: config.csr,
        validationMethod: config.validationMethod,
        keyAlgorithm: config.keyAlgorithm,
        contactId: config.contactId,
        companyId: config.companyId,
        contact: config.contact,
        province: config.province,
        city: config.city,
    };
}
/** An OV or EV instance is refused without a company before UpdateInstance changes it (ApplyCertificate would be). */
function requireCompany(type, instanceId, companyId) {
    if (!type || type === 'DV' || companyId)
        return;
    throw new FlowError(`Instance ${instanceId} is an ${type} instance, and an ${type} certificate is issued to a company: give ` +
        'company-id (the company in the Certificate Management Service console); the instance was not changed.');
}
/** Configure, then one application; an application whose outcome is unknown is reconciled by reading state. */
async function applyOnce(ctx, api, instanceId, input) {
    const { log } = ctx;
    const action = api.api === 'instance' ? 'ApplyCertificate' : 'CreateDVOrderAudit';
    if (api.api === 'instance') {
        input.contactId ??= await api.firstContactId();
        if (!input.contactId) {
            throw new FlowError(`Instance ${instanceId} needs a contact and ListContact found none; add a contact in the Certificate ` +
                'Management Service console, or give contact-id.');
        }
        await api.prepare(instanceId, input);
        // Some instances submit on UpdateInstance already (docs/certificate-apis.md): then no second application.
        const after = await api.describeInstance(instanceId);
        if (after.state !== 'inactive') {
            log.info(`Instance ${instanceId} went '${after.serviceStatus}' on UpdateInstance: not applying again.`);
            return;
        }
    }
    const apply = async () => {
        await api.apply(instanceId, input);
        log.info(`Applied for a certificate for ${input.domains.join(', ')} on instance ${instanceId} (${action}).`);
    };
    try {
        return await apply();
    }
    catch (error) {
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        log.warning(`${error.describe()}; reading instance ${instanceId} before doing anything else.`);
        if (await applicationTookEffect(api, instanceId)) {
            log.info(`The uncertain ${action} did take effect: instance ${instanceId} is applying.`);
            return;
        }
        log.info(`The uncertain ${action} did not take effect (instance ${instanceId} still unused): applying.`);
    }
    // Proven not to have happened: one more application. If that one is uncertain too, the error says so and stops.
    return apply();
}
async function applicationTookEffect(api, instanceId) {
    const status = await readInstance(api, instanceId);
    if (status.state !== 'inactive')
        return true;
    const task = await api.applicationTask(instanceId);
    return task === 'processing' || task === 'success';
}
async function reuseIssued(ctx, api, status, domains, expectKey) {
    const certificate = await fetchChecked(ctx, api, status, [], false);
    const { info } = certificate;
    if (domains.length > 0 && !sameDomainSet(info.names, domains))
        return undefined;
    const held = {
        label: `Instance ${status.instanceId}`,
        left: daysRemaining(info.notAfter, ctx.now()),
        info,
        state: status.serviceStatus || status.state,
        whenDue: '',
    };
    return reuseUnlessDue(ctx, held, () => fetchChecked(ctx, api, status, domains.length > 0 ? domains : info.names, expectKey), {
        instanceId: status.instanceId,
        certId: status.certId,
        details: [['Certificate API', API_NAMES[api.api]]],
    });
}

// `cancel`, `revoke` and `status` of an instance (docs/certificate-apis.md): CancelPendingCertificate,
// RevokeCertificate and GetInstanceDetail; never the order operations for an instance. Loaded only when used.
function requireInstanceId(ctx) {
    const id = ctx.config.instanceId;
    if (!id)
        throw new FlowError("Input 'instance-id' is required to act on an instance.");
    return id;
}
async function cancelInstance(ctx, api) {
    const { log } = ctx;
    const instanceId = requireInstanceId(ctx);
    const status = await api.describeInstance(instanceId);
    const result = emptyResult('cancelled');
    result.instanceId = instanceId;
    result.details.push(['Previous state', status.serviceStatus || status.state]);
    if (status.state === 'issued') {
        throw new FlowError(`Instance ${instanceId} is already issued, so its application cannot be cancelled; revoke its certificate ` +
            `with mode: revoke and instance-id ${instanceId}.`);
    }
    if (status.state === 'inactive') {
        const task = await api.applicationTask(instanceId);
        if (task !== 'processing') {
            log.notice(`Instance ${instanceId} has no application pending, so there is nothing to cancel.`);
            return result;
        }
    }
    else if (status.state !== 'pending') {
        throw new FlowError(`Instance ${instanceId} is '${status.serviceStatus}', which has no application to cancel; look at it with mode: status.`);
    }
    await api.cancel(instanceId);
    // Asynchronous at the service: the instance may read pending for minutes after (docs/certificate-apis.md).
    log.info(`Instance ${instanceId}: the pending application is cancelled (CancelPendingCertificate).`);
    result.details.push(['Calls', 'CancelPendingCertificate']);
    const removed = [];
    for (const { domain, challenge } of status.challenges) {
        if (challenge.method === 'DNS')
            removed.push(await removeChallengeRecords(challenge, [domain], ctx));
    }
    if (removed.length > 0)
        result.details.push(['Validation records', removed.join('; ')]);
    return result;
}
async function revokeInstance(ctx, api) {
    const { log } = ctx;
    const instanceId = requireInstanceId(ctx);
    const status = await api.describeInstance(instanceId);
    const result = emptyResult('revoked');
    result.instanceId = instanceId;
    if (status.state === 'revoked') {
        log.notice(`Instance ${instanceId} is already revoked, so there is nothing to do.`);
        result.details.push(['Previous state', 'already revoked']);
        return result;
    }
    if (status.state !== 'issued') {
        throw new FlowError(`Instance ${instanceId} is '${status.serviceStatus || status.state}' and has no issued certificate to revoke` +
            (status.state === 'pending' ? '; withdraw its application with mode: cancel.' : '.'));
    }
    const certificate = await fetchChecked(ctx, api, status, [], false);
    await api.revoke(instanceId, status.certId);
    const { info } = certificate;
    log.info(`Instance ${instanceId}: the certificate for ${info.names.join(', ')} is revoked (RevokeCertificate).`);
    result.certId = status.certId;
    result.details.push(['Revoked certificate', `${info.names.join(', ')}, serial ${info.serialNumber}`], ['SHA-256 fingerprint', info.fingerprintSha256]);
    return result;
}
async function reportInstance(ctx, api) {
    const { log } = ctx;
    const instanceId = requireInstanceId(ctx);
    const status = await api.describeInstance(instanceId);
    const result = emptyResult('active');
    result.instanceId = instanceId;
    result.state = status.serviceStatus || status.state;
    result.certId = status.certId;
    result.challenge = status.challenges[0]?.challenge;
    if (status.state === 'issued') {
        result.certificate = await fetchChecked(ctx, api, status, [], false);
        const { info } = result.certificate;
        log.info(`Instance ${instanceId}: issued, certificate for ${info.names.join(', ')} valid, ` +
            `${dayCount(daysRemaining(info.notAfter, ctx.now()))} left (until ${info.notAfter.toISOString()}).`);
    }
    else {
        log.info(`Instance ${instanceId}: ${result.state}.`);
    }
    result.details.push(['Instance state', result.state]);
    return result;
}
/** `status` of the account: the instances, when the instance API answers (an account without it is no failure). */
async function listAccountInstances(ctx, api, result) {
    let instances;
    try {
        instances = await api.listInstances();
    }
    catch (error) {
        if (!(error instanceof AliyunApiError) || error.outcomeUnknown)
            throw error;
        ctx.log.info(`The V2.0 instance API did not answer (${error.code}): no instances reported.`);
        return;
    }
    const counts = new Map();
    for (const i of instances)
        counts.set(i.serviceStatus, (counts.get(i.serviceStatus) ?? 0) + 1);
    const byStatus = [...counts].map(([s, n]) => `${n} ${s}`).join(', ') || 'none';
    ctx.log.info(`V2.0 instances: ${instances.length} (${byStatus}).`);
    result.details.push(['V2.0 instances', `${instances.length} (${byStatus})`]);
    statusReport(result).instances = instances.map((i) => ({
        instanceId: i.instanceId,
        status: i.serviceStatus,
        domains: i.domains,
        ...(i.notAfter ? { notAfter: i.notAfter } : {}),
    }));
}

export { reportInstance as a, cancelInstance as c, issueOnInstance as i, listAccountInstances as l, revokeInstance as r };
