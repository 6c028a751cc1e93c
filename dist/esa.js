import { x as parseRegionalResource, A as AliyunApiError, t as listField, y as numberField, q as normaliseDomain, u as textField, z as idField } from './start.js';

// The ESA deploy target (Edge Security Acceleration, API 2024-09-10): a site, `esa: example.com` (by its name,
// resolved with ListSites) or `esa: 1234567890123` (its id, read with GetSite), optionally `@cn-hangzhou` or
// `@ap-southeast-1` (ESA's two endpoints; by default the one of the site the certificate is held on).
//
// Why every ESA site is an extension (SNI) resource: a site holds several certificates at once and ESA picks, for
// each hostname, one of them that covers it; there is no single default certificate to replace. So a set adds the
// new CAS certificate beside the others (`SetCertificate` `Type cas`, `CasId`, `Region`; `Certificate.Duplicated`
// means it is there already: success), it is served once `ListCertificates` lists it `OK` (or `Expiring`), and the
// ones it supersedes are removed from the site (`DeleteCertificate` `SiteId`, `Id`) through `detach` (docs/deploy.md).
const ESA_VERSION = '2024-09-10';
const LIST_SITES_PAGE = 500;
const LIST_CERTIFICATES_PAGE = 100;
/** The statuses in which a site's certificate is served (the SDK's ListCertificates model). */
const SERVED = new Set(['OK', 'Expiring']);
/** Not served yet, and time settles them. */
const SETTLING = new Set(['Applying', 'Issued']);
/** What a site status other than `active` means (the SDK's ListSites model). */
const SITE_STATUS = {
    pending: 'it is still being added: its DNS setup is not verified',
    offline: 'it is suspended',
    moved: 'another Alibaba Cloud account has added and verified it',
};
/** `2023-04-20 06:18:42`, UTC, as ESA writes times; an ISO time as well. */
function esaTime(value) {
    const text = textField(value);
    if (!text)
        return undefined;
    const iso = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(text) ? `${text.replace(' ', 'T')}Z` : text;
    const at = new Date(iso);
    return Number.isNaN(at.getTime()) ? undefined : at;
}
function readSiteCertificates(answer) {
    return listField(answer.Result).map((item) => {
        const sans = (textField(item.SAN) ?? '').split(',').map((name) => name.trim());
        const names = sans.filter(Boolean).length > 0 ? sans.filter(Boolean) : [textField(item.CommonName) ?? ''];
        const casId = idField(item.CasId);
        const updated = esaTime(item.UpdateTime) ?? esaTime(item.CreateTime);
        return {
            id: textField(item.Id) ?? '',
            ...(casId ? { casId } : {}),
            type: (textField(item.Type) ?? '').toLowerCase(),
            status: textField(item.Status) ?? '',
            names: names.filter(Boolean).map((name) => name.toLowerCase()),
            ...(updated ? { updated } : {}),
        };
    });
}
/**
 * What a site serves, in the engine's words: its CAS certificates in effect are its extensions, oldest first (it
 * has no default certificate); a site that is not `active` serves none, and no waiting changes that.
 */
