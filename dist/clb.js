import { A as AliyunApiError, t as listField, u as textField, f as certificateCovers, F as FlowError, v as isRecord, x as parseRegionalResource } from './start.js';

// The CLB deploy target (Classic Load Balancer, API SLB 2014-05-15): an HTTPS listener `lb-1:443@cn-hangzhou`
// serves a server certificate of SLB's own, made from the CAS certificate by id (no key leaves CAS) and reused by
// every later run; with ` sni`, each domain extension of the listener whose domain the certificate covers gets it.
// What is set and read back, and the RAM actions: docs/deploy.md.
const VERSION = '2014-05-15';
const ENDPOINT_INPUT = 'clb-endpoint';
/** The regions the official SDK sends to the shared endpoint (its endpoint map); the others have their own. */
const SHARED_ENDPOINT_REGIONS = new Set([
    'cn-qingdao',
    'cn-beijing',
    'cn-hangzhou',
    'cn-shanghai',
    'cn-shenzhen',
    'cn-hongkong',
    'ap-southeast-1',
    'us-east-1',
    'us-west-1',
    'cn-hangzhou-finance',
    'cn-shanghai-finance-1',
    'cn-shenzhen-finance-1',
]);
function clbEndpoint(region) {
    return SHARED_ENDPOINT_REGIONS.has(region)
        ? 'https://slb.aliyuncs.com'
        : `https://slb.${region}.aliyuncs.com`;
}
function clbListener(resource, defaultRegion) {
    const { id, region, sni } = parseRegionalResource(resource);
    const colon = id.lastIndexOf(':');
    return {
        loadBalancerId: id.slice(0, colon),
        port: Number(id.slice(colon + 1)),
        region: region ?? defaultRegion,
        sni,
    };
}
function readServerCertificates(answer) {
    return listField(answer.ServerCertificates, 'ServerCertificate').flatMap((item) => {
        const serverCertificateId = textField(item.ServerCertificateId);
        if (!serverCertificateId)
            return [];
        const fromCas = String(item.IsAliCloudCertificate) === '1';
        const casId = fromCas ? textField(item.AliCloudCertificateId) : undefined;
        const wrapper = item.SubjectAlternativeNames;
        const sans = isRecord(wrapper) ? wrapper.SubjectAlternativeName : undefined;
        const names = [...(Array.isArray(sans) ? sans : [sans]), item.CommonName]
            .map((name) => textField(name)?.toLowerCase())
            .filter((name) => !!name);
        return [{ serverCertificateId, ...(casId ? { casId } : {}), names: [...new Set(names)] }];
    });
}
function readDomainExtensions(answer) {
    return listField(answer.DomainExtensions, 'DomainExtension').map((item) => ({
        domainExtensionId: textField(item.DomainExtensionId) ?? '',
        domain: textField(item.Domain) ?? '',
        serverCertificateId: textField(item.ServerCertificateId) ?? '',
    }));
}
/** The CAS site a region's resources take certificates from: `cn-*` the China site's, the others the international. */
const siteOf = (region) => (region.startsWith('cn-') ? 'cn-hangzhou' : 'ap-southeast-1');
/**
 * What an HTTPS listener's answer means: `running` serves what it names; `configuring` (or `starting`) settles
 * by itself; `stopped` serves nothing until someone starts it.
 */
