import { f as certificateCovers, A as AliyunApiError, v as isRecord, N as NOT_FOUND_CODES, H as parseFcDomain, F as FlowError, X as X509Certificate } from './start.js';

// The Function Compute 3.0 deploy target (fc 2023-03-30, ROA): a custom domain, `fc: api.example.com[@region]
// [ https]`. FC holds the certificate itself, not a CAS id: `UpdateCustomDomain` (`PUT /2023-03-30/custom-domains/
// {domain}`) is sent `certConfig` {certName, certificate, privateKey}, the key fetched from Certificate Management
// Service and masked first (held-certificate.ts), with the domain's `protocol` and `tlsConfig` as they were; FC keeps
// the fields it is not sent (routes, auth, CORS, WAF). The certificate is named `cas-<certId>` so a later run knows
// which CAS certificate it is: `GetCustomDomain` is read back and the leaf's SHA-256 compared with that CAS
// certificate's; a match is `Serving.certId` (delete-superseded can then delete it), anything else FC serves is not
// held (docs/deploy.md). `protocol` becomes `HTTP,HTTPS` only on a line ending in ` https`.
const VERSION = '2023-03-30';
const LABEL = 'FC';
const ENDPOINT_INPUT = 'fc-endpoint';
const PAGE_SIZE = 100;
/** Regions whose FC 3.0 endpoint is `<region>.fc.aliyuncs.com` (the product's endpoint list); the rest `fcv3.<region>`. */
const ACCOUNT_STYLE_ENDPOINTS = new Set([
    'me-central-1',
    'cn-hangzhou-finance',
    'cn-shanghai-finance-1',
    'cn-heyuan-acdr-1',
]);
/** The certificate name that says which CAS certificate FC holds. */
const certNameOf = (certId) => `cas-${certId}`;
const casIdOfName = (name) => /^cas-(\d+)$/.exec(name ?? '')?.[1];
function fcEndpoint(region) {
    return ACCOUNT_STYLE_ENDPOINTS.has(region)
        ? `https://${region}.fc.aliyuncs.com`
        : `https://fcv3.${region}.aliyuncs.com`;
}
function readDomain(answer) {
    const cert = isRecord(answer.certConfig) ? answer.certConfig : {};
    const text = (value) => (typeof value === 'string' && value !== '' ? value : undefined);
    const certName = text(cert.certName);
    const certificatePem = text(cert.certificate);
    return {
        protocol: (text(answer.protocol) ?? 'HTTP').toUpperCase(),
        ...(certName ? { certName } : {}),
        ...(certificatePem ? { certificatePem } : {}),
        ...(isRecord(answer.tlsConfig) ? { tlsConfig: answer.tlsConfig } : {}),
    };
}
/** Upper-case hex SHA-256 of the chain's first certificate, as CAS gives `Sha2`; undefined when unreadable. */
function leafSha256(pem) {
    if (!pem)
        return undefined;
    try {
        return new X509Certificate(pem).fingerprint256.replace(/:/g, '').toUpperCase();
    }
    catch {
        return undefined;
    }
}
const servesHttps = (protocol) => protocol.split(',').includes('HTTPS');
/** The protocol to send: HTTPS turned on only when the line asks and the domain serves HTTP alone. */
function nextProtocol(protocol, https) {
    return https && !servesHttps(protocol) ? 'HTTP,HTTPS' : protocol;
}
/**
 * What the domain serves, in the engine's words. `casId` is the CAS certificate whose fingerprint matches the
 * served leaf (undefined when none does): only then is it this action's, held at Certificate Management Service.
 */
