import { A as AliyunApiError, f as certificateCovers, x as parseRegionalResource } from './start.js';
import { t as toXml, x as xmlElements, w as withoutElements, a as xmlText } from './oss-xml.js';

// The OSS custom-domain target: a domain bound to a bucket (`oss: my-bucket/static.example.com@cn-shanghai`) serves
// the certificate PutCname names (`CertificateConfiguration` `CertId` = the CAS identifier `<id>-<region>`,
// `Force` true), read back with ListCname. OSS is REST with XML and its own signature: its calls go through
// `TargetServices.oss` (src/aliyun/oss-request.ts), not the RPC client. Binding a domain needs its ownership
// proven by DNS (the console's job), so a domain not bound is a pre-flight problem, never bound here.
const OSS_ENDPOINT_INPUT = 'oss-endpoint';
function ossAddress(resource, defaultRegion) {
    const { id, region } = parseRegionalResource(resource);
    const slash = id.indexOf('/');
    return {
        bucket: id.slice(0, slash),
        domain: id.slice(slash + 1).toLowerCase(),
        region: region ?? defaultRegion,
    };
}
/** Pure: ListCname's `ListCnameResult` → its entries (the domain's Status is not its certificate's). */
function readCnames(xml) {
    return xmlElements(xml, 'Cname').map((entry) => {
        const [certificateXml] = xmlElements(entry, 'Certificate');
        const own = withoutElements(entry, 'Certificate');
        const text = (from, name) => xmlText(from, name) || undefined;
        const status = text(own, 'Status');
        return {
            domain: (text(own, 'Domain') ?? '').toLowerCase(),
            ...(status ? { status } : {}),
            ...(certificateXml === undefined
                ? {}
                : {
                    certificate: Object.fromEntries([
                        ['type', 'Type'],
                        ['certId', 'CertId'],
                        ['status', 'Status'],
                        ['creationDate', 'CreationDate'],
                        ['validEndDate', 'ValidEndDate'],
                        ['fingerprint', 'Fingerprint'],
                    ].flatMap(([field, name]) => {
                        const value = text(certificateXml, name);
                        return value === undefined ? [] : [[field, value]];
                    })),
                }),
        };
    });
}
/** `123-cn-hangzhou` → `123`: the id at Certificate Management Service. */
const casIdOf = (ossCertId) => /^(\d+)-[a-z]/.exec(ossCertId)?.[1] ?? ossCertId;
/** Pure: what the domain serves, in the engine's words. */
function readServing(entry) {
    const certificate = entry.certificate;
    const certId = certificate?.certId ? casIdOf(certificate.certId) : undefined;
    const enabled = (certificate?.status ?? 'Enabled') === 'Enabled';
    const domainOn = (entry.status ?? 'Enabled') === 'Enabled';
    const since = certificate?.creationDate ? new Date(certificate.creationDate) : undefined;
    const what = certId ? `certificate ${certId}` : 'no certificate';
    return {
        ...(certId ? { certId } : {}),
        inEffect: certId !== undefined && enabled && domainOn,
        settling: false,
        ...(domainOn ? {} : { failure: `the domain is Disabled on the bucket` }),
        held: certificate?.type?.toUpperCase() !== 'UPLOAD',
        ...(since && !Number.isNaN(since.getTime()) ? { since } : {}),
        summary: `${what}${certificate?.status && !enabled ? `, ${certificate.status}` : ''}${domainOn ? '' : ', domain Disabled'}`,
    };
}
/** The codes meaning the resource is not in the account: no bucket, or no such domain bound to it. */
const MISSING = new Set(['NoSuchBucket', 'NoSuchCname']);
/** Whether a certificate held on the China site (`cn-hangzhou`) or the international one fits the bucket's region. */
const sameSite = (certRegion, region) => certRegion.startsWith('cn-') === region.startsWith('cn-');
function createOssTargetOn(oss, endpoint, options) {
    const buckets = new Map();
    const request = (address, fields) => {
        buckets.set(`${address.bucket}@${address.region}`, address);
        return oss.request({ ...fields, bucket: address.bucket, region: address.region, endpoint });
    };
    const listCname = async (address) => readCnames((await request(address, {
        action: 'ListCname',
        method: 'GET',
        query: { cname: null },
        changesState: false,
        answerRoot: 'ListCnameResult',
    })).text);
    const entryOf = async (address) => {
        const entry = (await listCname(address)).find((e) => e.domain === address.domain);
        if (!entry) {
            throw new AliyunApiError({
                action: 'ListCname',
                code: 'NoSuchCname',
                message: `bucket ${address.bucket} has no custom domain ${address.domain}`,
            });
        }
        return entry;
    };
    const address = (resource) => ossAddress(resource, options.region);
    return {
        label: 'OSS',
        input: 'deploy',
        endpointInput: OSS_ENDPOINT_INPUT,
        describe: (resource) => {
            const { bucket, domain } = address(resource);
            return `OSS domain ${domain} of bucket ${bucket}`;
        },
        covers: (names, resource) => certificateCovers(names, address(resource).domain),
        serving: async (resource) => readServing(await entryOf(address(resource))),
        async set(resource, certId) {
            const at = address(resource);
            await request(at, {
                action: 'PutCname',
                method: 'POST',
                query: { cname: null, comp: 'add' },
                body: toXml({
                    BucketCnameConfiguration: {
                        Cname: {
                            Domain: at.domain,
                            CertificateConfiguration: { CertId: `${certId}-${options.certRegion}`, Force: 'true' },
                        },
                    },
                }),
                changesState: true,
            });
        },
        isMissing: (code) => MISSING.has(code),
        regionOf: (resource) => address(resource).region,
        async check(resource) {
            const at = address(resource);
            if (!sameSite(options.certRegion, at.region)) {
                return `names bucket ${at.bucket} in ${at.region}, but the certificate is held at Certificate Management Service in ${options.certRegion} (the ${options.certRegion.startsWith('cn-') ? 'China' : 'international'} site), which OSS in that region cannot use: set region to one of that site`;
            }
            try {
                await entryOf(at);
                return undefined;
            }
            catch (error) {
                if (!(error instanceof AliyunApiError))
                    throw error;
                if (error.code === 'NoSuchCname')
                    return `names ${resource}, but bucket ${at.bucket} has no custom domain ${at.domain}: bind it in the OSS console first`;
                if (error.code === 'NoSuchBucket')
                    return `names ${resource}, but bucket ${at.bucket} is not in this account (NoSuchBucket): check the bucket's name, its region after @, and ${OSS_ENDPOINT_INPUT}`;
                if (error.code === 'AccessDenied' && /specified endpoint/i.test(error.message))
                    return `names ${resource}, but bucket ${at.bucket} is not in ${at.region} (OSS: ${error.message}): write its region after @`;
                throw error;
            }
        },
        async alsoInUse(certIds) {
            const wanted = new Set(certIds);
            const used = new Set();
            for (const at of buckets.values()) {
                for (const entry of await listCname(at)) {
                    const id = entry.certificate?.certId ? casIdOf(entry.certificate.certId) : undefined;
                    if (id && wanted.has(id))
                        used.add(id);
                }
            }
            return [...used];
        },
    };
}
const createOssTarget = (services, options) => {
    const { oss } = services;
    if (!oss)
        throw new Error('the OSS target needs TargetServices.oss (src/action/wiring.ts builds it)');
    return createOssTargetOn(oss, services.endpointOverride('oss'), options);
};

export { OSS_ENDPOINT_INPUT, casIdOf, createOssTarget, createOssTargetOn, ossAddress, readCnames, readServing };