function readListener(status) {
    const value = (status ?? '').toLowerCase();
    if (value === 'stopped' || value === 'stopping') {
        return {
            inEffect: false,
            settling: false,
            failure: `listener ${value}: start it in the CLB console, then run again`,
        };
    }
    return { inEffect: value === 'running', settling: value !== 'running' };
}
const createClbTarget = (services, options) => {
    const override = services.endpointOverride('clb');
    const address = (resource) => clbListener(resource, options.region);
    /** Regions whose listeners this run read: where alsoInUse looks. */
    const regions = new Set();
    /** The domain extensions check() found, so coverage is known before anything is ordered. */
    const extensionDomains = new Map();
    const call = (region, action, params, changesState = false) => services.client.call({
        endpoint: override ?? clbEndpoint(region),
        version: VERSION,
        action,
        params: { RegionId: region, ...params },
        changesState,
    });
    const listServerCertificates = async (region) => readServerCertificates(await call(region, 'DescribeServerCertificates', {}));
    const listenerParams = (l) => ({
        LoadBalancerId: l.loadBalancerId,
        ListenerPort: l.port,
    });
    const describe = (resource) => {
        const l = address(resource);
        const domains = extensionDomains.get(resource);
        const what = `CLB listener ${l.loadBalancerId}:${l.port} (${l.region})`;
        return l.sni ? `${what} domain extensions${domains ? ` ${domains.join(', ')}` : ''}` : what;
    };
    /** SLB's copy of a CAS certificate in the region: the one made earlier, else made now from its id. */
    async function serverCertificateOf(region, casId) {
        const find = async () => (await listServerCertificates(region)).find((c) => c.casId === casId);
        const existing = await find();
        if (existing)
            return existing;
        try {
            const made = await call(region, 'UploadServerCertificate', {
                AliCloudCertificateId: casId,
                AliCloudCertificateName: `cas-${casId}`,
                AliCloudCertificateRegionId: options.certRegion,
            }, true);
            const [copy] = readServerCertificates({ ServerCertificates: { ServerCertificate: [made] } });
            if (copy)
                return copy;
        }
        catch (error) {
            // Sent, no clear answer: it may have been made; look before anything else.
            if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                throw error;
        }
        const found = await find();
        if (found)
            return found;
        throw new FlowError(`CLB (${region}) made no server certificate from certificate ${casId}; run again.`);
    }
    /** A write that sets a value: sent again once if an unclear answer left it unset. */
    async function setReconciled(write, done) {
        try {
            await write();
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                throw error;
            if (!(await done()))
                await write();
        }
    }
    const target = {
        label: 'CLB',
        input: 'deploy',
        endpointInput: ENDPOINT_INPUT,
        describe,
        covers(names, resource) {
            // A listener's default certificate may be any; an extension is set only where its domain is covered.
            const domains = extensionDomains.get(resource);
            return !address(resource).sni || !domains || domains.some((d) => certificateCovers(names, d));
        },
        isMissing: (code) => code === 'InvalidLoadBalancerId.NotFound',
        isExtension: (resource) => address(resource).sni,
        regionOf: (resource) => address(resource).region,
        async serving(resource) {
            const l = address(resource);
            regions.add(l.region);
            const answer = await call(l.region, 'DescribeLoadBalancerHTTPSListenerAttribute', listenerParams(l));
            const copies = new Map((await listServerCertificates(l.region)).map((c) => [c.serverCertificateId, c]));
            const slbId = textField(answer.ServerCertificateId);
            const casId = (id) => (id ? (copies.get(id)?.casId ?? id) : undefined);
            const extensions = readDomainExtensions(answer).map((e) => casId(e.serverCertificateId) ?? '');
            const status = textField(answer.Status);
            const certId = casId(slbId);
            return {
                ...(certId ? { certId } : {}),
                ...(l.sni ? { extensions } : {}),
                ...readListener(status),
                // A server certificate uploaded with its key is SLB's alone: nothing of it to delete at CAS.
                held: !slbId || copies.get(slbId)?.casId !== undefined,
                summary: `${certId ? `certificate ${certId}` : 'no certificate'}, ${status ?? 'no status'}` +
                    (l.sni ? `, extensions ${extensions.join(', ') || 'none'}` : ''),
            };
        },
        async set(resource, certId) {
            const l = address(resource);
            const copy = await serverCertificateOf(l.region, certId);
            const id = copy.serverCertificateId;
            if (!l.sni) {
                const params = { ...listenerParams(l), ServerCertificateId: id };
                await setReconciled(() => call(l.region, 'SetLoadBalancerHTTPSListenerAttribute', params, true), async () => textField((await call(l.region, 'DescribeLoadBalancerHTTPSListenerAttribute', listenerParams(l)))
                    .ServerCertificateId) === id);
                return;
            }
            const read = async () => readDomainExtensions(await call(l.region, 'DescribeDomainExtensions', listenerParams(l)));
            const all = await read();
            const covered = all.filter((e) => certificateCovers(copy.names, e.domain));
            if (covered.length === 0) {
                throw new FlowError(`${describe(resource)}: certificate ${certId} (${copy.names.join(', ')}) covers none of its domain ` +
                    `extensions (${all.map((e) => e.domain).join(', ') || 'it has none'}): add a domain extension ` +
                    'for one of its names in the CLB console, or deploy a certificate for one of those domains.');
            }
            for (const extension of covered.filter((e) => e.serverCertificateId !== id)) {
                const params = { DomainExtensionId: extension.domainExtensionId, ServerCertificateId: id };
                await setReconciled(() => call(l.region, 'SetDomainExtensionAttribute', params, true), async () => (await read()).some((e) => e.domainExtensionId === extension.domainExtensionId && e.serverCertificateId === id));
            }
        },
        // A domain extension holds exactly one certificate, and set replaced it on every extension the new one
        // covers; one it does not cover keeps its own, since taking it away would end HTTPS for that domain.
        detach: async () => [],
        async check(resource) {
            const l = address(resource);
            regions.add(l.region);
            const name = `${l.loadBalancerId}:${l.port}`;
            let answer;
            try {
                answer = await call(l.region, 'DescribeLoadBalancerAttribute', { LoadBalancerId: l.loadBalancerId });
            }
            catch (error) {
                if (!(error instanceof AliyunApiError && target.isMissing(error.code)))
                    throw error;
                return `names ${name}, but ${l.loadBalancerId} is not a CLB instance of this account in ${l.region} (${error.code}): check the id and its region, or ${ENDPOINT_INPUT}`;
            }
            const ports = listField(answer.ListenerPortsAndProtocol, 'ListenerPortAndProtocol');
            const listener = ports.find((p) => Number(p.ListenerPort) === l.port);
            if (!listener) {
                return `names ${name}, but CLB instance ${l.loadBalancerId} has no listener on port ${l.port} (it listens on ${ports.map((p) => p.ListenerPort).join(', ') || 'no port'})`;
            }
            const protocol = (textField(listener.ListenerProtocol) ?? '').toLowerCase();
            if (protocol !== 'https') {
                return `names ${name}, whose listener is ${protocol.toUpperCase()}, not HTTPS: CLB serves certificates on HTTPS listeners only`;
            }
            if (siteOf(l.region) !== options.certRegion) {
                return `names ${name} in ${l.region}, which takes certificates held in ${siteOf(l.region)}, but this run's certificates are held in ${options.certRegion} (region mismatch between CAS and CLB): deploy from a run whose region is on the same site`;
            }
            if (!l.sni)
                return undefined;
            const domains = readDomainExtensions(await call(l.region, 'DescribeDomainExtensions', listenerParams(l))).map((e) => e.domain);
            if (domains.length === 0) {
                return `names ${name} sni, but that listener has no domain extensions: add one in the CLB console, or remove ' sni'`;
            }
            extensionDomains.set(resource, domains);
            return undefined;
        },
        async alsoInUse(certIds) {
            const wanted = new Set(certIds);
            const used = new Set();
            for (const region of regions) {
                const copies = await listServerCertificates(region);
                const usedHere = await serverCertificatesInUse(region);
                for (const copy of copies) {
                    if (!copy.casId || !wanted.has(copy.casId))
                        continue;
                    if (usedHere.has(copy.serverCertificateId))
                        used.add(copy.casId);
                }
                // SLB's copy of a superseded certificate no listener of the region uses goes with it (docs/deploy.md).
                for (const copy of copies) {
                    if (!copy.casId || !wanted.has(copy.casId) || usedHere.has(copy.serverCertificateId))
                        continue;
                    await call(region, 'DeleteServerCertificate', { ServerCertificateId: copy.serverCertificateId }, true).catch((error) => {
                        if (!(error instanceof AliyunApiError))
                            throw error;
                    });
                }
            }
            return [...used];
        },
    };
    /** The server certificates every HTTPS listener of the region serves, defaults and domain extensions. */
    async function serverCertificatesInUse(region) {
        const inUse = new Set();
        let token;
        do {
            const page = await call(region, 'DescribeLoadBalancerListeners', {
                ListenerProtocol: 'https',
                MaxResults: 100,
                ...(token ? { NextToken: token } : {}),
            });
            const listeners = listField(page.Listeners);
            for (const listener of listeners) {
                const config = listener.HTTPSListenerConfig;
                const id = textField(config?.ServerCertificateId);
                if (id)
                    inUse.add(id);
                const extensions = await call(region, 'DescribeDomainExtensions', {
                    LoadBalancerId: textField(listener.LoadBalancerId) ?? '',
                    ListenerPort: Number(listener.ListenerPort),
                });
                for (const e of readDomainExtensions(extensions))
                    inUse.add(e.serverCertificateId);
            }
            token = listeners.length > 0 ? textField(page.NextToken) : undefined;
        } while (token);
        return inUse;
    }
    return target;
};

export { clbEndpoint, clbListener, createClbTarget, readDomainExtensions, readListener, readServerCertificates };
