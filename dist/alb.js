import { x as parseRegionalResource, A as AliyunApiError, B as checkPageLimit, v as isRecord } from './start.js';

// The ALB deploy target (API 2020-06-16): a listener's default certificate (`UpdateListenerAttribute`, read back by
// `GetListenerAttribute` until it runs again) or, on an `sni` line, one of its extension certificates
// (`AssociateAdditionalCertificatesWithListener`, read back by `ListListenerCertificates` until `Associated`).
// ALB names a certificate by its CAS identifier `<certId>-<certRegion>` (docs/deploy.md).
const VERSION = '2020-06-16';
const LABEL = 'ALB';
const ENDPOINT_INPUT = 'alb-endpoint';
const PAGE_SIZE = 100;
/** `123-cn-hangzhou` → `123` when held in `certRegion`; another site's identifier stays whole (never ours). */
function casIdOf(identifier, certRegion) {
    return identifier.endsWith(`-${certRegion}`) && /^\d+-/.test(identifier)
        ? identifier.slice(0, -certRegion.length - 1)
        : identifier;
}
const onChinaSite = (region) => region.startsWith('cn-');
const text = (value) => (typeof value === 'string' ? value : undefined);
const list = (value) => Array.isArray(value) ? value.filter(isRecord) : [];
function readListener(answer) {
    const defaultCertificate = text(list(answer.Certificates)[0]?.CertificateId);
    return {
        protocol: text(answer.ListenerProtocol)?.toUpperCase() ?? '',
        status: text(answer.ListenerStatus) ?? '',
        ...(defaultCertificate ? { defaultCertificate } : {}),
    };
}
/** The extension certificates `ListListenerCertificates` lists (not the default one), with their status. */
function readExtensions(answer) {
    return list(answer.Certificates)
        .filter((c) => c.IsDefault !== true && c.IsDefault !== 'true')
        .map((c) => ({ certificateId: text(c.CertificateId) ?? '', status: text(c.Status) ?? '' }))
        .filter((c) => c.certificateId !== '');
}
/** Why no waiting makes a certificate take effect on the listener, or nothing. */
function listenerProblem(listener) {
    if (listener.protocol !== 'HTTPS' && listener.protocol !== 'QUIC')
        return `an ${listener.protocol || 'unknown'} listener, not HTTPS or QUIC, so it serves no certificate`;
    if (listener.status === 'Stopped')
        return 'Stopped: start the listener';
    return undefined;
}
/**
 * What the listener serves, in the engine's words: its default certificate, in effect once the listener runs again
 * (`Configuring` is waited out); for an `sni` line also its extension certificates, those clients still get (an
 * `Associated` one, and one still `Dissociating`), in effect once none is `Associating`: a change of the default
 * certificate does not hold an extension back.
 */
