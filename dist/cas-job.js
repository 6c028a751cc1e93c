import { G as parseCasJobResource, f as certificateCovers, A as AliyunApiError, B as checkPageLimit, v as isRecord } from './start.js';

// The CAS deployment job target (API 2020-04-07, at the run's CAS endpoint): any resource Certificate Management
// Service lists (`ListCloudResources`, by product and keyword) takes the certificate through a deployment job
// (`CreateDeploymentJob`, started by `UpdateDeploymentJobStatus` `scheduling`, followed by `DescribeDeploymentJob`
// and, when it fails, `ListWorkerResource`). The service bills every job: a line needs allow-paid-deployment-job
// (src/config/config.ts), and a job whose creation is in doubt is looked up by its name before one more is sent.
// Read back: the resource's CertId in ListCloudResources (docs/deploy.md).
const VERSION = '2020-04-07';
const LABEL = 'CAS deployment job';
const PAGE_SIZE = 50;
/** Every job this action creates is named so: its certificate and the resource's id make the rest. */
const JOB_NAME_PREFIX = 'certificate-action';
const text = (value) => typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
const list = (value) => Array.isArray(value) ? value.filter(isRecord) : [];
function readCloudResource(row) {
    const id = text(row.Id);
    if (!id)
        return undefined;
    const optional = (name, value) => {
        const v = text(value);
        return v ? { [name]: v } : {};
    };
    return {
        id,
        product: text(row.CloudProduct) ?? '',
        ...optional('domain', row.Domain),
        ...optional('instanceId', row.InstanceId),
        ...optional('listenerId', row.ListenerId),
        ...optional('listenerPort', row.ListenerPort),
        ...optional('regionId', row.RegionId),
        ...(text(row.CertId) && text(row.CertId) !== '0' ? { certId: text(row.CertId) } : {}),
        httpsOn: text(row.EnableHttps) !== '0',
        isDefault: text(row.DefaultResource) === '1',
    };
}
/** The service name of a domain: CDN and DCDN list the wildcard domain `*.example.com` as `.example.com`. */
const domainKey = (name) => (name.startsWith('*.') ? name.slice(1) : name).toLowerCase();
/** What ListCloudResources is searched by (Keyword): the domain, or the instance or listener id without its port. */
function keywordOf(name) {
    if (/^\d+$/.test(name))
        return undefined;
    return domainKey(name)
        .replace(/^\./, '')
        .replace(/[:@]\d+$/, '');
}
/** The rows a line names: by numeric id, domain, listener id, or `<instance>:<port>`; in its region if it names one. */
function matchingResources(resource, rows) {
    const name = resource.name.toLowerCase();
    const found = rows.filter((row) => row.product.toLowerCase() === resource.product.toLowerCase() &&
        (resource.region === undefined || row.regionId === resource.region) &&
        (row.id === name ||
            (row.domain !== undefined && row.domain.toLowerCase() === domainKey(name)) ||
            row.listenerId?.toLowerCase() === name ||
            (row.instanceId !== undefined &&
                (row.listenerPort
                    ? `${row.instanceId}:${row.listenerPort}`.toLowerCase() === name
                    : row.instanceId.toLowerCase() === name))));
    // A listener is listed once for its default certificate and once per extension: a line means the default.
    const defaults = found.filter((row) => row.isDefault);
    return found.length > 1 && defaults.length === 1 ? defaults : found;
}
function readJob(row) {
    const id = text(row.Id) ?? text(row.JobId);
    return id ? { id, name: text(row.Name) ?? '', status: (text(row.Status) ?? '').toLowerCase() } : undefined;
}
/** A job that may still bring the certificate (not ended): adopted rather than another one created. */
const RUNNING = new Set(['editing', 'pending', 'scheduling', 'processing']);
/** The job's deterministic name for a certificate on a resource; `-2`, `-3` after ended jobs of that name. */
function jobName(certId, resourceId, ended) {
    const base = `${JOB_NAME_PREFIX}-${certId}-${resourceId}`;
    return ended === 0 ? base : `${base}-${ended + 1}`;
}
/** Whether a listed job is one of this certificate's on this resource (any attempt). */
function isJobFor(job, certId, resourceId) {
    const base = jobName(certId, resourceId, 0);
    return job.name === base || new RegExp(`^${base}-\\d+$`).test(job.name);
}
/**
 * What the resource serves, in the engine's words: the CertId CAS lists, in effect with HTTPS on; while a job of
 * this run runs, settling; a job that ended in error is the failure (with its worker's word on the resource).
 */
