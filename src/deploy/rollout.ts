// The deploy step: put one certificate held at the service on every listed resource, in parallel, and wait until
// each serves it, each bounded by deploy-timeout; then, with delete-superseded and only once every resource serves
// it, delete what the resources served before (docs/deploy.md). What a product's answers mean is its target's
// (target.ts): this engine knows no product.
import { AliyunApiError } from '../aliyun/errors.js';
import { FlowError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { nextPollDelayMs } from '../core/poll.js';
import type { DeploymentReport, DomainDeployment } from '../core/result.js';
import type { HeldCertificateStore } from '../held/port.js';
import type { DeployJob, Serving } from './target.js';

/** The deploy inputs the engine reads, and the poll-interval backoff. */
export interface DeployOptions {
  timeoutSeconds: number;
  deleteSuperseded: boolean;
  pollIntervalSeconds: number;
  maxPollIntervalSeconds: number;
}

export interface DeployDeps {
  options: DeployOptions;
  /** The listed resources, each with its target. */
  jobs(): Promise<DeployJob[]>;
  /** Certificates held at the service, in the run's api-version: where superseded ones are deleted. */
  held(): Promise<HeldCertificateStore>;
  log: Logger;
  now(): Date;
  sleep(ms: number): Promise<void>;
}

/** What any flow hands over: a certificate at the service and the names it covers. */
export interface DeployableCertificate {
  certId: string;
  names: string[];
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
      deployToResource(deps, job, cert.certId, deadline, (b) => heldBefore.set(b.certId ?? '', b.held)),
    ),
  );
  const report: DeploymentReport = {
    certId: cert.certId,
    domains: rows,
    superseded: [],
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
  if (options.deleteSuperseded) {
    // The product's own free certificates are not held at Certificate Management Service: nothing to delete.
    const held = rows
      .map((row) => row.before)
      .filter((id): id is string => !!id && id !== cert.certId && heldBefore.get(id) !== false);
    report.superseded = await deleteSuperseded(deps, jobs, new Set(held));
  }
  report.changed ||= report.superseded.length > 0;
  return report;
}

function servesIt(serving: Serving, certId: string): boolean {
  return serving.certId === certId && serving.inEffect;
}

async function deployToResource(
  deps: DeployDeps,
  job: DeployJob,
  certId: string,
  deadline: number,
  onBefore: (before: Serving) => void,
): Promise<DomainDeployment> {
  const { log, options } = deps;
  const { target, resource } = job;
  const label = target.describe(resource);
  const row: DomainDeployment = { target: target.label, domain: resource, outcome: 'failed' };
  try {
    const before = await target.serving(resource);
    row.before = before.certId;
    onBefore(before);
    if (servesIt(before, certId)) {
      log.info(`${label} already serves certificate ${certId}: nothing to set.`);
      // Its own served-since, not this run's time; unknown where the product does not say (DCDN).
      return { ...row, after: certId, servedAt: before.since, outcome: 'already-served' };
    }
    // A set whose switch is still being checked (an earlier run's) is waited for, not sent again.
    if (before.certId !== certId || !before.settling) {
      await target.set(resource, certId);
      log.info(`${label}: set certificate ${certId} (was ${before.summary}); waiting until it is served.`);
    }
    const schedule = {
      firstMs: options.pollIntervalSeconds * 1000,
      maxMs: options.maxPollIntervalSeconds * 1000,
      deadline,
    };
    let checks = 0;
    let lastSeen = '';
    for (;;) {
      const served = await target.serving(resource);
      if (servesIt(served, certId)) {
        log.info(`${label} serves certificate ${certId}.`);
        return { ...row, after: certId, servedAt: deps.now(), outcome: 'deployed' };
      }
      if (served.failure) {
        return {
          ...row,
          after: served.certId,
          problem: `${label} reports ${served.failure}, so certificate ${certId} cannot take effect there`,
        };
      }
      const seen = served.summary;
      if (seen !== lastSeen) log.info(`${label} still serves ${seen}: waiting.`);
      lastSeen = seen;
      const left = deadline - deps.now().getTime();
      if (left <= 0) {
        return {
          ...row,
          after: served.certId,
          outcome: 'timed-out',
          problem: `${label} did not serve certificate ${certId} within deploy-timeout ${options.timeoutSeconds}s (it still serves ${seen})`,
        };
      }
      // Full jitter within [poll-interval, ceiling], so runs polling at once drift apart (src/core/poll.ts).
      const delay = nextPollDelayMs(++checks, schedule);
      await deps.sleep(Math.min(delay, left));
    }
  } catch (error) {
    if (!(error instanceof AliyunApiError)) throw error;
    return { ...row, problem: `${label}: ${error.describe()}` };
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
    if (served.certId && candidates.delete(served.certId)) {
      log.info(
        `Certificate ${served.certId} is kept: ${jobs[index]?.target.label} ${jobs[index]?.resource} serves it.`,
      );
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