function readSiteServing(site, certificates) {
    const held = certificates.filter((c) => c.type === 'cas' && c.casId);
    const served = held.filter((c) => SERVED.has(c.status));
    const settling = held.filter((c) => SETTLING.has(c.status));
    const extensions = served.map((c) => c.casId ?? '');
    const newest = served.at(-1);
    const meaning = site.status === 'active' ? undefined : (SITE_STATUS[site.status] ?? 'it is not active');
    const words = [
        extensions.length > 0 ? `certificates ${extensions.join(', ')}` : 'no certificate held at the service',
        ...settling.map((c) => `${c.casId} ${c.status}`),
        ...(meaning ? [`site ${site.status}`] : []),
    ];
    return {
        extensions,
        inEffect: !meaning,
        settling: settling.length > 0,
        ...(meaning ? { failure: `site status ${site.status}: ${meaning}` } : {}),
        held: true,
        ...(newest?.updated ? { since: newest.updated } : {}),
        summary: words.join(', '),
    };
}
/** Whether a certificate with these names has a name on the site (ESA picks a site's certificate by hostname). */
function namesOnSite(certNames, siteName) {
    const site = normaliseDomain(siteName);
    return certNames
        .map((name) => normaliseDomain(name))
        .some((name) => name === site || name.endsWith(`.${site}`));
}
const isMissing = (code) => /^InvalidParameter\.SiteId$|^Site\.NotFound$/i.test(code);
const createEsaTarget = (services, options) => {
    const endpointInput = 'esa-endpoint';
    const override = services.endpointOverride('esa');
    const defaultRegion = options.certRegion === 'ap-southeast-1' ? 'ap-southeast-1' : 'cn-hangzhou';
    const regionOf = (resource) => parseRegionalResource(resource).region ?? defaultRegion;
    const endpointOf = (resource) => override ?? `https://esa.${regionOf(resource)}.aliyuncs.com`;
    /** The endpoints this run asked: where other sites that may still use a certificate are looked for. */
    const endpointsAsked = new Set([override ?? `https://esa.${defaultRegion}.aliyuncs.com`]);
    const callAt = (endpoint, action, params, write = false) => {
        endpointsAsked.add(endpoint);
        return services.client.call({ endpoint, version: ESA_VERSION, action, params, changesState: write });
    };
    const call = (resource, action, params, write = false) => callAt(endpointOf(resource), action, params, write);
    // A site's id and name do not change within a run: resolved once (a failed look-up is asked again).
    const resolved = new Map();
    async function findSite(resource) {
        const { id } = parseRegionalResource(resource);
        if (/^\d+$/.test(id)) {
            try {
                const model = (await call(resource, 'GetSite', { SiteId: id })).SiteModel;
                return model && typeof model === 'object' ? siteOf(model) : undefined;
            }
            catch (error) {
                if (error instanceof AliyunApiError && isMissing(error.code))
                    return undefined;
                throw error;
            }
        }
        const wanted = normaliseDomain(id);
        for (let page = 1;; page++) {
            const answer = await call(resource, 'ListSites', {
                SiteName: wanted,
                SiteSearchType: 'exact',
                PageNumber: page,
                PageSize: LIST_SITES_PAGE,
            });
            const sites = listField(answer.Sites).map(siteOf);
            const found = sites.find((site) => normaliseDomain(site.siteName) === wanted);
            if (found)
                return found;
            if (sites.length === 0 || page * LIST_SITES_PAGE >= numberField(answer.TotalCount))
                return undefined;
        }
    }
    function site(resource) {
        let found = resolved.get(resource);
        if (!found) {
            found = findSite(resource);
            found.then((s) => s === undefined && resolved.delete(resource), () => resolved.delete(resource));
            resolved.set(resource, found);
        }
        return found;
    }
    /** The site, or the product's own answer for a site not in the account, so the engine reports it. */
    async function siteOrFail(resource, action) {
        const found = await site(resource);
        if (found)
            return found;
        throw new AliyunApiError({
            action,
            code: 'InvalidParameter.SiteId',
            message: `no ESA site ${parseRegionalResource(resource).id} in this account at ${endpointOf(resource)}`,
        });
    }
    async function certificatesAt(endpoint, siteId) {
        const all = [];
        for (let page = 1;; page++) {
            const answer = await callAt(endpoint, 'ListCertificates', {
                SiteId: siteId,
                PageNumber: page,
                PageSize: LIST_CERTIFICATES_PAGE,
            });
            const listed = readSiteCertificates(answer);
            all.push(...listed);
            const total = numberField(answer.TotalCount);
            if (listed.length === 0 || (total > 0 ? all.length >= total : listed.length < LIST_CERTIFICATES_PAGE))
                return all;
        }
    }
    const certificates = (resource, siteId) => certificatesAt(endpointOf(resource), siteId);
    /** Every site of the account at an endpoint (ListSites pages, no name). */
    async function allSites(endpoint) {
        const sites = [];
        for (let page = 1;; page++) {
            const answer = await callAt(endpoint, 'ListSites', { PageNumber: page, PageSize: LIST_SITES_PAGE });
            const listed = listField(answer.Sites).map(siteOf);
            sites.push(...listed);
            if (listed.length === 0 || sites.length >= numberField(answer.TotalCount))
                return sites;
        }
    }
    const describe = (resource) => `ESA site ${parseRegionalResource(resource).id}`;
    const target = {
        label: 'ESA',
        input: 'deploy',
        endpointInput,
        describe,
        covers: (certNames, resource) => {
            const { id } = parseRegionalResource(resource);
            // A site given by id has no name before a call: ESA itself then decides which hostnames it covers.
            return /^\d+$/.test(id) || namesOnSite(certNames, id);
        },
        isExtension: () => true,
        regionOf,
        isMissing,
        async serving(resource) {
            const found = await siteOrFail(resource, 'ListSites');
            return readSiteServing(found, await certificates(resource, found.siteId));
        },
        async set(resource, certId) {
            const found = await siteOrFail(resource, 'ListSites');
            const params = { SiteId: found.siteId, Type: 'cas', CasId: certId, Region: options.certRegion };
            try {
                await call(resource, 'SetCertificate', params, true);
            }
            catch (error) {
                if (!(error instanceof AliyunApiError))
                    throw error;
                if (error.code === 'Certificate.Duplicated')
                    return;
                // Sent, no clear answer: it is there, or it is sent again (a second one is refused as Duplicated).
                if (!error.outcomeUnknown)
                    throw error;
                const listed = await certificates(resource, found.siteId);
                if (listed.some((c) => c.casId === certId))
                    return;
                try {
                    await call(resource, 'SetCertificate', params, true);
                }
                catch (again) {
                    if (!(again instanceof AliyunApiError && again.code === 'Certificate.Duplicated'))
                        throw again;
                }
            }
        },
        async detach(resource, certIds) {
            const found = await siteOrFail(resource, 'ListSites');
            const listed = await certificates(resource, found.siteId);
            for (const certificate of listed.filter((c) => c.casId && certIds.includes(c.casId))) {
                try {
                    await call(resource, 'DeleteCertificate', { SiteId: found.siteId, Id: certificate.id }, true);
                }
                catch (error) {
                    // Gone already (another run, the console): nothing to remove.
                    if (!(error instanceof AliyunApiError && error.code === 'Certificate.NotFound'))
                        throw error;
                }
            }
            return undefined;
        },
        // Any site of the account that still holds one (a listed site's superseded ones are detached before this).
        async alsoInUse(certIds) {
            const used = new Set();
            for (const endpoint of endpointsAsked) {
                for (const other of await allSites(endpoint)) {
                    for (const c of await certificatesAt(endpoint, other.siteId))
                        if (c.casId && certIds.includes(c.casId))
                            used.add(c.casId);
                }
            }
            return [...used];
        },
        async check(resource) {
            const { id, region } = parseRegionalResource(resource);
            if (region !== undefined && region !== defaultRegion) {
                return `names ESA site ${resource}, on the ${region === 'cn-hangzhou' ? 'China' : 'international'} site, but the certificate is held at Certificate Management Service in ${options.certRegion} (from region '${options.region}'): ESA takes certificates of its own site; remove '@${region}' or set region to match`;
            }
            const found = await site(resource);
            if (!found) {
                return `names ESA site ${id}, which is not a site of this account at ${endpointOf(resource)} (${/^\d+$/.test(id) ? 'GetSite' : 'ListSites'} finds none): add it in the ESA console, or check ${override ? endpointInput : `the site's region (@cn-hangzhou or @ap-southeast-1), or ${endpointInput}`}`;
            }
            if (found.status !== 'active') {
                const meaning = SITE_STATUS[found.status] ?? 'it is not active';
                return `names ESA site ${found.siteName}, which is ${found.status} (${meaning}), so it serves no certificate: finish adding it in the ESA console`;
            }
            return undefined;
        },
    };
    return target;
};
function siteOf(item) {
    return {
        siteId: idField(item.SiteId) ?? '',
        siteName: textField(item.SiteName) ?? '',
        status: (textField(item.Status) ?? '').toLowerCase(),
    };
}

export { ESA_VERSION, createEsaTarget, namesOnSite, readSiteCertificates, readSiteServing };