function readServing(row, job) {
    const what = row.certId ? `certificate ${row.certId}` : 'no certificate';
    const https = row.httpsOn ? '' : ', HTTPS off';
    const base = { ...(row.certId ? { certId: row.certId } : {}), held: true };
    if (!job) {
        return {
            ...base,
            inEffect: row.certId !== undefined && row.httpsOn,
            settling: false,
            summary: `${what}${https}`,
        };
    }
    const summary = `${what}${https}, job ${job.id} ${job.status || 'without status'}`;
    if (job.status === 'error') {
        return {
            ...base,
            inEffect: false,
            settling: false,
            failure: `deployment job ${job.id} (${job.name}) ended in error${job.worker ? `, its worker on the resource ${job.worker}` : ''}` +
                ': the product refused the certificate (the job in the Certificate Management Service console says why)',
            summary,
        };
    }
    const took = job.status === 'success' && row.certId === job.certId && row.httpsOn;
    return { ...base, inEffect: took, settling: !took, summary };
}
class CasJobTarget {
    services;
    options;
    label = LABEL;
    input = 'deploy';
    endpointInput = 'endpoint';
    /** The jobs this run created or adopted, by resource (a line). */
    jobs = new Map();
    /** Each line's row, as last read. */
    rows = new Map();
    constructor(services, options) {
        this.services = services;
        this.options = options;
    }
    isMissing(code) {
        return /^NotFound\.Resource$/i.test(code);
    }
    describe(resource) {
        const { product, name, region } = parseCasJobResource(resource);
        return `${product} resource ${name}${region ? `@${region}` : ''} (CAS deployment job)`;
    }
    // A domain is covered by the certificate's names; an instance or listener serves any.
    covers(names, resource) {
        const { name } = parseCasJobResource(resource);
        const isDomain = name.includes('.') && !/[:@]/.test(name) && !/^\d+$/.test(name);
        return !isDomain || certificateCovers(names, name.startsWith('.') ? `*${name}` : name);
    }
    regionOf(resource) {
        return parseCasJobResource(resource).region ?? this.rows.get(resource)?.regionId;
    }
    async serving(resource) {
        const row = await this.find(resource);
        if (typeof row === 'string')
            return { inEffect: false, settling: false, failure: row, held: true, summary: row };
        const job = this.jobs.get(resource);
        if (!job)
            return readServing(row);
        const read = readJob({ ...(await this.call('DescribeDeploymentJob', { JobId: job.id })), Id: job.id });
        const status = read?.status ?? '';
        const worker = status === 'error' ? await this.workerStatus(job.id, row.id) : undefined;
        return readServing(row, { ...job, status, ...(worker ? { worker } : {}) });
    }
    async set(resource, certId) {
        const row = await this.find(resource);
        if (typeof row === 'string')
            throw this.refusal('ListCloudResources', row);
        const earlier = (await this.listJobs()).filter((job) => isJobFor(job, certId, row.id));
        // An earlier run's job still under way is followed, not ordered again.
        const running = earlier.find((job) => RUNNING.has(job.status));
        const job = running ?? (await this.create(jobName(certId, row.id, earlier.length), certId, row.id));
        this.jobs.set(resource, { ...job, certId });
        if (job.status === 'editing' || job.status === '')
            await this.start(job.id);
    }
    async check(resource) {
        const row = await this.find(resource);
        if (typeof row === 'string')
            return row;
        if (!this.options.contactId && !(await this.firstContact())) {
            return (`names ${this.describe(resource)}: a deployment job needs a contact and ListContact lists none; add one ` +
                'in the Certificate Management Service console, or set contact-id');
        }
        return undefined;
    }
    async alsoInUse(certIds) {
        const found = new Set();
        const rows = await this.resources({ CertIds: JSON.stringify(certIds.map(Number)) });
        for (const row of rows)
            if (row.certId && certIds.includes(row.certId))
                found.add(row.certId);
        return [...found];
    }
    /** The line's resource, or why there is none (one sentence, naming it). */
    async find(resource) {
        const parsed = parseCasJobResource(resource);
        const keyword = keywordOf(parsed.name);
        const rows = await this.resources({
            CloudProduct: parsed.product,
            ...(keyword ? { Keyword: keyword } : {}),
        });
        const found = matchingResources(parsed, rows);
        const where = this.describe(resource);
        if (found.length === 1 && found[0]) {
            this.rows.set(resource, found[0]);
            return found[0];
        }
        if (found.length === 0) {
            return (`names ${where}, which Certificate Management Service does not list (ListCloudResources, CloudProduct ` +
                `${parsed.product}${keyword ? `, Keyword ${keyword}` : ''}): the resource must exist and be synchronised ` +
                'into Certificate Management Service (its console, Deployment, Cloud resources); check the product, the name ' +
                'and the region, or endpoint');
        }
        const which = found.map((row) => `${row.id}${row.regionId ? ` in ${row.regionId}` : ''}`).join(', ');
        return `names ${where}, which matches ${found.length} resources (${which}): name one by its id (${parsed.product}/<id>) or its region`;
    }
    /** One job, its creation reconciled: an answer lost on the way is looked up by its name before one more is sent. */
    async create(name, certId, resourceId) {
        const params = {
            Name: name,
            JobType: 'user',
            CertIds: certId,
            ResourceIds: resourceId,
            ContactIds: this.options.contactId ?? (await this.firstContact()) ?? '',
        };
        const created = async () => (await this.listJobs()).find((job) => job.name === name);
        for (let attempt = 1;; attempt++) {
            try {
                const answer = await this.call('CreateDeploymentJob', params, true);
                return { id: text(answer.JobId) ?? '', name, status: 'editing' };
            }
            catch (error) {
                if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                    throw error;
                const job = await created();
                if (job)
                    return job;
                if (attempt >= 2)
                    throw error;
            }
        }
    }
    /** Runs the job now (`scheduling`); a lost answer is read back before it is sent again. */
    async start(jobId) {
        const params = { JobId: jobId, Status: 'scheduling' };
        try {
            await this.call('UpdateDeploymentJobStatus', params, true);
        }
        catch (error) {
            if (!(error instanceof AliyunApiError && error.outcomeUnknown))
                throw error;
            const read = readJob({ ...(await this.call('DescribeDeploymentJob', { JobId: jobId })), Id: jobId });
            if (read?.status === 'editing')
                await this.call('UpdateDeploymentJobStatus', params, true);
        }
    }
    async firstContact() {
        const answer = await this.call('ListContact', { CurrentPage: 1, ShowSize: 10 });
        return text(list(answer.ContactList)[0]?.ContactId);
    }
    /** The worker's status on the resource, once the job ended in error. */
    async workerStatus(jobId, resourceId) {
        const rows = await this.pages('ListWorkerResource', { JobId: jobId });
        return text(rows.find((row) => text(row.ResourceId) === resourceId)?.Status);
    }
    async listJobs() {
        const rows = await this.pages('ListDeploymentJob', { JobType: 'user' });
        return rows.map(readJob).filter((job) => job !== undefined);
    }
    async resources(params) {
        const rows = await this.pages('ListCloudResources', params);
        return rows.map(readCloudResource).filter((row) => row !== undefined);
    }
    /** Every item of a CurrentPage/ShowSize listing (Data, Total). */
    async pages(action, params) {
        const items = [];
        for (let page = 1;; page++) {
            const answer = await this.call(action, { ...params, CurrentPage: page, ShowSize: PAGE_SIZE });
            const data = list(answer.Data);
            items.push(...data);
            const total = Number(answer.Total ?? 0);
            if (data.length === 0 || items.length >= total)
                return items;
            checkPageLimit(action, page, total);
        }
    }
    endpoint() {
        // The run's CAS endpoint (the `endpoint` input), else the one of the site the certificate is held on.
        return (this.services.endpointOverride('cas-job') ??
            (this.options.certRegion === 'cn-hangzhou'
                ? 'https://cas.aliyuncs.com'
                : 'https://cas.ap-southeast-1.aliyuncs.com'));
    }
    call(action, params, changesState = false) {
        return this.services.client.call({
            endpoint: this.endpoint(),
            version: VERSION,
            action,
            params,
            changesState,
        });
    }
    /** A problem the engine reports as the resource's, as it reports a product's refusal. */
    refusal(action, message) {
        return new AliyunApiError({ action, code: 'NotFound.Resource', message });
    }
}
const createCasJobTarget = (services, options) => new CasJobTarget(services, options);

export { JOB_NAME_PREFIX, createCasJobTarget, isJobFor, jobName, keywordOf, matchingResources, readCloudResource, readServing };