function readServing(listener, certRegion, extensions) {
    const certId = listener.defaultCertificate && casIdOf(listener.defaultCertificate, certRegion);
    const failure = listenerProblem(listener);
    const casId = (e) => casIdOf(e.certificateId, certRegion);
    const served = (extensions ?? []).filter((e) => e.status !== 'Associating');
    const moving = (extensions ?? []).filter((e) => e.status !== 'Associated');
    const running = listener.status === 'Running';
    const what = certId ? `certificate ${certId}` : 'no certificate';
    const extra = extensions
        ? `, extensions ${served
            .filter((e) => e.status === 'Associated')
            .map(casId)
            .join(' ') || 'none'}${moving.map((e) => `, ${casId(e)} ${e.status}`).join('')}`
        : '';
    const associating = moving.some((e) => e.status === 'Associating');
    return {
        ...(certId ? { certId } : {}),
        ...(extensions ? { extensions: served.map(casId) } : {}),
        inEffect: !failure && (extensions ? !associating : running),
        settling: !failure && (extensions ? moving.length > 0 : !running),
        ...(failure ? { failure } : {}),
        // Every certificate an ALB listener serves is held at Certificate Management Service.
        held: true,
        summary: `${what}, ${listener.status || 'no status'}${extra}`,
    };
}
const isMissing = (code) => /^ResourceNotFound\.Listener$/i.test(code);
class AlbTarget {
    services;
    options;
    label = LABEL;
    input = 'deploy';
    endpointInput = ENDPOINT_INPUT;
    isMissing = isMissing;
    /** Regions of the listeners this run read: where `alsoInUse` lists the account's other listeners. */
    regions = new Set();
    constructor(services, options) {
        this.services = services;
        this.options = options;
    }
    describe(resource) {
        const { id, region } = this.address(resource);
        return `ALB listener ${id}@${region}${this.isExtension(resource) ? ' (extension certificate)' : ''}`;
    }
    // A listener serves any certificate: ALB picks an extension certificate by SNI, else the default.
    covers() {
        return true;
    }
    isExtension(resource) {
        return parseRegionalResource(resource).sni;
    }
    regionOf(resource) {
        return this.address(resource).region;
    }
    async serving(resource) {
        const listener = readListener(await this.call(resource, 'GetListenerAttribute', {}));
        if (!this.isExtension(resource))
            return readServing(listener, this.options.certRegion);
        return readServing(listener, this.options.certRegion, await this.extensions(resource));
    }
    async set(resource, certId) {
        const identifier = `${certId}-${this.options.certRegion}`;
        if (this.isExtension(resource)) {
            // An extension already listed (an earlier run's association, still settling) is not sent again.
            const listed = () => this.hasExtension(resource, identifier);
            if (await listed())
                return;
            const params = { 'Certificates.1.CertificateId': identifier };
            await this.write(resource, 'AssociateAdditionalCertificatesWithListener', params, listed);
            return;
        }
        const took = async () => readListener(await this.call(resource, 'GetListenerAttribute', {})).defaultCertificate === identifier;
        await this.write(resource, 'UpdateListenerAttribute', { 'Certificates.1.CertificateId': identifier }, took);
    }
    async detach(resource, certIds) {
        const wanted = new Set(certIds.map((id) => `${id}-${this.options.certRegion}`));
        const associated = async () => (await this.extensions(resource))
            .filter((e) => e.status === 'Associated' && wanted.has(e.certificateId))
            .map((e) => e.certificateId);
        const identifiers = await associated();
        if (identifiers.length === 0)
            return undefined;
        const params = Object.fromEntries(identifiers.map((identifier, index) => [`Certificates.${index + 1}.CertificateId`, identifier]));
        await this.write(resource, 'DissociateAdditionalCertificatesFromListener', params, async () => (await associated()).length === 0);
        return undefined;
    }
    async check(resource) {
        const { id, region } = this.address(resource);
        const where = `ALB listener ${id}@${region}`;
        const certRegion = this.options.certRegion;
        if (onChinaSite(region) !== onChinaSite(certRegion)) {
            return (`names ${where}, on the ${onChinaSite(region) ? 'China' : 'international'} site, while the certificate ` +
                `is held at Certificate Management Service on the ${onChinaSite(certRegion) ? 'China' : 'international'} ` +
                `site (${certRegion}, from the region input): a listener serves only certificates of its own site; ` +
                'deploy it from a run whose region is on the same site');
        }
        let listener;
        try {
            listener = readListener(await this.call(resource, 'GetListenerAttribute', {}));
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && isMissing(error.code)))
                throw error;
            return `names ${where}, which is not in this account in ${region} (${error.code}): check the listener id and its region, or ${ENDPOINT_INPUT}`;
        }
        const problem = listenerProblem(listener);
        if (problem?.startsWith('an '))
            return `names ${where}, ${problem}: name an HTTPS listener`;
        return undefined;
    }
    async alsoInUse(certIds) {
        const wanted = new Set(certIds);
        const found = new Set();
        const regions = this.regions.size > 0 ? [...this.regions] : [this.options.region];
        for (const region of regions) {
            const listeners = await this.pages(region, 'ListListeners', { ListenerProtocol: 'HTTPS' }, 'Listeners');
            const quic = await this.pages(region, 'ListListeners', { ListenerProtocol: 'QUIC' }, 'Listeners');
            for (const listener of [...listeners, ...quic]) {
                const listenerId = text(listener.ListenerId);
                if (!listenerId)
                    continue;
                const certificates = await this.pages(region, 'ListListenerCertificates', { ListenerId: listenerId, CertificateType: 'Server' }, 'Certificates');
                for (const certificate of certificates) {
                    // One being dissociated (this run's detach, say) is on its way out.
                    if (certificate.Status === 'Dissociating')
                        continue;
                    const casId = casIdOf(text(certificate.CertificateId) ?? '', this.options.certRegion);
                    if (wanted.has(casId))
                        found.add(casId);
                }
            }
        }
        return [...found];
    }
    /**
     * A write whose outcome is unknown (a 503, a lost answer) is never resent blindly: the listener is read back,
     * and only when it shows the write did not run is it sent once more (and read back again).
     */
    async write(resource, action, params, took) {
        try {
            await this.call(resource, action, params, true);
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                throw error;
            if (await took())
                return;
            try {
                await this.call(resource, action, params, true);
            }
            catch (again) {
                if (!(again instanceof AliyunApiError && again.outcomeUnknown && (await took())))
                    throw again;
            }
        }
    }
    address(resource) {
        const parsed = parseRegionalResource(resource);
        return { id: parsed.id, region: parsed.region ?? this.options.region };
    }
    endpoint(region) {
        return this.services.endpointOverride('alb') ?? `https://alb.${region}.aliyuncs.com`;
    }
    /** One call about the resource's listener, at its region's endpoint (RegionId names the region too). */
    call(resource, action, params, changesState = false) {
        const { id, region } = this.address(resource);
        this.regions.add(region);
        return this.services.client.call({
            endpoint: this.endpoint(region),
            version: VERSION,
            action,
            params: { RegionId: region, ListenerId: id, ...params },
            changesState,
        });
    }
    async extensions(resource) {
        const { id, region } = this.address(resource);
        const certificates = await this.pages(region, 'ListListenerCertificates', { ListenerId: id, CertificateType: 'Server' }, 'Certificates');
        return readExtensions({ Certificates: certificates });
    }
    async hasExtension(resource, identifier) {
        return (await this.extensions(resource)).some((e) => e.certificateId === identifier);
    }
    /** Every item of a NextToken listing. */
    async pages(region, action, params, field) {
        const items = [];
        let nextToken;
        for (let page = 1;; page++) {
            const answer = await this.services.client.call({
                endpoint: this.endpoint(region),
                version: VERSION,
                action,
                params: { RegionId: region, ...params, MaxResults: PAGE_SIZE, NextToken: nextToken },
                changesState: false,
            });
            items.push(...list(answer[field]));
            const next = text(answer.NextToken);
            if (!next || next === nextToken)
                return items;
            checkPageLimit(action, page, Number(answer.TotalCount ?? 0));
            nextToken = next;
        }
    }
}
const createAlbTarget = (services, options) => new AlbTarget(services, options);

export { casIdOf, createAlbTarget, readExtensions, readListener, readServing };
