import { x as parseRegionalResource, A as AliyunApiError, F as FlowError, B as checkPageLimit, v as isRecord, E as createHash } from './start.js';

// The Global Accelerator deploy target (API 2019-11-20, one endpoint for every accelerator: GA is global, RegionId
// cn-hangzhou). A `ga: lsr-…` line sets the listener's default certificate (`UpdateListener` with
// `Certificates.1.Id` alone: the SDK sends only the fields set, and the listener keeps the others), read back by
// `DescribeListener` until `active`. A `ga: lsr-… sni` line binds the certificate as the additional certificate of
// each of its names (GA binds one per domain: `AssociateAdditionalCertificatesWithListener` for a domain without one,
// `UpdateAdditionalCertificateWithListener` for a domain with another), read back by `ListListenerCertificates`.
// The accelerator these calls need is read from `DescribeListener`, so a line names the listener alone.
// Every write carries a ClientToken made of what it does (listener, operation, certificate, what it replaces):
// a write whose answer was lost is sent again with the same token, which GA answers without a second change.
// GA names a certificate by its CAS identifier `<certId>-<certRegion>` (docs/deploy.md).
const VERSION = '2019-11-20';
const REGION = 'cn-hangzhou';
const DEFAULT_ENDPOINT = 'https://ga.cn-hangzhou.aliyuncs.com';
const ENDPOINT_INPUT = 'ga-endpoint';
const PAGE_SIZE = 50;
/** Certificates one association call takes. */
const BATCH = 10;
/** While one write runs, GA refuses the next on the same accelerator: how long set waits for it, at most. */
const SETTLE_WAIT_MS = 120_000;
const SETTLE_POLL_MS = 2_000;
/** `123-cn-hangzhou` → `123` when held in `certRegion`; another site's identifier stays whole (never ours). */
function casIdOf(identifier, certRegion) {
    return identifier.endsWith(`-${certRegion}`) && /^\d+-/.test(identifier)
        ? identifier.slice(0, -certRegion.length - 1)
        : identifier;
}
const text = (value) => (typeof value === 'string' ? value : undefined);
const list = (value) => Array.isArray(value) ? value.filter(isRecord) : [];
function readListener(answer) {
    const defaultCertificate = text(list(answer.Certificates)[0]?.Id);
    return {
        acceleratorId: text(answer.AcceleratorId) ?? '',
        protocol: text(answer.Protocol)?.toUpperCase() ?? '',
        state: text(answer.State)?.toLowerCase() ?? '',
        ...(defaultCertificate ? { defaultCertificate } : {}),
    };
}
function readCertificates(answer) {
    return list(answer.Certificates)
        .map((c) => {
        const domain = text(c.Domain)?.toLowerCase();
        return {
            certificateId: text(c.CertificateId) ?? '',
            ...(domain ? { domain } : {}),
            isDefault: c.IsDefault === true || c.IsDefault === 'true',
            state: text(c.State)?.toLowerCase() ?? '',
        };
    })
        .filter((c) => c.certificateId !== '');
}
/** Why no waiting makes a certificate take effect on the listener, or nothing. */
function listenerProblem(listener) {
    if (listener.protocol !== 'HTTPS')
        return `a ${listener.protocol || 'listener of unknown protocol'} listener, not HTTPS, so it serves no certificate`;
    if (listener.state === 'deleting')
        return 'deleting: it serves nothing any more';
    return undefined;
}
/**
 * What the listener serves, in the engine's words: its default certificate, in effect once the listener is
 * `active` again (`updating`, `configuring`, `init` are waited out); for an `sni` line its additional certificates,
 * in effect once none is `updating`.
 */
