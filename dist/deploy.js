import { f as certificateCovers, A as AliyunApiError, F as FlowError, n as nextPollDelayMs } from './start.js';

// An `sni` resource holds several certificates, one per name set. The new certificate supersedes those whose every
// name it covers, and expired ones go too: both are detached once the new one is served, so a listener never picks
// an old certificate for a name (docs/deploy.md). Each is read at the service, never its private key.
/** The extension certificates (other than `certId`) the new certificate's names supersede, or that expired. */
async function supersededExtensions(deps, extensions, cert) {
    const others = [...new Set(extensions)].filter((id) => id !== cert.certId);
    const verdicts = await Promise.all(others.map(async (id) => {
        try {
            const facts = await deps.describeCertificate(id);
            const expired = facts.notAfter !== undefined && facts.notAfter <= deps.now();
            const covered = facts.names.length > 0 && facts.names.every((name) => certificateCovers(cert.names, name));
            return expired || covered;
        }
        catch (error) {
            if (!(error instanceof AliyunApiError))
                throw error;
            // Unknown names: another certificate's, maybe; it stays.
            deps.log.warning(`Extension certificate ${id} was not read (${error.describe()}): it is kept.`);
            return false;
        }
    }));
    return others.filter((_, index) => verdicts[index]);
}

const m = /*#__PURE__*/ process.getBuiltinModule('node:tls');
const connect = /*#__PURE__*/ (() => m.connect)();

// `verify-url`: what clients get, seen as they see it. A TLS handshake with the URL's name as SNI reads the served
// leaf; the deployment counts as done only when its SHA-256 fingerprint is the new certificate's, checked again
// until deploy-timeout (an edge takes a while to show a change). Trust is not the question here: the fingerprint is
// compared exactly, so the chain is not checked (docs/deploy.md).
/** One handshake: the leaf the endpoint serves for the check's name, or why none was read. */
function readServedLeaf(check, timeoutMs) {
    return new Promise((resolve, reject) => {
        const socket = connect({
            host: check.host,
            port: check.port,
            ...(check.servername ? { servername: check.servername } : {}),
            rejectUnauthorized: false,
            ALPNProtocols: ['http/1.1'],
        });
        const timer = setTimeout(() => {
            socket.destroy();
            reject(new Error(`no TLS handshake within ${Math.round(timeoutMs / 1000)}s`));
        }, timeoutMs);
        socket.once('secureConnect', () => {
            clearTimeout(timer);
            const leaf = socket.getPeerX509Certificate();
            socket.end();
            if (!leaf)
                return reject(new Error('the endpoint served no certificate'));
            resolve({
                sha256: leaf.fingerprint256.replace(/:/g, ''),
                subject: leaf.subject.replace(/\n/g, ', '),
                notAfter: new Date(leaf.validTo).toISOString(),
            });
        });
        socket.once('error', (error) => {
            clearTimeout(timer);
            socket.destroy();
            reject(error);
        });
    });
}
/**
 * Every URL at once: handshakes until the leaf served is the certificate (by SHA-256), or until the deadline.
 * Nothing here changes anything: a URL that never serves it is a failure naming the URL and what it serves.
 */
async function verifyServed(deps, checks, cert, deadline) {
    const wanted = cert.sha256?.replace(/:/g, '').toUpperCase();
    return Promise.all(checks.map(async (check) => {
        if (!wanted) {
            return {
                url: check.url,
                outcome: 'not-served',
                problem: `the service gave no SHA-256 of certificate ${cert.certId} to compare ${check.url} with`,
            };
        }
        let seen = '';
        for (let attempt = 1;; attempt++) {
            const left = deadline - deps.now().getTime();
            try {
                const leaf = await readServedLeaf(check, Math.max(1000, Math.min(10_000, left)));
                if (leaf.sha256 === wanted) {
                    deps.log.info(`${check.url} serves certificate ${cert.certId} (SHA-256 ${wanted.slice(0, 16)}…).`);
                    return { url: check.url, outcome: 'served', servedAt: deps.now() };
                }
                const now = `a different certificate (${leaf.subject}, SHA-256 ${leaf.sha256.slice(0, 16)}…, not after ${leaf.notAfter})`;
                if (now !== seen)
                    deps.log.info(`${check.url} still serves ${now}: waiting.`);
                seen = now;
            }
            catch (error) {
                const now = `no certificate: ${error.message}`;
                if (now !== seen)
                    deps.log.info(`${check.url}: ${now}; trying again.`);
                seen = now;
            }
            const rest = deadline - deps.now().getTime();
            if (rest <= 0) {
                return {
                    url: check.url,
                    outcome: 'not-served',
                    seen,
                    problem: `${check.url} did not serve certificate ${cert.certId} within deploy-timeout (it serves ${seen})`,
                };
            }
            await deps.sleep(Math.min(deps.delayMs(attempt, deadline), rest));
        }
    }));
}

