// The deploy step: put one certificate held at the service on every listed resource, in parallel, and wait until
// each serves it (an `sni` resource then detaches what it superseded), each bounded by deploy-timeout; then see
// each `verify-url` serve it; then, with delete-superseded and only once all that holds, delete what the resources
// served before and nothing else uses (docs/deploy.md). What a product's answers mean is its target's
// (target.ts): this engine knows no product.
import { AliyunApiError } from '../aliyun/errors.js';
import { FlowError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { nextPollDelayMs } from '../core/poll.js';
import type { DeploymentReport, DomainDeployment } from '../core/result.js';
import type { HeldCertificateStore } from '../held/port.js';
import { supersededExtensions } from './extensions.js';
import { verifyServed } from './served-check.js';
import type { DeployJob, HeldCertificateFacts, ServedCheck, Serving } from './target.js';

/** The deploy inputs the engine reads, and the poll-interval backoff. */
export interface DeployOptions {
  timeoutSeconds: number;
  deleteSuperseded: boolean;
  pollIntervalSeconds: number;
  maxPollIntervalSeconds: number;
  /** `verify-url`: handshakes that must show the new certificate. */
  verify: readonly ServedCheck[];
}

export interface DeployDeps {
  options: DeployOptions;
  /** The listed resources, each with its target. */
  jobs(): Promise<DeployJob[]>;
  /** Certificates held at the service, in the run's api-version: where superseded ones are deleted. */
  held(): Promise<HeldCertificateStore>;
  /** A certificate at the service, without its key: what an extension certificate covers, when it expires. */
  describeCertificate(certId: string): Promise<HeldCertificateFacts>;
  log: Logger;
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/** What any flow hands over: a certificate at the service and the names it covers. */
export interface DeployableCertificate {
  certId: string;
  names: string[];
  /** Its SHA-256 fingerprint (hex, colons or not): what `verify-url` compares. */
  sha256?: string;
}

/** Thrown when a resource did not come to serve the certificate; the report says what each resource did. */
export class DeploymentError extends FlowError {
  constructor(
    message: string,
    readonly report: DeploymentReport,
  ) {
    super(message, { certId: report.certId, deployment: report, timeline: [], details: [] });
  }
}

export async function deployCertificate(
  deps: DeployDeps,
  cert: DeployableCertificate,
): Promise<DeploymentReport> {
  const jobs = await deps.jobs();
  const { options } = deps;
  // Every resource is checked against the certificate's names before any call is made.
  const uncovered = jobs.filter((job) => !job.target.covers(cert.names, job.resource));
  if (uncovered.length > 0) {
    const which = uncovered.map((job) => `${job.target.describe(job.resource)} (input '${job.input}')`);
    throw new FlowError(
      `Certificate ${cert.certId} (${cert.names.join(', ')}) does not cover ${which.join(', ')}; nothing was ` +
        'deployed: deploy a certificate whose names include the domain, or remove the domain from the list.',
    );
  }
  const started = deps.now().getTime();
  const deadline = started + options.timeoutSeconds * 1000;
  deps.log.info(
    `Deploying certificate ${cert.certId} to ${jobs.map((j) => `${j.target.label} ${j.resource}`).join(', ')} ` +
      `(deploy-timeout ${options.timeoutSeconds}s).`,
  );
  const heldBefore = new Map<string, boolean>();
  const rows = await Promise.all(
    jobs.map((job) =>
      deployToResource(deps, job, cert, deadline, (b) => heldBefore.set(b.certId ?? '', b.held)),
    ),
  );
  const report: DeploymentReport = {
    certId: cert.certId,
    domains: rows,
    superseded: [],
    verified: [],
    changed: rows.some((row) => row.outcome === 'deployed'),
  };
  const failed = rows.filter((row) => row.outcome === 'failed' || row.outcome === 'timed-out');
  if (failed.length > 0) {
    const served = rows.filter((row) => !failed.includes(row)).map((row) => `${row.target} ${row.domain}`);
    throw new DeploymentError(
      `${failed.map((row) => row.problem).join('; ')}; ${
        served.length > 0
          ? `${served.join(', ')} serve${served.length === 1 ? 's' : ''} it`
          : 'no domain serves it'
      }, and the certificate's outputs are set: fix the domain and run again, which deploys only where it is missing.`,
      report,
    );
  }
  if (options.verify.length > 0) {
    report.verified = await verifyServed(
      { ...deps, delayMs: (attempt, end) => nextPollDelayMs(attempt, pollSchedule(options, end)) },
      options.verify,
      cert,
      deadline,
    );
    const unserved = report.verified.filter((check) => check.outcome !== 'served');
    if (unserved.length > 0) {
      throw new DeploymentError(
        `${unserved.map((check) => check.problem).join('; ')}; every listed resource reports the certificate ` +
          'set, so clients there reach something else (DNS, another CDN or load balancer): check verify-url and ' +
          'verify-connect-to. Nothing was deleted.',
        report,
      );
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

function pollSchedule(options: DeployOptions, deadline: number) {
  return {
    firstMs: options.pollIntervalSeconds * 1000,
    maxMs: options.maxPollIntervalSeconds * 1000,
    deadline,
  };
}

/** What a resource serves: its default certificate, or for an `sni` resource its extension certificates. */
function servedIds(job: DeployJob, serving: Serving): string[] {
  if (job.target.isExtension?.(job.resource)) return serving.extensions ?? [];
  return serving.certId ? [serving.certId] : [];
}

function servesIt(job: DeployJob, serving: Serving, certId: string): boolean {
  return servedIds(job, serving).includes(certId) && serving.inEffect;
}

async function deployToResource(
  deps: DeployDeps,
  job: DeployJob,
  cert: DeployableCertificate,
  deadline: number,
  onBefore: (before: Serving) => void,
): Promise<DomainDeployment> {
  const { log, options } = deps;
  const { target, resource } = job;
  const { certId } = cert;
  const label = target.describe(resource);
  const region = target.regionOf?.(resource);
  const row: DomainDeployment = {
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
    for (const id of superseded) onBefore({ ...before, certId: id, held: true });
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
    if (served.outcome !== 'served') return { ...row, ...served.row };
    if (superseded.length > 0 && target.detach) {
      await target.detach(resource, superseded);
      log.info(
        `${label}: detached certificate${superseded.length === 1 ? '' : 's'} ${superseded.join(', ')}, which certificate ${certId} supersedes.`,
      );
      await awaitDetached(deps, job, superseded, schedule, label);
      row.detached = superseded;
    }
    return { ...row, after: certId, servedAt: deps.now(), outcome: 'deployed' };
  } catch (error) {
    if (!(error instanceof AliyunApiError)) throw error;
    return { ...row, problem: `${label}: ${error.describe()}` };
  }
}

type Schedule = ReturnType<typeof pollSchedule>;

/** Polls the resource until it serves the certificate, reports a failure, or the deadline passes. */
async function awaitServing(
  deps: DeployDeps,
  job: DeployJob,
  certId: string,
  schedule: Schedule,
  label: string,
): Promise<{ outcome: 'served' } | { outcome: 'not'; row: Partial<DomainDeployment> }> {
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
    if (seen !== lastSeen) deps.log.info(`${label} still serves ${seen}: waiting.`);
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

/** Waits until the detached certificates are gone from the resource; past the deadline, a warning only. */
async function awaitDetached(
  deps: DeployDeps,
  job: DeployJob,
  detached: string[],
  schedule: Schedule,
  label: string,
): Promise<void> {
  for (let checks = 1; ; checks++) {
    const served = await job.target.serving(job.resource);
    const left = schedule.deadline - deps.now().getTime();
    const still = detached.filter((id) => (served.extensions ?? []).includes(id));
    if (still.length === 0) return;
    if (left <= 0) {
      deps.log.warning(
        `${label} still lists certificate ${still.join(', ')} after deploy-timeout: it was asked to detach it.`,
      );
      return;
    }
    await deps.sleep(Math.min(nextPollDelayMs(checks, schedule), left));
  }
}

/**
 * Runs only after every resource serves the new certificate. Each one's earlier certificate is deleted unless a
 * listed resource serves it still (read again now). A refused delete is a warning: the deployment itself succeeded.
 */
async function deleteSuperseded(
  deps: DeployDeps,
  jobs: DeployJob[],
  candidates: Set<string>,
): Promise<string[]> {
  const { log } = deps;
  if (candidates.size === 0) return [];
  const now = await Promise.all(jobs.map((job) => job.target.serving(job.resource)));
  for (const [index, served] of now.entries()) {
    for (const id of [served.certId, ...(served.extensions ?? [])]) {
      if (id && candidates.delete(id)) {
        log.info(
          `Certificate ${id} is kept: ${jobs[index]?.target.label} ${jobs[index]?.resource} serves it.`,
        );
      }
    }
  }
  // Resources of the same products that are not listed: a certificate one of them uses stays.
  for (const target of new Set(jobs.map((job) => job.target))) {
    if (candidates.size === 0 || !target.alsoInUse) continue;
    for (const id of await target.alsoInUse([...candidates])) {
      if (candidates.delete(id))
        log.info(`Certificate ${id} is kept: another ${target.label} resource uses it.`);
    }
  }
  const deleted: string[] = [];
  // The same store, in the same api-version, as `mode: delete` (src/held/).
  const held = await deps.held();
  for (const id of candidates) {
    try {
      if (await held.delete(id)) {
        log.info(`Deleted superseded certificate ${id}.`);
        deleted.push(id);
      } else log.info(`Superseded certificate ${id} was already gone.`);
    } catch (error) {
      if (!(error instanceof AliyunApiError)) throw error;
      log.warning(`Superseded certificate ${id} was not deleted: ${error.describe()}.`);
    }
  }
  return deleted;
}
