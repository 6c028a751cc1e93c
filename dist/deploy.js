import { n as namesOf, t as textField, F as FlowError, f as certificateCovers, D as DEPLOY_TARGETS, g as nextPollDelayMs, A as AliyunApiError } from './start.js';
import { c as createHeldApi2020 } from './api-2020.js';

const CAS_VERSION = '2020-04-07';
async function describeHeldCertificate(client, endpoint, certId) {
    const r = await client.call({
        endpoint,
        version: CAS_VERSION,
        action: 'GetUserCertificateDetail',
        params: { CertId: certId, CertFilter: 'true' },
        changesState: false,
    });
    // The same reading of `Sans` and `Common` as the held-certificate adapters (src/held/port.ts).
    const names = namesOf(textField(r.Sans), textField(r.Common));
    if (names.length === 0) {
        throw new FlowError(`Certificate ${certId} (input 'cert-id') names no domain at the service; check cert-id.`);
    }
    return { certId, names };
}

// Pure: what the `Status` of DescribeDomainCertificateInfo (002) and DescribeDcdnDomainCertificateInfo means for a
// deployment: served, still to wait for, or failed for a reason no waiting will fix.
/** 002's failure statuses and what each means, for the one-sentence error. */
const FAILED = {
    cname_error: 'no valid CNAME record points the domain at the CDN',
    top_domain_cname_error: 'no valid CNAME record has been added for the top-level domain',
    domain_invalid: 'the domain name contains invalid characters',
    unsupport_wildcard: 'the product does not support this wildcard domain',
    get_token_timeout: 'the certificate application request timed out',
    check_token_timeout: 'the verification timed out',
    get_cert_timeout: 'the request to obtain the certificate timed out',
    failed: 'the certificate application failed',
};
/** `checking` (is the domain on the CDN?) and `applying` pass with time; so does no status yet. */
const WAITING = new Set(['', 'checking', 'applying']);
function readStatus(status) {
    const value = (status ?? '').toLowerCase();
    if (value === 'success')
        return { kind: 'success' };
    const meaning = FAILED[value];
    if (meaning)
        return { kind: 'failed', meaning };
    // A status 002 does not list is waited out (deploy-timeout bounds it), not taken as failure.
    return { kind: 'wait', known: WAITING.has(value) };
}

// The deploy step: put one certificate held at the service on every listed CDN/DCDN domain, in parallel, and wait
// until each serves it (Status success with its CertId), each bounded by deploy-timeout; then, with
// delete-superseded and only once every domain serves it, delete what the domains served before (docs/deploy.md).
/** Thrown when a domain did not come to serve the certificate; the report says what each domain did. */
class DeploymentError extends FlowError {
    report;
    constructor(message, report) {
        super(message, { certId: report.certId, deployment: report, timeline: [], details: [] });
        this.report = report;
    }
}
async function deployCertificate(deps, cert) {
    const jobs = await listJobs(deps);
    // Every domain is checked against the certificate's names before any call is made.
    const uncovered = jobs.filter((job) => !certificateCovers(cert.names, coveredName(job.serviceName)));
    if (uncovered.length > 0) {
        const which = uncovered.map((job) => `${job.target.label} domain ${job.domain} (input '${job.target.input}')`);
        throw new FlowError(`Certificate ${cert.certId} (${cert.names.join(', ')}) does not cover ${which.join(', ')}; nothing was ` +
            'deployed: deploy a certificate whose names include the domain, or remove the domain from the list.');
    }
    const started = deps.now().getTime();
    const deadline = started + deps.config.deploy.timeoutSeconds * 1000;
    deps.log.info(`Deploying certificate ${cert.certId} to ${jobs.map((j) => `${j.target.label} ${j.domain}`).join(', ')} ` +
        `(deploy-timeout ${deps.config.deploy.timeoutSeconds}s).`);
    const beforeTypes = new Map();
    const rows = await Promise.all(jobs.map((job) => deployToDomain(deps, job, cert.certId, deadline, (b) => beforeTypes.set(b.certId ?? '', b.certType))));
    const report = {
        certId: cert.certId,
        domains: rows,
        superseded: [],
        changed: rows.some((row) => row.outcome === 'deployed'),
    };
    const failed = rows.filter((row) => row.outcome === 'failed' || row.outcome === 'timed-out');
    if (failed.length > 0) {
        const served = rows.filter((row) => !failed.includes(row)).map((row) => `${row.target} ${row.domain}`);
        throw new DeploymentError(`${failed.map((row) => row.problem).join('; ')}; ${served.length > 0
            ? `${served.join(', ')} serve${served.length === 1 ? 's' : ''} it`
            : 'no domain serves it'}, and the certificate's outputs are set: fix the domain and run again, which deploys only where it is missing.`, report);
    }
    if (deps.config.deploy.deleteSuperseded) {
        // The product's own free certificates are not held at Certificate Management Service: nothing to delete.
        const held = rows
            .map((row) => row.before)
            .filter((id) => !!id && id !== cert.certId && beforeTypes.get(id) !== 'free');
        report.superseded = await deleteSuperseded(deps, jobs, new Set(held));
    }
    report.changed ||= report.superseded.length > 0;
    return report;
}
async function listJobs(deps) {
    const jobs = [];
    for (const entry of DEPLOY_TARGETS) {
        const domains = entry.domains(deps.config.deploy);
        if (domains.length === 0)
            continue;
        const target = (await entry.load())(deps.client, deps.config);
        for (const domain of domains)
            jobs.push({ target, domain, serviceName: target.serviceName(domain) });
    }
    return jobs;
}
/** The certificate name a domain needs: the wildcard domain `.example.com` needs `*.example.com`. */
function coveredName(serviceName) {
    return serviceName.startsWith('.') ? `*${serviceName}` : serviceName;
}
function servesIt(served, certId) {
    return served.certId === certId && served.httpsOn && readStatus(served.status).kind === 'success';
}
function describeServed(served) {
    const what = served.certId ? `certificate ${served.certId}` : 'no certificate';
    return `${what}${served.status ? `, ${served.status}` : ''}${served.httpsOn ? '' : ', HTTPS off'}`;
}
async function deployToDomain(deps, job, certId, deadline, onBefore) {
    const { log } = deps;
    const label = `${job.target.label} domain ${job.domain}`;
    const row = { target: job.target.label, domain: job.domain, outcome: 'failed' };
    try {
        const before = await job.target.served(job.serviceName);
        row.before = before.certId;
        onBefore(before);
        if (servesIt(before, certId)) {
            log.info(`${label} already serves certificate ${certId}: nothing to set.`);
            return { ...row, after: certId, servedAt: deps.now(), outcome: 'already-served' };
        }
        // A set whose switch is still being checked (an earlier run's) is waited for, not sent again.
        if (before.certId !== certId || readStatus(before.status).kind !== 'wait') {
            await job.target.set(job.serviceName, certId);
            log.info(`${label}: set certificate ${certId} (was ${describeServed(before)}); waiting until it is served.`);
        }
        const schedule = {
            firstMs: deps.config.pollIntervalSeconds * 1000,
            maxMs: deps.config.maxPollIntervalSeconds * 1000,
            deadline,
        };
        let checks = 0;
        let lastSeen = '';
        for (;;) {
            const served = await job.target.served(job.serviceName);
            if (servesIt(served, certId)) {
                log.info(`${label} serves certificate ${certId}.`);
                return { ...row, after: certId, servedAt: deps.now(), outcome: 'deployed' };
            }
            const reading = readStatus(served.status);
            if (reading.kind === 'failed') {
                return {
                    ...row,
                    after: served.certId,
                    problem: `${label} reports ${served.status}: ${reading.meaning}, so certificate ${certId} cannot take effect there`,
                };
            }
            const seen = describeServed(served);
            if (seen !== lastSeen)
                log.info(`${label} still serves ${seen}: waiting.`);
            lastSeen = seen;
            const left = deadline - deps.now().getTime();
            if (left <= 0) {
                return {
                    ...row,
                    after: served.certId,
                    outcome: 'timed-out',
                    problem: `${label} did not serve certificate ${certId} within deploy-timeout ${deps.config.deploy.timeoutSeconds}s (it still serves ${seen})`,
                };
            }
            // Full jitter within [poll-interval, ceiling], so runs polling at once drift apart (src/core/poll.ts).
            const delay = nextPollDelayMs(++checks, schedule);
            await deps.sleep(Math.min(delay, left));
        }
    }
    catch (error) {
        if (!(error instanceof AliyunApiError))
            throw error;
        return { ...row, problem: `${label}: ${error.describe()}` };
    }
}
/**
 * Runs only after every domain serves the new certificate. Each domain's earlier certificate is deleted unless a
 * listed domain serves it still (read again now). A refused delete is a warning: the deployment itself succeeded.
 */