// The deploy step: put one certificate held at the service on every listed resource, in parallel, and wait until
// each serves it (an `sni` resource then detaches what it superseded), each bounded by deploy-timeout; then see
// each `verify-url` serve it; then, with delete-superseded and only once all that holds, delete what the resources
// served before and nothing else uses (docs/deploy.md). What a product's answers mean is its target's
// (target.ts): this engine knows no product.
/** Thrown when a resource did not come to serve the certificate; the report says what each resource did. */
class DeploymentError extends FlowError {
    report;
    constructor(message, report) {
        super(message, { certId: report.certId, deployment: report, timeline: [], details: [] });
        this.report = report;
    }
}
async function deployCertificate(deps, cert) {
    const jobs = await deps.jobs();
    const { options } = deps;
    // Every resource is checked against the certificate's names before any call is made.
    const uncovered = jobs.filter((job) => !job.target.covers(cert.names, job.resource));
    if (uncovered.length > 0) {
        const which = uncovered.map((job) => `${job.target.describe(job.resource)} (input '${job.input}')`);
        throw new FlowError(`Certificate ${cert.certId} (${cert.names.join(', ')}) does not cover ${which.join(', ')}; nothing was ` +
            'deployed: deploy a certificate whose names include the domain, or remove the domain from the list.');
    }
    const started = deps.now().getTime();
    const deadline = started + options.timeoutSeconds * 1000;
    deps.log.info(`Deploying certificate ${cert.certId} to ${jobs.map((j) => `${j.target.label} ${j.resource}`).join(', ')} ` +
        `(deploy-timeout ${options.timeoutSeconds}s).`);
    const heldBefore = new Map();
    const rows = await Promise.all(jobs.map((job) => deployToResource(deps, job, cert, deadline, (b) => heldBefore.set(b.certId ?? '', b.held))));
    const report = {
        certId: cert.certId,
        domains: rows,
        superseded: [],
        verified: [],
        changed: rows.some((row) => row.outcome === 'deployed'),
    };
    const failed = rows.filter((row) => row.outcome === 'failed' || row.outcome === 'timed-out');
    if (failed.length > 0) {
        const served = rows.filter((row) => !failed.includes(row)).map((row) => `${row.target} ${row.domain}`);
        throw new DeploymentError(`${failed.map((row) => row.problem).join('; ')}; ${served.length > 0
            ? `${served.join(', ')} serve${served.length === 1 ? 's' : ''} it`
            : 'no domain serves it'}, and the certificate's outputs are set: fix the domain and run again, which deploys only where it is missing.`, report);
    }
    if (options.verify.length > 0) {
        report.verified = await verifyServed({ ...deps, delayMs: (attempt, end) => nextPollDelayMs(attempt, pollSchedule(options, end)) }, options.verify, cert, deadline);
        const unserved = report.verified.filter((check) => check.outcome !== 'served');
        if (unserved.length > 0) {
            throw new DeploymentError(`${unserved.map((check) => check.problem).join('; ')}; every listed resource reports the certificate ` +
                'set, so clients there reach something else (DNS, another CDN or load balancer): check verify-url and ' +
                'verify-connect-to. Nothing was deleted.', report);
        }
    }
    if (options.deleteSuperseded) {
        // The product's own free certificates are not held at Certificate Management Service: nothing to delete.
        const held = rows
            .flatMap((row) => (row.detached ? row.detached : row.before ? [row.before] : []))
            .filter((id) => id !== cert.certId && heldBefore.get(id) !== false);
        report.superseded = await deleteSuperseded(deps, jobs, new Set(held));
    }
    report.changed ||= report.superseded.length > 0;
    return report;
}
function pollSchedule(options, deadline) {
    return {
        firstMs: options.pollIntervalSeconds * 1000,
        maxMs: options.maxPollIntervalSeconds * 1000,
        deadline,
    };
}
/** What a resource serves: its default certificate, or for an `sni` resource its extension certificates. */
function servedIds(job, serving) {
    if (job.target.isExtension?.(job.resource))
        return serving.extensions ?? [];
    return serving.certId ? [serving.certId] : [];
}
function servesIt(job, serving, certId) {
    return servedIds(job, serving).includes(certId) && serving.inEffect;
}
async function deployToResource(deps, job, cert, deadline, onBefore) {
    const { log, options } = deps;
    const { target, resource } = job;
    const { certId } = cert;
    const label = target.describe(resource);
    const region = target.regionOf?.(resource);
    const row = {
        target: target.label,
        key: job.key,
        domain: resource,
        ...(region ? { region } : {}),
        outcome: 'failed',
    };
    try {
        const before = await target.serving(resource);
        onBefore(before);
        const extension = target.isExtension?.(resource) ?? false;
        // An sni resource keeps other names' certificates: only those the new one supersedes are its "before".
        const superseded = extension ? await supersededExtensions(deps, before.extensions ?? [], cert) : [];
        for (const id of superseded)
            onBefore({ ...before, certId: id, held: true });
        row.before = extension ? superseded.join(', ') || undefined : before.certId;
        const schedule = pollSchedule(options, deadline);
        if (servesIt(job, before, certId) && superseded.length === 0) {
            log.info(`${label} already serves certificate ${certId}: nothing to set.`);
            // Its own served-since, not this run's time; unknown where the product does not say (DCDN).
            return { ...row, after: certId, servedAt: before.since, outcome: 'already-served' };
        }
        // A set whose switch is still being checked (an earlier run's) is waited for, not sent again.
        const listed = servedIds(job, before).includes(certId);
        if (!listed || !(before.settling || before.inEffect)) {
            await target.set(resource, certId);
            log.info(`${label}: set certificate ${certId} (was ${before.summary}); waiting until it is served.`);
        }
        const served = await awaitServing(deps, job, certId, schedule, label);
        if (served.outcome !== 'served')
            return { ...row, ...served.row };
        if (superseded.length > 0 && target.detach) {
            const asked = (await target.detach(resource, superseded)) ?? superseded;
            const listed = await awaitDetached(deps, job, asked, schedule, label);
            const gone = superseded.filter((id) => !listed.includes(id));
            if (gone.length > 0) {
                log.info(`${label}: detached ${gone.join(', ')}, which certificate ${certId} supersedes.`);
                row.detached = gone;
            }
            for (const id of superseded.filter((id) => listed.includes(id))) {
                log.info(`${label} keeps certificate ${id}: the product cannot let it go without a name losing HTTPS.`);
            }
        }
        return { ...row, after: certId, servedAt: deps.now(), outcome: 'deployed' };
    }
    catch (error) {
        if (!(error instanceof AliyunApiError))
            throw error;
        return { ...row, problem: `${label}: ${error.describe()}` };
    }
}
/** Polls the resource until it serves the certificate, reports a failure, or the deadline passes. */
async function awaitServing(deps, job, certId, schedule, label) {
    let checks = 0;
    let lastSeen = '';
    for (;;) {
        const served = await job.target.serving(job.resource);
        if (servesIt(job, served, certId)) {
            deps.log.info(`${label} serves certificate ${certId}.`);
            return { outcome: 'served' };
        }
        if (served.failure) {
            return {
                outcome: 'not',
                row: {
                    after: served.certId,
                    problem: `${label} reports ${served.failure}, so certificate ${certId} cannot take effect there`,
                },
            };
        }
        const seen = served.summary;
        if (seen !== lastSeen)
            deps.log.info(`${label} still serves ${seen}: waiting.`);
        lastSeen = seen;
        const left = schedule.deadline - deps.now().getTime();
        if (left <= 0) {
            return {
                outcome: 'not',
                row: {
                    after: served.certId,
                    outcome: 'timed-out',
                    problem: `${label} did not serve certificate ${certId} within deploy-timeout ${deps.options.timeoutSeconds}s (it still serves ${seen})`,
                },
            };
        }
        // Full jitter within [poll-interval, ceiling], so runs polling at once drift apart (src/core/poll.ts).
        await deps.sleep(Math.min(nextPollDelayMs(++checks, schedule), left));
    }
}
/** Waits until the detached certificates are gone (past the deadline, a warning); what the resource lists then. */
async function awaitDetached(deps, job, detached, schedule, label) {
    for (let checks = 1;; checks++) {
        const listed = (await job.target.serving(job.resource)).extensions ?? [];
        const still = detached.filter((id) => listed.includes(id));
        const left = schedule.deadline - deps.now().getTime();
        if (still.length === 0)
            return listed;
        if (left <= 0) {
            deps.log.warning(`${label} still lists certificate ${still.join(', ')} after deploy-timeout: it was asked to detach it.`);
            return listed;
        }
        await deps.sleep(Math.min(nextPollDelayMs(checks, schedule), left));
    }
}
/**
 * Runs only after every resource serves the new certificate. Each one's earlier certificate is deleted unless a
 * listed resource serves it still (read again now). A refused delete is a warning: the deployment itself succeeded.
 */
