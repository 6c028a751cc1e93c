import { f as certificateCovers, A as AliyunApiError, v as isRecord, B as checkPageLimit, x as parseRegionalResource, C as splitPemBundle, D as describeCertificate } from './start.js';
import { casIdOf } from './alb.js';

// The API Gateway deploy target, both of the product's APIs, told apart by how a line names the domain:
// - classic (cloudapi 2016-07-14, RPC), `apigw: <groupId>/<domain>[@region]`: the group's custom domain takes the
//   certificate itself, PEM chain and private key (`SetDomainCertificate`; the key masked before it is sent, see
//   held-certificate.ts), read back by `DescribeDomain`. The domain keeps a copy, not a CAS reference, so the copy's
//   name says which certificate it is: `cas-<certId>-<first 12 hex of its SHA-256>`, believed only when the body's
//   fingerprint agrees (a certificate uploaded by hand under that name is not taken for ours);
// - cloud-native (apig 2024-03-27, ROA), `apigw: d-…[@region]`: the domain names its certificate by CAS identifier
//   `<certId>-<certRegion>`; `UpdateDomain` replaces the domain's whole HTTPS setting, so it sends back every field
//   `GetDomain` read (protocol, TLS versions, cipher suites, HTTP/2, forced HTTPS, mTLS) with the new identifier.
// One `apigw-endpoint` overrides both APIs' regional endpoints (docs/deploy.md).
const CLASSIC_VERSION = '2016-07-14';
const NATIVE_VERSION = '2024-03-27';
const ENDPOINT_INPUT = 'apigw-endpoint';
const PAGE_SIZE = 100;
/** The fields of a cloud-native domain `UpdateDomain` would otherwise reset: sent back as `GetDomain` read them. */
const KEPT_DOMAIN_FIELDS = [
    'protocol',
    'forceHttps',
    'mTLSEnabled',
    'http2Option',
    'tlsMin',
    'tlsMax',
    'tlsCipherSuitesConfig',
    'caCertIdentifier',
    'clientCACert',
    'domainScope',
];
const text = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
const onChinaSite = (region) => region.startsWith('cn-');
function apigwAddress(resource, defaultRegion) {
    const { id, region = defaultRegion } = parseRegionalResource(resource);
    const slash = id.indexOf('/');
    if (slash < 0)
        return { kind: 'native', domainId: id, region };
    return { kind: 'classic', groupId: id.slice(0, slash), domain: id.slice(slash + 1).toLowerCase(), region };
}
/** Upper-case hex SHA-256 of a PEM bundle's leaf, or nothing when it does not parse. */
function leafSha256(pem) {
    const [leaf] = splitPemBundle(pem);
    if (!leaf)
        return undefined;
    try {
        return describeCertificate(leaf).fingerprintSha256.replace(/:/g, '').toUpperCase();
    }
    catch {
        return undefined;
    }
}
/** The name a classic domain's copy of CAS certificate `certId` gets. */
function classicCertificateName(certId, certificatePem) {
    return `cas-${certId}-${(leafSha256(certificatePem) ?? '').slice(0, 12).toLowerCase()}`;
}
/** Pure: what a classic domain serves (DescribeDomain), in the engine's words. */
function readClassicServing(answer) {
    const name = text(answer.CertificateName);
    const body = text(answer.CertificateBody);
    const named = name ? /^cas-(\d+)-([0-9a-f]{12})$/.exec(name) : null;
    const sha256 = body ? leafSha256(body) : undefined;
    const certId = named && sha256?.toLowerCase().startsWith(named[2] ?? '') ? named[1] : undefined;
    const cname = text(answer.DomainCNAMEStatus);
    const what = certId
        ? `certificate ${certId}`
        : name
            ? `certificate '${name}' (not one of Certificate Management Service)`
            : 'no certificate';
    return {
        ...(certId ? { certId } : {}),
        inEffect: certId !== undefined,
        settling: false,
        held: certId !== undefined,
        summary: `${what}${cname && cname !== 'RESOLVED' ? `, CNAME ${cname}` : ''}`,
    };
}
/** Pure: a cloud-native domain (GetDomain's `data`), in the engine's words. */
function readNativeServing(data, certRegion) {
    const identifier = text(data.certIdentifier);
    const certId = identifier && casIdOf(identifier, certRegion);
    const protocol = text(data.protocol)?.toUpperCase() ?? '';
    const failure = protocol === 'HTTPS'
        ? undefined
        : `its protocol is ${protocol || 'unknown'}, not HTTPS: it serves no certificate`;
    return {
        ...(certId ? { certId } : {}),
        inEffect: !failure && certId !== undefined,
        settling: false,
        ...(failure ? { failure } : {}),
        held: true,
        summary: `${certId ? `certificate ${certId}` : 'no certificate'}, ${protocol || 'no protocol'}`,
    };
}
/** Pure: UpdateDomain's body: every kept field GetDomain gave, and the new certificate's identifier. */
function updateDomainBody(data, certIdentifier) {
    const kept = Object.fromEntries(KEPT_DOMAIN_FIELDS.flatMap((field) => data[field] === undefined || data[field] === null ? [] : [[field, data[field]]]));
    return { ...kept, certIdentifier };
}
const MISSING = new Set(['NotFoundApiGroup', 'NotFoundDomain', 'DatabaseError.RecordNotFound']);
class ApigwTarget {
    services;
    options;
    label = 'API Gateway';
    input = 'deploy';
    endpointInput = ENDPOINT_INPUT;
    /** Regions of the cloud-native domains this run read: where `alsoInUse` lists the others. */
    nativeRegions = new Set();
    /** Host names of the cloud-native domains read so far (the pre-flight reads them before the engine asks). */
    nativeNames = new Map();
    constructor(services, options) {
        this.services = services;
        this.options = options;
    }
    isMissing(code) {
        return MISSING.has(code);
    }
    describe(resource) {
        const at = this.address(resource);
        return at.kind === 'classic'
            ? `API Gateway domain ${at.domain} of group ${at.groupId}@${at.region}`
            : `API Gateway (cloud-native) domain ${at.domainId}@${at.region}`;
    }
    // A cloud-native domain id names no host until it is read: one the pre-flight read is checked by its name.
    covers(names, resource) {
        const at = this.address(resource);
        if (at.kind === 'classic')
            return certificateCovers(names, at.domain);
        const name = this.nativeNames.get(at.domainId);
        return name === undefined || certificateCovers(names, name);
    }
    regionOf(resource) {
        return this.address(resource).region;
    }
    async serving(resource) {
        const at = this.address(resource);
        if (at.kind === 'classic')
            return readClassicServing(await this.describeDomain(at));
        return readNativeServing(await this.getDomain(at), this.options.certRegion);
    }
    async set(resource, certId) {
        const at = this.address(resource);
        const took = async () => (await this.serving(resource)).certId === certId;
        if (at.kind === 'classic') {
            const { certificateWithKey } = this.services;
            if (!certificateWithKey)
                throw new Error('the API Gateway target needs TargetServices.certificateWithKey');
            const held = await certificateWithKey(certId);
            const params = {
                GroupId: at.groupId,
                DomainName: at.domain,
                CertificateName: classicCertificateName(certId, held.certificatePem),
                CertificateBody: held.certificatePem,
                CertificatePrivateKey: held.privateKeyPem,
            };
            await this.write(() => this.classicCall(at, 'SetDomainCertificate', params, true), took);
            return;
        }
        const body = updateDomainBody(await this.getDomain(at), `${certId}-${this.options.certRegion}`);
        await this.write(() => this.nativeCall(at, 'UpdateDomain', 'PUT', { id: at.domainId, body }), took);
    }
    async check(resource) {
        const at = this.address(resource);
        const where = this.describe(resource);
        try {
            if (at.kind === 'classic') {
                await this.describeDomain(at);
                return undefined;
            }
            const certRegion = this.options.certRegion;
            if (onChinaSite(at.region) !== onChinaSite(certRegion)) {
                return (`names ${where}, on the ${onChinaSite(at.region) ? 'China' : 'international'} site, while the ` +
                    `certificate is held at Certificate Management Service in ${certRegion} (from the region input), on the ` +
                    `${onChinaSite(certRegion) ? 'China' : 'international'} site: a cloud-native gateway takes certificates ` +
                    'of its own site only; deploy it from a run whose region is on that site');
            }
            const serving = readNativeServing(await this.getDomain(at), certRegion);
            if (serving.failure)
                return `names ${where}, but ${serving.failure}; switch the domain to HTTPS in the console first`;
            return undefined;
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && this.isMissing(error.code)))
                throw error;
            const what = error.code === 'NotFoundApiGroup'
                ? `group ${at.kind === 'classic' ? at.groupId : ''} is not in this account in ${at.region}`
                : error.code === 'NotFoundDomain'
                    ? `the domain is not bound to that group`
                    : `the domain is not in this account in ${at.region}`;
            return `names ${where}, but ${what} (${error.code}): check the line and its region after @, or ${ENDPOINT_INPUT}`;
        }
    }
    /** Cloud-native domains name CAS certificates: those of the regions read that still name one keep it. */
    async alsoInUse(certIds) {
        const wanted = new Set(certIds);
        const found = new Set();
        for (const region of this.nativeRegions) {
            for (let page = 1;; page++) {
                const answer = await this.nativeCall({ region }, 'ListDomains', 'GET', {
                    query: { pageNumber: page, pageSize: PAGE_SIZE },
                });
                const data = isRecord(answer.data) ? answer.data : {};
                const items = Array.isArray(data.items) ? data.items.filter(isRecord) : [];
                for (const item of items) {
                    const identifier = text(item.certIdentifier);
                    const casId = identifier && casIdOf(identifier, this.options.certRegion);
                    if (casId && wanted.has(casId))
                        found.add(casId);
                }
                const total = Number(data.totalSize ?? 0);
                if (items.length < PAGE_SIZE || page * PAGE_SIZE >= total)
                    break;
                checkPageLimit('ListDomains', page, total);
            }
        }
        return [...found];
    }
    /**
     * A write whose outcome is unknown (a 503, a lost answer) is never resent blindly: the domain is read back,
     * and only when it shows the write did not run is it sent once more.
     */
    async write(send, took) {
        try {
            await send();
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                throw error;
            if (await took())
                return;
            try {
                await send();
            }
            catch (again) {
                if (!(again instanceof AliyunApiError && again.outcomeUnknown && (await took())))
                    throw again;
            }
        }
    }
    address(resource) {
        return apigwAddress(resource, this.options.region);
    }
    describeDomain(at) {
        return this.classicCall(at, 'DescribeDomain', { GroupId: at.groupId, DomainName: at.domain });
    }
    async getDomain(at) {
        const answer = await this.nativeCall(at, 'GetDomain', 'GET', { id: at.domainId });
        const data = isRecord(answer.data) ? answer.data : {};
        const name = text(data.name);
        if (name)
            this.nativeNames.set(at.domainId, name.toLowerCase());
        return data;
    }
    classicCall(at, action, params, changesState = false) {
        return this.services.client.call({
            endpoint: this.services.endpointOverride('apigw') ?? `https://apigateway.${at.region}.aliyuncs.com`,
            version: CLASSIC_VERSION,
            action,
            params,
            changesState,
        });
    }
    nativeCall(at, action, method, 
    /** The domain id (GetDomain, UpdateDomain); none lists them (ListDomains). */
    request) {
        const { roa } = this.services;
        if (!roa)
            throw new Error('the API Gateway target needs TargetServices.roa (src/action/wiring.ts builds it)');
        this.nativeRegions.add(at.region);
        return roa.call({
            endpoint: this.services.endpointOverride('apigw') ?? `https://apig.${at.region}.aliyuncs.com`,
            version: NATIVE_VERSION,
            action,
            method,
            path: ['v1', 'domains', ...(request.id === undefined ? [] : [request.id])],
            ...(request.query ? { query: request.query } : {}),
            ...(request.body ? { body: request.body } : {}),
            changesState: method !== 'GET',
        });
    }
}
const createApigwTarget = (services, options) => new ApigwTarget(services, options);

export { KEPT_DOMAIN_FIELDS, apigwAddress, classicCertificateName, createApigwTarget, readClassicServing, readNativeServing, updateDomainBody };
