import { t as listField, u as textField, y as numberField, f as certificateCovers, A as AliyunApiError, v as isRecord, x as parseRegionalResource, W as WAF_PORT_SHAPE } from './start.js';

// The WAF 3.0 deploy target (waf-openapi 2021-10-01), two kinds of resource on one `waf:` line (docs/deploy.md):
// - a CNAME-access domain, `waf: www.example.com`: `DescribeDomainDetail` → `ModifyDomain` with `Listen.CertId` the
//   CAS identifier. ModifyDomain resets what it is not sent, so every other Listen field and the whole Redirect go
//   back as read (Redirect's backends rewritten from the `{ Backend }` objects the read gives to the strings the
//   write takes); read back by `DescribeDomainDetail` until `Status 1`.
// - a cloud resource's access port, `waf: lb-xxxx:443 [sni]`: `DescribeCloudResourceAccessPortDetails` →
//   `ModifyCloudResourceCert`, whose `Certificates` is the port's whole list: the default certificate replaced, or
//   with ` sni` one extension certificate added (those it supersedes dropped by `detach`).
// The WAF instance of a region is `DescribeInstance`'s; `@cn-hangzhou` (the Chinese mainland) or `@ap-southeast-1`
// (outside it) names it, by default the one of the site the certificate is held on.
const VERSION = '2021-10-01';
const ENDPOINT_INPUT = 'waf-endpoint';
const DOMAINS_PAGE = 50;
/** The codes of an instance or a resource WAF does not know (the second two: this target's, for empty answers). */
const MISSING = /^(Waf\.Instance\.ValidFaild|Waf\.Pullin\.ResourceNotExist|Waf\.DomainNotFound|Waf\.PortNotFound)$/;
/** What `Status` means, for a domain and a port alike (the Go SDK's DescribeDomainDetail model). */
const STATUS = {
    1: 'normal',
    2: 'being created',
    3: 'being modified',
    4: 'being released',
    5: 'forwarding disabled',
};
function wafAddress(resource, defaultRegion) {
    const { id, region = defaultRegion, sni } = parseRegionalResource(resource);
    const port = WAF_PORT_SHAPE.exec(id);
    if (port)
        return { kind: 'port', resourceInstanceId: port[1] ?? '', port: Number(port[2]), region, sni };
    return { kind: 'domain', domain: id.toLowerCase(), region, sni: false };
}
/** `123-cn-hangzhou` → `123` when held in `certRegion`; another site's identifier stays whole (never ours). */
function casIdOf(identifier, certRegion) {
    if (!identifier)
        return undefined;
    return identifier.endsWith(`-${certRegion}`) && /^\d+-/.test(identifier)
        ? identifier.slice(0, -certRegion.length - 1)
        : identifier;
}
const record = (value) => (isRecord(value) ? value : {});
const statusWord = (status) => STATUS[status] ?? `status ${status || 'unknown'}`;
/** Status 1 serves what it names; 2 and 3 settle by themselves; 4 and 5 serve nothing, and no wait changes that. */
function readStatus(status) {
    if (status === 4 || status === 5)
        return { inEffect: false, settling: false, failure: `Status ${status} (${statusWord(status)})` };
    return { inEffect: status === 1, settling: status !== 1 };
}
/** A CNAME-access domain as `DescribeDomainDetail` answers; undefined when the answer names no domain. */
function readDomainDetail(answer) {
    if (!textField(answer.Domain))
        return undefined;
    return {
        listen: record(answer.Listen),
        redirect: record(answer.Redirect),
        status: numberField(answer.Status),
    };
}
function readDomainServing(detail, certRegion) {
    const certId = casIdOf(textField(detail.listen.CertId), certRegion);
    const https = Array.isArray(detail.listen.HttpsPorts) && detail.listen.HttpsPorts.length > 0;
    const state = https
        ? readStatus(detail.status)
        : { inEffect: false, settling: false, failure: 'no HTTPS port (Listen.HttpsPorts is empty)' };
    return {
        ...(certId ? { certId } : {}),
        ...state,
        held: true,
        summary: `${certId ? `certificate ${certId}` : 'no certificate'}, ${statusWord(detail.status)}`,
    };
}
/**
 * The `Listen` and `Redirect` ModifyDomain is sent: every field as read, `Listen.CertId` the new identifier, and
 * Redirect's backends as the strings the write takes (the read's `BackendList`-style copies are the read's own).
 */
