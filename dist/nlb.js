import { v as isRecord, A as AliyunApiError, x as parseRegionalResource } from './start.js';

// The NLB deploy target (API 2022-04-30): a TCPSSL listener's default certificate (`UpdateListenerAttribute`
// `CertificateIds.1`, read back with `GetListenerAttribute`) or, on an ` sni` line, one of its additional
// certificates (`AssociateAdditionalCertificatesWithListener`, read back with `ListListenerCertificates`).
// Certificates are named by CAS identifier `<certId>-<certRegion>`; every write is asynchronous (docs/deploy.md).
/** A certificate on its way off: the document spells it `Diassociating`; the other spellings are read alike. */
const LEAVING = /^(Diassociating|Dissociating|Disassociating)$/i;
const VERSION = '2022-04-30';
const ENDPOINT_INPUT = 'nlb-endpoint';
/** Bounds a listing whose NextToken never ends. */
const MAX_PAGES = 100;
const text = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
const texts = (value) => Array.isArray(value) ? value.map(text).filter((v) => v !== undefined) : [];
/** `123-cn-hangzhou` → `123`; an id of the product's own (not held at CAS) is undefined. */
function casIdOf(identifier) {
    return /^(\d+)-[a-z]+(?:-[a-z0-9]+)+$/.exec(identifier)?.[1];
}
/** The listener states a switch passes through, so time settles them. */
const SETTLING = new Set(['Configuring', 'Provisioning', 'Starting']);
/** What GetListenerAttribute says a listener serves, in the engine's words. */
function readListenerAttribute(answer) {
    const protocol = text(answer.ListenerProtocol) ?? 'unknown';
    const status = text(answer.ListenerStatus) ?? 'unknown';
    const identifier = texts(answer.CertificateIds)[0];
    const certId = identifier === undefined ? undefined : (casIdOf(identifier) ?? identifier);
    const failure = protocol !== 'TCPSSL'
        ? `the listener is ${protocol}, not TCPSSL, and serves no certificate`
        : ['Stopping', 'Stopped', 'Deleting', 'Deleted'].includes(status)
            ? `the listener is ${status}: start it in the NLB console`
            : undefined;
    return {
        ...(certId === undefined ? {} : { certId }),
        inEffect: status === 'Running' && protocol === 'TCPSSL',
        settling: SETTLING.has(status),
        ...(failure ? { failure } : {}),
        held: identifier === undefined || casIdOf(identifier) !== undefined,
        summary: `${certId === undefined ? 'no certificate' : `certificate ${certId}`}, ${status}`,
    };
}
/** What ListListenerCertificates says of the additional certificates: those Associated are served. */
function readAdditional(listed, listenerStatus) {
    const additional = listed.filter((c) => !c.isDefault);
    const extensions = additional
        .filter((c) => c.status === 'Associated')
        .map((c) => casIdOf(c.identifier) ?? c.identifier);
    const moving = additional.filter((c) => c.status !== 'Associated');
    return {
        extensions,
        inEffect: listenerStatus.inEffect,
        settling: listenerStatus.settling || moving.length > 0,
        ...(listenerStatus.failure ? { failure: listenerStatus.failure } : {}),
        held: true,
        summary: `additional certificates ${extensions.length > 0 ? extensions.join(', ') : 'none'}${moving.length > 0
            ? ` (${moving.map((c) => `${casIdOf(c.identifier) ?? c.identifier} ${c.status}`).join(', ')})`
            : ''}`,
    };
}
function readCertificates(answer) {
    const rows = Array.isArray(answer.Certificates) ? answer.Certificates : [];
    return rows.filter(isRecord).flatMap((row) => {
        const identifier = text(row.CertificateId);
        if (identifier === undefined)
            return [];
        return [{ identifier, isDefault: row.IsDefault === true, status: text(row.Status) ?? 'Associated' }];
    });
}
const onChinaSite = (region) => region.startsWith('cn-');
const createNlbTarget = (services, options) => {
    /** Regions of the listeners named so far (the engine reads each before `alsoInUse`): where that looks. */
    const regions = new Set();
    const listenerOf = (resource) => {
        const parsed = parseRegionalResource(resource, true);
        const region = parsed.region ?? options.region;
        regions.add(region);
        return { id: parsed.id, region, sni: parsed.sni };
    };
    const call = (region, action, params, changesState) => services.client.call({
        endpoint: services.endpointOverride('nlb') ?? `https://nlb.${region}.aliyuncs.com`,
        version: VERSION,
        action,
        params: { RegionId: region, ...params },
        changesState,
    });
    const identifier = (certId) => `${certId}-${options.certRegion}`;
    const attributes = (listener) => call(listener.region, 'GetListenerAttribute', { ListenerId: listener.id }, false);
    async function certificates(region, listenerId) {
        const all = [];
        let token;
        for (let page = 0; page < MAX_PAGES; page++) {
            const answer = await call(region, 'ListListenerCertificates', { ListenerId: listenerId, CertType: 'Server', MaxResults: 50, NextToken: token }, false);
            all.push(...readCertificates(answer));
            token = text(answer.NextToken);
            if (!token)
                break;
        }
        return all;
    }
    /** Sends a write; when its answer was lost, looks first, and sends it again only if it surely did not take. */
    async function write(send, took) {
        try {
            await send();
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                throw error;
            if (!(await took()))
                await send();
        }
    }
    const isMissing = (code) => /^ResourceNotFound\.listener$/i.test(code);
    const describe = (resource) => {
        const listener = listenerOf(resource);
        return `NLB listener ${listener.id} in ${listener.region}${listener.sni ? ' (additional certificate)' : ''}`;
    };
    const target = {
        label: 'NLB',
        input: 'deploy',
        endpointInput: ENDPOINT_INPUT,
        describe,
        // A listener names no domain: any certificate may be served there; SNI picks among the additional ones.
        covers: () => true,
        async serving(resource) {
            const listener = listenerOf(resource);
            const state = readListenerAttribute(await attributes(listener));
            if (!listener.sni)
                return state;
            return readAdditional(await certificates(listener.region, listener.id), state);
        },
        async set(resource, certId) {
            const listener = listenerOf(resource);
            const id = identifier(certId);
            if (listener.sni) {
                await write(async () => {
                    try {
                        await call(listener.region, 'AssociateAdditionalCertificatesWithListener', { ListenerId: listener.id, 'AdditionalCertificateIds.1': id }, true);
                    }
                    catch (error) {
                        // Associated, or being associated, already (an earlier run's call): the same state.
                        if (!(error instanceof AliyunApiError && error.code === 'ResourceAlreadyAssociated.Certificate'))
                            throw error;
                    }
                }, async () => (await certificates(listener.region, listener.id)).some((c) => c.identifier === id));
                return;
            }
            await write(() => call(listener.region, 'UpdateListenerAttribute', { ListenerId: listener.id, 'CertificateIds.1': id }, true), async () => {
                const answer = await attributes(listener);
                // Configuring: a write is under way, ours; the engine's reads see whether it ends with this one.
                return texts(answer.CertificateIds).includes(id) || SETTLING.has(text(answer.ListenerStatus) ?? '');
            });
        },
        async detach(resource, certIds) {
            const listener = listenerOf(resource);
            const leaving = async () => (await certificates(listener.region, listener.id))
                .filter((c) => !c.isDefault && c.status === 'Associated')
                .map((c) => c.identifier)
                .filter((id) => certIds.includes(casIdOf(id) ?? id));
            const ids = await leaving();
            if (ids.length === 0)
                return undefined;
            await write(() => call(listener.region, 'DisassociateAdditionalCertificatesWithListener', {
                ListenerId: listener.id,
                ...Object.fromEntries(ids.map((id, index) => [`AdditionalCertificateIds.${index + 1}`, id])),
            }, true), async () => (await leaving()).length === 0);
            return undefined;
        },
        isMissing,
        isExtension: (resource) => listenerOf(resource).sni,
        regionOf: (resource) => listenerOf(resource).region,
        async check(resource) {
            const listener = listenerOf(resource);
            const named = `names NLB listener ${listener.id} in ${listener.region}`;
            if (onChinaSite(listener.region) !== onChinaSite(options.certRegion)) {
                return `${named}, but the certificate is held at Certificate Management Service in ${options.certRegion} (the ${onChinaSite(options.certRegion) ? 'China' : 'international'} site), which that region cannot use: set region to the listener's site, or deploy from a run there`;
            }
            try {
                const answer = await attributes(listener);
                const state = readListenerAttribute(answer);
                const protocol = text(answer.ListenerProtocol);
                if (protocol !== 'TCPSSL') {
                    return `${named}, which is a ${protocol ?? 'non-TCPSSL'} listener, not TCPSSL: only a TCPSSL listener serves a certificate`;
                }
                return state.failure ? `${named}: ${state.failure}` : undefined;
            }
            catch (error) {
                if (!(error instanceof AliyunApiError && isMissing(error.code)))
                    throw error;
                return `${named}, which is not a listener of this account there (${error.code}): check its id (lsn-…@<port>) and region, or ${ENDPOINT_INPUT}`;
            }
        },
        async alsoInUse(certIds) {
            if (certIds.length === 0)
                return [];
            const used = new Set();
            for (const region of regions) {
                let token;
                const tcpssl = [];
                for (let page = 0; page < MAX_PAGES; page++) {
                    const answer = await call(region, 'ListListeners', { ListenerProtocol: 'TCPSSL', MaxResults: 100, NextToken: token }, false);
                    const rows = Array.isArray(answer.Listeners) ? answer.Listeners.filter(isRecord) : [];
                    for (const row of rows) {
                        for (const id of texts(row.CertificateIds))
                            used.add(casIdOf(id) ?? id);
                        const listenerId = text(row.ListenerId);
                        if (listenerId)
                            tcpssl.push(listenerId);
                    }
                    token = text(answer.NextToken);
                    if (!token)
                        break;
                }
                // Additional certificates are listed per listener; one on its way out is not in use.
                for (const listenerId of tcpssl) {
                    for (const c of await certificates(region, listenerId)) {
                        if (!LEAVING.test(c.status))
                            used.add(casIdOf(c.identifier) ?? c.identifier);
                    }
                }
            }
            return certIds.filter((id) => used.has(id));
        },
    };
    return target;
};

export { casIdOf, createNlbTarget, readAdditional, readListenerAttribute };