function readServing(listener, certRegion, additional, partial = new Set()) {
    const certId = listener.defaultCertificate && casIdOf(listener.defaultCertificate, certRegion);
    const failure = listenerProblem(listener);
    const active = listener.state === 'active';
    const moving = (additional ?? []).filter((c) => c.state !== 'active');
    const casId = (c) => casIdOf(c.certificateId, certRegion);
    const describe = (c) => `${casId(c)} for ${c.domain ?? 'no domain'}`;
    const extra = additional
        ? `, additional ${additional.map(describe).join(', ') || 'none'}${moving.length > 0 ? ` (${moving.length} updating)` : ''}${partial.size > 0 ? ` (${[...partial].join(', ')} not on every name)` : ''}`
        : '';
    return {
        ...(certId ? { certId } : {}),
        // One bound on some of its names only (a run cut short) is not served yet: set binds the rest.
        ...(additional
            ? { extensions: [...new Set(additional.map(casId))].filter((id) => !partial.has(id)) }
            : {}),
        inEffect: !failure && active && moving.length === 0,
        settling: !failure && (!active || moving.length > 0),
        ...(failure ? { failure } : {}),
        // Every certificate a GA listener serves is held at Certificate Management Service.
        held: true,
        summary: `${certId ? `certificate ${certId}` : 'no certificate'}, ${listener.state || 'no state'}${extra}`,
    };
}
/** The ClientToken of one write: the same write (after a lost answer) gets the same token, another write another. */
function clientToken(parts) {
    return `certdeploy-${createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 40)}`;
}
/** The domains a certificate binds as additional certificates: its names, each once. */
function bindingDomains(names) {
    return [...new Set(names.map((name) => name.toLowerCase()))];
}
const isMissing = (code) => code === 'NotExist.Listener';
/** GA refuses a write while another runs on the accelerator or listener: waited for, then sent again. */
const isBusy = (code) => code === 'StateError.Accelerator' || code === 'NotActive.Listener' || code === 'StateError.Listener';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
class GaTarget {
    services;
    options;
    label = 'GA';
    input = 'deploy';
    endpointInput = ENDPOINT_INPUT;
    isMissing = isMissing;
    /** Listener id → its accelerator, as DescribeListener said: what the additional-certificate calls name. */
    accelerators = new Map();
    /** CAS id → its names, read once (names of a certificate never change). */
    names = new Map();
    constructor(services, options) {
        this.services = services;
        this.options = options;
    }
    describe(resource) {
        const { id, sni } = parseRegionalResource(resource);
        return `GA listener ${id}${sni ? ' (additional certificates)' : ''}`;
    }
    // A listener serves any certificate: GA picks an additional certificate by domain, else the default.
    covers() {
        return true;
    }
    isExtension(resource) {
        return parseRegionalResource(resource).sni;
    }
    async serving(resource) {
        const listener = await this.listener(resource);
        if (!this.isExtension(resource))
            return readServing(listener, this.options.certRegion);
        const additional = await this.additional(resource);
        return readServing(listener, this.options.certRegion, additional, await this.partial(additional));
    }
    /**
     * The certificates bound on some of their names only (a run whose later writes failed): not yet served, so the
     * next run binds the rest instead of detaching what they supersede from a domain they are not bound to.
     */
    async partial(additional) {
        const domains = new Map();
        for (const c of additional) {
            const id = casIdOf(c.certificateId, this.options.certRegion);
            domains.set(id, (domains.get(id) ?? new Set()).add(c.domain ?? ''));
        }
        const partial = new Set();
        for (const [id, bound] of domains) {
            const names = await this.namesOf(id);
            if (names && bindingDomains(names).some((domain) => !bound.has(domain)))
                partial.add(id);
        }
        return partial;
    }
    /** A certificate's names, read once a run; none when it cannot be read (another site's, say). */
    namesOf(certId) {
        const describe = this.services.certificateFacts;
        if (!describe || !/^\d+$/.test(certId))
            return Promise.resolve(undefined);
        let names = this.names.get(certId);
        if (!names) {
            names = describe(certId).then((facts) => facts.names, (error) => {
                if (error instanceof AliyunApiError)
                    return undefined;
                throw error;
            });
            this.names.set(certId, names);
        }
        return names;
    }
    async set(resource, certId) {
        const id = this.listenerId(resource);
        const identifier = `${certId}-${this.options.certRegion}`;
        if (!this.isExtension(resource)) {
            const before = (await this.listener(resource)).defaultCertificate ?? 'none';
            const params = { 'Certificates.1.Id': identifier };
            await this.write(resource, 'UpdateListener', params, [id, 'default', identifier, before]);
            return;
        }
        if (!this.services.certificateFacts)
            throw new FlowError(`${this.describe(resource)}: the certificate's names cannot be read here.`);
        const domains = bindingDomains((await this.services.certificateFacts(certId)).names);
        const bound = new Map((await this.additional(resource)).map((c) => [c.domain ?? '', c.certificateId]));
        const unbound = domains.filter((domain) => !bound.has(domain));
        for (let start = 0; start < unbound.length; start += BATCH) {
            const batch = unbound.slice(start, start + BATCH);
            const params = {};
            for (const [index, domain] of batch.entries()) {
                params[`Certificates.${index + 1}.Id`] = identifier;
                params[`Certificates.${index + 1}.Domain`] = domain;
            }
            await this.write(resource, 'AssociateAdditionalCertificatesWithListener', params, [
                id,
                'associate',
                identifier,
                ...batch,
            ]);
        }
        for (const domain of domains) {
            const other = bound.get(domain);
            if (other === undefined || other === identifier)
                continue;
            await this.write(resource, 'UpdateAdditionalCertificateWithListener', { CertificateId: identifier, Domain: domain }, [id, 'replace', identifier, domain, other]);
        }
    }
    /** Dissociates the domains the superseded certificates are still bound to (a replaced domain is not). */
    async detach(resource, certIds) {
        const wanted = new Set(certIds.map((id) => `${id}-${this.options.certRegion}`));
        const domains = (await this.additional(resource))
            .filter((c) => wanted.has(c.certificateId) && c.domain)
            .map((c) => c.domain ?? '')
            .sort();
        if (domains.length === 0)
            return undefined;
        const params = Object.fromEntries(domains.map((domain, index) => [`Domains.${index + 1}`, domain]));
        const id = this.listenerId(resource);
        await this.write(resource, 'DissociateAdditionalCertificatesFromListener', params, [
            id,
            'dissociate',
            ...[...wanted].sort(),
            ...domains,
        ]);
        return undefined;
    }
    async check(resource) {
        const where = `GA listener ${this.listenerId(resource)}`;
        let listener;
        try {
            listener = await this.listener(resource);
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && isMissing(error.code)))
                throw error;
            return `names ${where}, which is not in this account (${error.code}): check the listener id, or ${ENDPOINT_INPUT}`;
        }
        if (listener.protocol !== 'HTTPS') {
            return `names ${where}, a ${listener.protocol || 'listener of unknown protocol'} listener, not HTTPS: GA serves certificates on HTTPS listeners only`;
        }
        return undefined;
    }
    /** Certificates the other HTTPS listeners of the accelerators this run read still use. */
    async alsoInUse(certIds) {
        const wanted = new Set(certIds);
        const found = new Set();
        for (const acceleratorId of new Set(this.accelerators.values())) {
            for (const listener of await this.listeners(acceleratorId)) {
                const listenerId = text(listener.ListenerId);
                if (!listenerId || text(listener.Protocol)?.toUpperCase() !== 'HTTPS')
                    continue;
                for (const c of await this.certificates(acceleratorId, listenerId)) {
                    const casId = casIdOf(c.certificateId, this.options.certRegion);
                    if (wanted.has(casId))
                        found.add(casId);
                }
            }
        }
        return [...found];
    }
    listenerId(resource) {
        return parseRegionalResource(resource).id;
    }
    endpoint() {
        return this.services.endpointOverride('ga') ?? DEFAULT_ENDPOINT;
    }
    call(action, params, changesState = false) {
        return this.services.client.call({
            endpoint: this.endpoint(),
            version: VERSION,
            action,
            params: { RegionId: REGION, ...params },
            changesState,
        });
    }
    async listener(resource) {
        const id = this.listenerId(resource);
        const listener = readListener(await this.call('DescribeListener', { ListenerId: id }));
        if (listener.acceleratorId)
            this.accelerators.set(id, listener.acceleratorId);
        return listener;
    }
    async acceleratorOf(resource) {
        const known = this.accelerators.get(this.listenerId(resource));
        if (known)
            return known;
        const { acceleratorId } = await this.listener(resource);
        if (!acceleratorId)
            throw new FlowError(`${this.describe(resource)}: DescribeListener named no accelerator; run again.`);
        return acceleratorId;
    }
    async additional(resource) {
        const all = await this.certificates(await this.acceleratorOf(resource), this.listenerId(resource), 'additional');
        return all.filter((c) => !c.isDefault);
    }
    /** Every certificate of a listener (NextToken pages). */
    async certificates(acceleratorId, listenerId, role) {
        const items = [];
        let nextToken;
        for (let page = 1;; page++) {
            const answer = await this.call('ListListenerCertificates', {
                AcceleratorId: acceleratorId,
                ListenerId: listenerId,
                ...(role ? { Role: role } : {}),
                MaxResults: PAGE_SIZE,
                NextToken: nextToken,
            });
            items.push(...readCertificates(answer));
            const next = text(answer.NextToken);
            if (!next || next === nextToken)
                return items;
            checkPageLimit('ListListenerCertificates', page, Number(answer.TotalCount ?? 0));
            nextToken = next;
        }
    }
    /** Every listener of an accelerator (PageNumber pages). */
    async listeners(acceleratorId) {
        const items = [];
        for (let page = 1;; page++) {
            const answer = await this.call('ListListeners', {
                AcceleratorId: acceleratorId,
                PageNumber: page,
                PageSize: PAGE_SIZE,
            });
            const listeners = list(answer.Listeners);
            items.push(...listeners);
            const total = Number(answer.TotalCount ?? 0);
            if (listeners.length === 0 || items.length >= total)
                return items;
            checkPageLimit('ListListeners', page, total);
        }
    }
    /**
     * One write, with the ClientToken of what it does. GA runs one write at a time per accelerator: one refused as
     * busy is sent again once the earlier one is done (bounded). One whose answer was lost is sent once more with the
     * same token: GA answers it as the first time, and changes nothing a second time.
     */
    async write(resource, action, params, tokenParts) {
        const needsAccelerator = action !== 'UpdateListener';
        const request = {
            ListenerId: this.listenerId(resource),
            ...(needsAccelerator ? { AcceleratorId: await this.acceleratorOf(resource) } : {}),
            ...params,
            ClientToken: clientToken([action, ...tokenParts]),
        };
        const waitUntil = Date.now() + SETTLE_WAIT_MS;
        for (let resent = false;;) {
            try {
                await this.call(action, request, true);
                return;
            }
            catch (error) {
                if (!(error instanceof AliyunApiError))
                    throw error;
                if (error.outcomeUnknown && !resent) {
                    resent = true;
                    continue;
                }
                if (!isBusy(error.code) || Date.now() >= waitUntil)
                    throw error;
                await sleep(SETTLE_POLL_MS);
            }
        }
    }
}
const createGaTarget = (services, options) => new GaTarget(services, options);

export { bindingDomains, clientToken, createGaTarget, readCertificates, readListener, readServing };