async function deleteSuperseded(deps, jobs, candidates) {
    const { log } = deps;
    if (candidates.size === 0)
        return [];
    const now = await Promise.all(jobs.map((job) => job.target.served(job.serviceName)));
    for (const [index, served] of now.entries()) {
        if (served.certId && candidates.delete(served.certId)) {
            log.info(`Certificate ${served.certId} is kept: ${jobs[index]?.target.label} ${jobs[index]?.domain} serves it.`);
        }
    }
    const deleted = [];
    // The same store as `mode: delete` (src/held/); a deleted certificate has no key to mask.
    const held = createHeldApi2020(deps.client, deps.config.endpoints.cas, () => { });
    for (const id of candidates) {
        try {
            if (await held.delete(id)) {
                log.info(`Deleted superseded certificate ${id}.`);
                deleted.push(id);
            }
            else
                log.info(`Superseded certificate ${id} was already gone.`);
        }
        catch (error) {
            if (!(error instanceof AliyunApiError))
                throw error;
            log.warning(`Superseded certificate ${id} was not deleted: ${error.describe()}.`);
        }
    }
    return deleted;
}

// mode: deploy — deploy a certificate already at the service (`cert-id`) to `cdn-domains` / `dcdn-domains`; and the
// same step after `issue`, `renew` (and `upload`), run once the certificate is delivered (docs/deploy.md).
async function deployHeldCertificate(deps) {
    const certId = deps.config.certId;
    if (!certId)
        throw new FlowError("Input 'cert-id' is required for mode deploy.");
    const held = await describeHeldCertificate(deps.client, deps.config.endpoints.cas, certId);
    deps.log.info(`Certificate ${certId} covers ${held.names.join(', ')}.`);
    const deployment = await deployCertificate(deps, held);
    return { status: 'deployed', certId, deployment, timeline: [], details: [] };
}
/**
 * After a flow's result is delivered: deploys its certificate, or says why there is none to deploy (an order still
 * pending). An `unchanged` certificate is deployed too, only where it is not served yet.
 */
async function deployFlowResult(deps, result) {
    const names = result.certificate?.info.names;
    if (!result.certId || !names) {
        deps.log.info(`No certificate in this run (${result.status}), so nothing is deployed.`);
        return undefined;
    }
    const cert = { certId: result.certId, names };
    return deployCertificate(deps, cert);
}

export { deployFlowResult, deployHeldCertificate };