function domainWrite(detail, identifier) {
    const strings = (value) => Array.isArray(value)
        ? value
            .map((item) => (isRecord(item) ? textField(item.Backend) : textField(item)))
            .filter((item) => !!item)
        : undefined;
    const { BackendList, BackUpBackendList, AllBackends, Backends, BackupBackends, ...redirect } = detail.redirect;
    const backends = strings(Backends) ?? strings(AllBackends) ?? strings(BackendList);
    const backups = strings(BackupBackends) ?? strings(BackUpBackendList);
    return {
        Listen: JSON.stringify({ ...detail.listen, CertId: identifier }),
        Redirect: JSON.stringify({
            ...redirect,
            ...(backends ? { Backends: backends } : {}),
            ...(backups ? { BackupBackends: backups } : {}),
        }),
    };
}
function readPortDetails(answer) {
    return listField(answer.AccessPortDetails).map((item) => ({
        cloudResourceId: textField(item.CloudResourceId) ?? '',
        port: numberField(item.Port),
        protocol: (textField(item.Protocol) ?? '').toLowerCase(),
        status: numberField(item.Status),
        certificates: listField(item.Certificates)
            .map((c) => ({
            appliedType: (textField(c.AppliedType) ?? '').toLowerCase(),
            certificateId: textField(c.CertificateId) ?? '',
        }))
            .filter((c) => c.certificateId !== ''),
    }));
}
function readPortServing(detail, certRegion, sni) {
    const casId = (c) => casIdOf(c.certificateId, certRegion) ?? '';
    const certId = detail.certificates.filter((c) => c.appliedType === 'default').map(casId)[0];
    const extensions = detail.certificates.filter((c) => c.appliedType === 'extension').map(casId);
    const state = detail.protocol === 'https'
        ? readStatus(detail.status)
        : { inEffect: false, settling: false, failure: `an ${detail.protocol.toUpperCase()} port, not HTTPS` };
    return {
        ...(certId ? { certId } : {}),
        ...(sni ? { extensions } : {}),
        ...state,
        held: true,
        summary: `${certId ? `certificate ${certId}` : 'no certificate'}, ${statusWord(detail.status)}` +
            (sni ? `, extensions ${extensions.join(' ') || 'none'}` : ''),
    };
}
/** `Certificates.N.CertificateId` / `.AppliedType`, the port's whole list. */
function certificateParams(list) {
    const params = {};
    list.forEach((c, index) => {
        params[`Certificates.${index + 1}.CertificateId`] = c.certificateId;
        params[`Certificates.${index + 1}.AppliedType`] = c.appliedType;
    });
    return params;
}
const createWafTarget = (services, options) => {
    const override = services.endpointOverride('waf');
    const defaultRegion = options.certRegion === 'ap-southeast-1' ? 'ap-southeast-1' : 'cn-hangzhou';
    const address = (resource) => wafAddress(resource, defaultRegion);
    const identifier = (certId) => `${certId}-${options.certRegion}`;
    /** Regions whose instance this run asked: where alsoInUse lists the other domains. */
    const regions = new Set();
    const instances = new Map();
    const call = (region, action, params, changesState = false) => {
        regions.add(region);
        return services.client.call({
            endpoint: override ?? `https://wafopenapi.${region}.aliyuncs.com`,
            version: VERSION,
            action,
            params: { RegionId: region, ...params },
            changesState,
        });
    };
    /** The region's WAF instance id, asked once a run (a failed or empty look-up is asked again). */
    function instanceOf(region) {
        let found = instances.get(region);
        if (!found) {
            found = call(region, 'DescribeInstance', {}).then((answer) => textField(answer.InstanceId));
            found.then((id) => id === undefined && instances.delete(region), () => instances.delete(region));
            instances.set(region, found);
        }
        return found;
    }
    async function instanceOrFail(region, action) {
        const id = await instanceOf(region);
        if (id)
            return id;
        throw new AliyunApiError({
            action,
            code: 'Waf.Instance.ValidFaild',
            message: `no WAF 3.0 instance in ${region} (DescribeInstance names none)`,
        });
    }
    async function domainDetail(a) {
        const instanceId = await instanceOrFail(a.region, 'DescribeDomainDetail');
        const answer = await call(a.region, 'DescribeDomainDetail', { InstanceId: instanceId, Domain: a.domain });
        return { instanceId, detail: readDomainDetail(answer) };
    }
    async function domainOrFail(a) {
        const { instanceId, detail } = await domainDetail(a);
        if (detail)
            return { instanceId, detail };
        throw new AliyunApiError({
            action: 'DescribeDomainDetail',
            code: 'Waf.DomainNotFound',
            message: `${a.domain} is not a CNAME-access domain of WAF instance ${instanceId} (${a.region})`,
        });
    }
    async function portDetail(a) {
        const instanceId = await instanceOrFail(a.region, 'DescribeCloudResourceAccessPortDetails');
        const answer = await call(a.region, 'DescribeCloudResourceAccessPortDetails', {
            InstanceId: instanceId,
            ResourceInstanceId: a.resourceInstanceId,
            Port: String(a.port),
        });
        return { instanceId, detail: readPortDetails(answer).find((p) => p.port === a.port) };
    }
    async function portOrFail(a) {
        const { instanceId, detail } = await portDetail(a);
        if (detail)
            return { instanceId, detail };
        throw new AliyunApiError({
            action: 'DescribeCloudResourceAccessPortDetails',
            code: 'Waf.PortNotFound',
            message: `port ${a.port} of ${a.resourceInstanceId} is not connected to WAF instance ${instanceId} (${a.region})`,
        });
    }
    /** Writes the port's whole certificate list; an unclear answer is read back, and sent once more if not there. */
    async function writePort(a, list) {
        const { instanceId, detail } = await portOrFail(a);
        const params = {
            InstanceId: instanceId,
            CloudResourceId: detail.cloudResourceId,
            ...certificateParams(list),
        };
        const same = (now) => now.length === list.length &&
            list.every((c) => now.some((n) => n.certificateId === c.certificateId && n.appliedType === c.appliedType));
        await reconciled(() => call(a.region, 'ModifyCloudResourceCert', params, true), async () => same((await portOrFail(a)).detail.certificates));
    }
    async function reconciled(write, took) {
        try {
            await write();
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                throw error;
            if (await took())
                return;
            try {
                await write();
            }
            catch (again) {
                if (!(again instanceof AliyunApiError && again.outcomeUnknown && (await took())))
                    throw again;
            }
        }
    }
    const describe = (resource) => {
        const a = address(resource);
        return a.kind === 'domain'
            ? `WAF domain ${a.domain} (${a.region})`
            : `WAF cloud resource ${a.resourceInstanceId}:${a.port} (${a.region})${a.sni ? ' extension certificate' : ''}`;
    };
    const target = {
        label: 'WAF',
        input: 'deploy',
        endpointInput: ENDPOINT_INPUT,
        describe,
        // A domain serves its one certificate for its own name; a port any (SNI picks an extension, else the default).
        covers: (names, resource) => {
            const a = address(resource);
            return a.kind === 'port' || certificateCovers(names, a.domain);
        },
        isMissing: (code) => MISSING.test(code),
        isExtension: (resource) => address(resource).sni,
        regionOf: (resource) => address(resource).region,
        async serving(resource) {
            const a = address(resource);
            if (a.kind === 'domain')
                return readDomainServing((await domainOrFail(a)).detail, options.certRegion);
            return readPortServing((await portOrFail(a)).detail, options.certRegion, a.sni);
        },
        async set(resource, certId) {
            const a = address(resource);
            const wanted = identifier(certId);
            if (a.kind === 'domain') {
                const { instanceId, detail } = await domainOrFail(a);
                const params = { InstanceId: instanceId, Domain: a.domain, ...domainWrite(detail, wanted) };
                await reconciled(() => call(a.region, 'ModifyDomain', params, true), async () => textField((await domainOrFail(a)).detail.listen.CertId) === wanted);
                return;
            }
            const { certificates } = (await portOrFail(a)).detail;
            if (a.sni) {
                if (certificates.some((c) => c.appliedType === 'extension' && c.certificateId === wanted))
                    return;
                await writePort(a, [...certificates, { appliedType: 'extension', certificateId: wanted }]);
                return;
            }
            await writePort(a, [
                { appliedType: 'default', certificateId: wanted },
                ...certificates.filter((c) => c.appliedType !== 'default'),
            ]);
        },
        async detach(resource, certIds) {
            const a = address(resource);
            if (a.kind !== 'port')
                return [];
            const drop = new Set(certIds.map(identifier));
            const { certificates } = (await portOrFail(a)).detail;
            const kept = certificates.filter((c) => c.appliedType !== 'extension' || !drop.has(c.certificateId));
            if (kept.length < certificates.length)
                await writePort(a, kept);
            return undefined;
        },
        async check(resource) {
            const a = address(resource);
            const where = describe(resource).replace(/ extension certificate$/, '');
            const site = (region) => (region === 'cn-hangzhou' ? 'Chinese mainland' : 'international');
            if (a.region !== defaultRegion) {
                return `names ${where}, on the ${site(a.region)} site, but the certificate is held at Certificate Management Service in ${options.certRegion} (from region '${options.region}'): WAF takes certificates of its own site; remove '@${a.region}' or run with a region on that site`;
            }
            const instanceId = await instanceOf(a.region);
            if (!instanceId) {
                return `names ${where}, but this account has no WAF 3.0 instance in ${a.region} (DescribeInstance names none): buy one, or check ${ENDPOINT_INPUT}`;
            }
            if (a.kind === 'domain') {
                const { detail } = await domainDetail(a);
                if (!detail) {
                    return `names ${where}, which is not a CNAME-access domain of WAF instance ${instanceId} (DescribeDomainDetail finds none): add it in the WAF console, or check the domain and its region`;
                }
                const ports = detail.listen.HttpsPorts;
                if (!Array.isArray(ports) || ports.length === 0) {
                    return `names ${where}, which has no HTTPS port (Listen.HttpsPorts is empty), so it serves no certificate: add an HTTPS port in the WAF console`;
                }
                return undefined;
            }
            const { detail } = await portDetail(a);
            if (!detail) {
                return `names ${where}, which is not a cloud resource port connected to WAF instance ${instanceId} (DescribeCloudResourceAccessPortDetails lists none): connect it in the WAF console, or check the id and port`;
            }
            if (detail.protocol !== 'https') {
                return `names ${where}, an ${detail.protocol.toUpperCase() || 'unknown'} port, not HTTPS, so it serves no certificate: name an HTTPS port`;
            }
            return undefined;
        },
        // Any CNAME-access domain of the instances asked that names one (DescribeDomains lists no certificate).
        async alsoInUse(certIds) {
            const wanted = new Set(certIds);
            const used = new Set();
            for (const region of regions) {
                const instanceId = await instanceOf(region);
                if (!instanceId)
                    continue;
                for (let page = 1, seen = 0;; page++) {
                    const answer = await call(region, 'DescribeDomains', {
                        InstanceId: instanceId,
                        PageNumber: page,
                        PageSize: DOMAINS_PAGE,
                    });
                    const domains = listField(answer.Domains);
                    seen += domains.length;
                    for (const item of domains) {
                        const domain = textField(item.Domain);
                        if (!domain)
                            continue;
                        const detail = readDomainDetail(await call(region, 'DescribeDomainDetail', { InstanceId: instanceId, Domain: domain }));
                        const casId = casIdOf(textField(detail?.listen.CertId), options.certRegion);
                        if (casId && wanted.has(casId))
                            used.add(casId);
                    }
                    if (domains.length === 0 || seen >= numberField(answer.TotalCount))
                        break;
                }
            }
            return [...used];
        },
    };
    return target;
};

export { createWafTarget, domainWrite, readDomainDetail, readDomainServing, readPortDetails, readPortServing, wafAddress };