function readServing(domain, casId, https) {
    const httpsOn = servesHttps(domain.protocol);
    const failure = !httpsOn && !https
        ? `protocol ${domain.protocol} only: add ' https' to its deploy line to turn HTTPS on`
        : undefined;
    const what = casId
        ? `certificate ${casId}`
        : domain.certificatePem
            ? `a certificate that is no CAS certificate${domain.certName ? ` (${domain.certName})` : ''}`
            : 'no certificate';
    return {
        ...(casId ? { certId: casId } : {}),
        inEffect: httpsOn && domain.certificatePem !== undefined,
        // FC applies a change at once: nothing to wait out.
        settling: false,
        ...(failure ? { failure } : {}),
        held: casId !== undefined,
        summary: `${what}, protocol ${domain.protocol}`,
    };
}
const isMissing = (code) => /^DomainNameNotFound$/i.test(code);
class FcTarget {
    services;
    options;
    label = LABEL;
    input = 'deploy';
    endpointInput = ENDPOINT_INPUT;
    isMissing = isMissing;
    regions = new Set();
    /** CAS id → its leaf's SHA-256 ('' when CAS holds no such certificate): a held certificate never changes. */
    fingerprints = new Map();
    constructor(services, options) {
        this.services = services;
        this.options = options;
    }
    describe(resource) {
        const { domain, region } = this.address(resource);
        return `FC custom domain ${domain}@${region}`;
    }
    covers(names, resource) {
        return certificateCovers(names, this.address(resource).domain);
    }
    regionOf(resource) {
        return this.address(resource).region;
    }
    async serving(resource) {
        const domain = await this.read(resource);
        return readServing(domain, await this.casIdOf(domain), this.address(resource).https);
    }
    async set(resource, certId) {
        const { domain: name, https } = this.address(resource);
        const domain = await this.read(resource);
        // HTTP only and not asked to turn HTTPS on: nothing is written; serving says why (and check before the order).
        if (!servesHttps(domain.protocol) && !https)
            return;
        const certificateWithKey = this.services.certificateWithKey;
        if (!certificateWithKey)
            throw new Error('the FC target needs TargetServices.certificateWithKey');
        const cert = await certificateWithKey(certId);
        const wanted = leafSha256(cert.certificatePem);
        const body = {
            certConfig: {
                certName: certNameOf(certId),
                certificate: cert.certificatePem,
                privateKey: cert.privateKeyPem,
            },
            protocol: nextProtocol(domain.protocol, https),
            ...(domain.tlsConfig ? { tlsConfig: domain.tlsConfig } : {}),
        };
        const put = () => this.roa(resource, 'UpdateCustomDomain', 'PUT', ['custom-domains', name], body, true);
        // A write whose outcome is unknown is read back, and sent once more only when it did not take.
        const took = async () => leafSha256((await this.read(resource)).certificatePem) === wanted;
        try {
            await put();
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                throw error;
            if (await took())
                return;
            try {
                await put();
            }
            catch (again) {
                if (!(again instanceof AliyunApiError && again.outcomeUnknown && (await took())))
                    throw again;
            }
        }
    }
    async check(resource) {
        const { domain: name, region, https } = this.address(resource);
        const where = `FC custom domain ${name}@${region}`;
        let domain;
        try {
            domain = await this.read(resource);
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && isMissing(error.code)))
                throw error;
            return `names ${where}, which is not in this account in ${region} (${error.code}): check the domain and its region, or ${ENDPOINT_INPUT}`;
        }
        if (!servesHttps(domain.protocol) && !https) {
            return (`names ${where}, whose protocol is ${domain.protocol} only, so it serves no certificate: end its line ` +
                `with ' https' (fc: ${name}@${region} https) to turn HTTPS on with the certificate`);
        }
        return undefined;
    }
    async alsoInUse(certIds) {
        const wanted = new Set(certIds);
        const found = new Set();
        const regions = this.regions.size > 0 ? [...this.regions] : [this.options.region];
        for (const region of regions) {
            let nextToken;
            for (let page = 1; page <= 1000; page++) {
                const answer = await this.call(region, 'ListCustomDomains', 'GET', ['custom-domains'], undefined, {
                    limit: PAGE_SIZE,
                    nextToken,
                });
                const domains = Array.isArray(answer.customDomains) ? answer.customDomains.filter(isRecord) : [];
                for (const domain of domains) {
                    const casId = casIdOfName(readDomain(domain).certName);
                    if (casId && wanted.has(casId))
                        found.add(casId);
                }
                const next = typeof answer.nextToken === 'string' ? answer.nextToken : undefined;
                if (!next || next === nextToken)
                    break;
                nextToken = next;
            }
        }
        return [...found];
    }
    /** The CAS certificate FC serves: named `cas-<id>`, and its leaf that certificate's. */
    async casIdOf(domain) {
        const casId = casIdOfName(domain.certName);
        const served = leafSha256(domain.certificatePem);
        if (!casId || !served)
            return undefined;
        return (await this.fingerprintOf(casId)) === served ? casId : undefined;
    }
    fingerprintOf(casId) {
        let known = this.fingerprints.get(casId);
        if (!known) {
            const facts = this.services.certificateFacts;
            if (!facts)
                throw new Error('the FC target needs TargetServices.certificateFacts');
            known = facts(casId).then((f) => f.sha256 ?? '', (error) => {
                // Deleted at CAS since: what FC serves is then no CAS certificate.
                if (error instanceof AliyunApiError && NOT_FOUND_CODES.has(error.code))
                    return '';
                this.fingerprints.delete(casId);
                throw error;
            });
            this.fingerprints.set(casId, known);
        }
        return known;
    }
    address(resource) {
        const parsed = parseFcDomain(resource);
        return { domain: parsed.domain, region: parsed.region ?? this.options.region, https: parsed.https };
    }
    async read(resource) {
        const answer = await this.roa(resource, 'GetCustomDomain', 'GET', [
            'custom-domains',
            this.address(resource).domain,
        ]);
        return readDomain(answer);
    }
    roa(resource, action, method, path, body, changesState = false) {
        return this.call(this.address(resource).region, action, method, path, body, {}, changesState);
    }
    call(region, action, method, path, body, query = {}, changesState = false) {
        const roa = this.services.roa;
        if (!roa)
            throw new FlowError('the FC target needs TargetServices.roa (src/action/wiring.ts builds it)');
        this.regions.add(region);
        return roa.call({
            endpoint: this.services.endpointOverride('fc') ?? fcEndpoint(region),
            version: VERSION,
            action,
            method,
            path: [VERSION, ...path],
            query,
            ...(body === undefined ? {} : { body }),
            changesState,
        });
    }
}
const createFcTarget = (services, options) => new FcTarget(services, options);

export { certNameOf, createFcTarget, fcEndpoint, leafSha256, nextProtocol, readDomain, readServing };