async function deleteSuperseded(deps, jobs, candidates) {
    const { log } = deps;
    if (candidates.size === 0)
        return [];
    const now = await Promise.all(jobs.map((job) => job.target.serving(job.resource)));
    for (const [index, served] of now.entries()) {
        for (const id of [served.certId, ...(served.extensions ?? [])]) {
            if (id && candidates.delete(id)) {
                log.info(`Certificate ${id} is kept: ${jobs[index]?.target.label} ${jobs[index]?.resource} serves it.`);
            }
        }
    }
    // Resources of the same products that are not listed: a certificate one of them uses stays.
    for (const target of new Set(jobs.map((job) => job.target))) {
        if (candidates.size === 0 || !target.alsoInUse)
            continue;
        for (const id of await target.alsoInUse([...candidates])) {
            if (candidates.delete(id))
                log.info(`Certificate ${id} is kept: another ${target.label} resource uses it.`);
        }
    }
    const deleted = [];
    // The same store, in the same api-version, as `mode: delete` (src/held/).
    const held = await deps.held();
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

// mode: deploy — deploy a certificate already at the service (`cert-id`) to the listed resources (`cdn-domains`,
// `dcdn-domains`); and the same step after `issue`, `renew` (and `upload`), run once the certificate is delivered
// (docs/deploy.md).
/** The one place a deployment's deps are taken from the flow's context (its services, logger and clock). */
function deployDeps(ctx) {
    const { config } = ctx;
    return {
        options: {
            timeoutSeconds: config.deploy.timeoutSeconds,
            deleteSuperseded: config.deploy.deleteSuperseded,
            pollIntervalSeconds: config.pollIntervalSeconds,
            maxPollIntervalSeconds: config.maxPollIntervalSeconds,
            verify: config.deploy.verify,
        },
        describeCertificate: (certId) => ctx.deploy.describeCertificate(certId),
        jobs: () => ctx.deploy.jobs(),
        held: ctx.held,
        log: ctx.log,
        now: ctx.now,
        sleep: ctx.sleep,
    };
}
async function deployHeldCertificate(ctx) {
    const certId = ctx.config.certId;
    if (!certId)
        throw new FlowError("Input 'cert-id' is required for mode deploy.");
    const { names, sha256 } = await ctx.deploy.describeCertificate(certId);
    ctx.log.info(`Certificate ${certId} covers ${names.join(', ')}.`);
    const deployment = await deployCertificate(deployDeps(ctx), {
        certId,
        names,
        ...(sha256 ? { sha256 } : {}),
    });
    // A deployment that found every resource serving it changed nothing: a later step may skip on it.
    return { status: 'deployed', certId, deployment, changed: deployment.changed, timeline: [], details: [] };
}
/**
 * After a flow's result is delivered: deploys its certificate, or says why there is none to deploy (an order still
 * pending). An `unchanged` certificate is deployed too, only where it is not served yet.
 */
async function deployFlowResult(ctx, result) {
    const names = result.certificate?.info.names;
    const sha256 = result.certificate?.info.fingerprintSha256;
    if (!result.certId || !names) {
        ctx.log.info(`No certificate in this run (${result.status}), so nothing is deployed.`);
        return undefined;
    }
    const cert = { certId: result.certId, names, ...(sha256 ? { sha256 } : {}) };
    return deployCertificate(deployDeps(ctx), cert);
}

export { deployFlowResult, deployHeldCertificate };
