// Certificate Management Service's own deployment (API 2020-04-07, the order API's version): the cloud resources
// CAS knows (`ListCloudResources`), deployment jobs (`CreateDeploymentJob`, `UpdateDeploymentJobStatus`,
// `DescribeDeploymentJob`, `ListDeploymentJob`) and their per-resource workers (`ListWorkerResource`). Field names
// are the official SDK's (@alicloud/cas20200407 models); the error codes are this emulator's where it names none.
// A job is created `editing`; `scheduling` runs it now, `pending` at its ScheduleTime; it is `scheduling`, then
// `processing`, for `delayMs`, then `success` (every worker did) or `error`. Its resources are the emulated CDN
// domains (emulator/cdn.ts: a success sets the domain's certificate, so its served front shows it) and resources
// seeded here for the products the emulator has no API of.
import type { CdnService } from './cdn.js';
import type { Clock } from './clock.js';
import { ApiError, invalidParameter } from './errors.js';
import type { HeldCertificate } from './held-certificates.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

/** A resource CAS lists for a product the emulator has no API of (its certificate lives here). */
export interface CloudResourceSeed {
  cloudProduct: string;
  domain?: string;
  instanceId?: string;
  listenerId?: string;
  listenerPort?: string;
  regionId?: string;
  certId?: string;
  /** Its worker fails: the job ends `error`. */
  failDeployment?: boolean;
}

interface SeededResource extends CloudResourceSeed {
  id: number;
}

type JobStatus = 'editing' | 'pending' | 'scheduling' | 'processing' | 'success' | 'error';

interface Worker {
  id: number;
  resourceId: number;
  status: 'editing' | 'pending' | 'scheduling' | 'processing' | 'success' | 'error';
  /** What the resource served before. */
  resourceCertId?: number;
}

interface Job {
  id: number;
  name: string;
  jobType: string;
  certIds: string[];
  contactIds: string[];
  status: JobStatus;
  scheduleTime?: number;
  startedAt?: number;
  endedAt?: number;
  createdAt: number;
  modifiedAt: number;
  workers: Worker[];
}

/** One listed row: what `ListCloudResources` answers of a resource. */
interface Row {
  id: number;
  cloudProduct: string;
  domain?: string;
  instanceId?: string;
  listenerId?: string;
  listenerPort?: string;
  regionId?: string;
  certId?: string;
  enableHttps: boolean;
}

export interface DeploymentJobOptions {
  clock: Clock;
  cdn: CdnService;
  lookUpCertificate: (certId: string) => HeldCertificate | undefined;
  contactExists: (contactId: string) => boolean;
}

const JOB_TYPES = ['user', 'cloud'] as const;
const SETTABLE = ['pending', 'scheduling', 'editing'] as const;
const ids = (text: string) =>
  text
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);

function namesOf(held: HeldCertificate): string[] {
  return held.sans.length > 0 ? held.sans : [held.commonName.toLowerCase()];
}

/** As CDN names a domain (`.example.com` for the wildcard one), whether a certificate's name covers it. */
function covers(names: string[], domain: string): boolean {
  if (domain.startsWith('.')) return names.includes(`*${domain}`);
  const parent = domain.slice(domain.indexOf('.') + 1);
  return names.some((name) => name === domain || name === `*.${parent}`);
}

export class DeploymentJobService {
  /** How long a started job runs (`scheduling`, then `processing`) before it ends. */
  delayMs = 0;
  private readonly jobs = new Map<number, Job>();
  private readonly seeded = new Map<number, SeededResource>();
  /** The CAS resource id of each CDN domain, made when first listed. */
  private readonly cdnIds = new Map<string, number>();
  private nextResourceId = 2_000_001;
  private nextJobId = 8_000_001;
  private nextWorkerId = 90_000_001;
  readonly actions: Record<string, ActionHandler>;

  constructor(private readonly options: DeploymentJobOptions) {
    this.actions = {
      ListCloudResources: (p) => this.listCloudResources(p),
      CreateDeploymentJob: (p) => this.createJob(p),
      UpdateDeploymentJobStatus: (p) => this.updateStatus(p),
      DescribeDeploymentJob: (p) => this.describeJob(p),
      ListDeploymentJob: (p) => this.listJobs(p),
      ListWorkerResource: (p) => this.listWorkers(p),
    };
  }

  addResource(seed: CloudResourceSeed): SeededResource {
    const resource = { ...seed, id: this.nextResourceId++ };
    this.seeded.set(resource.id, resource);
    return resource;
  }

  /** Every job, oldest first, settled. */
  allJobs(): Job[] {
    const all = [...this.jobs.values()];
    for (const job of all) this.settle(job);
    return all;
  }

  /** The CAS resource id of a CDN domain (as CDN names it). */
  cdnResourceId(domain: string): number {
    let id = this.cdnIds.get(domain);
    if (id === undefined) {
      id = this.nextResourceId++;
      this.cdnIds.set(domain, id);
    }
    return id;
  }

  /** What a seeded resource serves (emulator/served.ts, `cas-job:<id>`). */
  servedSet(resourceId: string): { default?: string } | undefined {
    this.allJobs();
    const resource = this.seeded.get(Number(resourceId));
    if (!resource) return undefined;
    return resource.certId ? { default: resource.certId } : {};
  }

  private rows(): Row[] {
    this.allJobs();
    const cdn = this.options.cdn.domains().map((domain) => {
      const certId = domain.certificate?.certId || undefined;
      const on = domain.certificate !== undefined && domain.certificate.serverCertificateStatus !== 'off';
      return {
        id: this.cdnResourceId(domain.domainName),
        cloudProduct: 'CDN',
        domain: domain.domainName,
        ...(certId ? { certId } : {}),
        enableHttps: on,
      };
    });
    const seeded = [...this.seeded.values()].map(({ failDeployment: _, ...rest }) => ({
      ...rest,
      enableHttps: rest.certId !== undefined,
    }));
    return [...cdn, ...seeded];
  }

  private rowJson(row: Row): Record<string, JsonValue> {
    const held = row.certId ? this.options.lookUpCertificate(row.certId) : undefined;
    return {
      Id: row.id,
      CloudName: 'aliyun',
      CloudProduct: row.cloudProduct,
      ...(row.domain ? { Domain: row.domain } : {}),
      ...(row.instanceId ? { InstanceId: row.instanceId } : {}),
      ...(row.listenerId ? { ListenerId: row.listenerId } : {}),
      ...(row.listenerPort ? { ListenerPort: row.listenerPort } : {}),
      ...(row.regionId ? { RegionId: row.regionId } : {}),
      ...(row.certId ? { CertId: Number(row.certId) } : {}),
      ...(held
        ? {
            CertName: held.name,
            CertStartTime: String(held.notBefore),
            CertEndTime: String(held.notAfter),
          }
        : {}),
      EnableHttps: row.enableHttps ? 1 : 0,
      UseSsl: row.certId ? 1 : 0,
      Status: 'online',
    };
  }

  private listCloudResources(params: RequestParams): Record<string, JsonValue> {
    const page = params.positiveInteger('CurrentPage', 1);
    const size = params.positiveInteger('ShowSize', 20, 100);
    const product = params.optional('CloudProduct')?.toLowerCase();
    const keyword = params.optional('Keyword')?.toLowerCase();
    const certIdsText = params.optional('CertIds');
    let certIds: string[] | undefined;
    if (certIdsText !== undefined) {
      try {
        const parsed: unknown = JSON.parse(certIdsText);
        if (!Array.isArray(parsed)) throw new Error('not a list');
        certIds = parsed.map(String);
      } catch {
        throw invalidParameter('CertIds', `"${certIdsText}" is not a JSON list of certificate ids`);
      }
    }
    const cloudName = params.optional('CloudName');
    const matching = this.rows().filter(
      (row) =>
        (cloudName === undefined || cloudName.toLowerCase() === 'aliyun') &&
        (product === undefined || row.cloudProduct.toLowerCase() === product) &&
        (keyword === undefined ||
          [row.domain, row.instanceId, row.listenerId].some((v) => v?.toLowerCase().includes(keyword))) &&
        (certIds === undefined || (row.certId !== undefined && certIds.includes(row.certId))),
    );
    return {
      Total: matching.length,
      CurrentPage: page,
      ShowSize: size,
      Data: matching.slice((page - 1) * size, page * size).map((row) => this.rowJson(row)),
    };
  }

  private createJob(params: RequestParams): Record<string, JsonValue> {
    const name = params.required('Name');
    params.required('JobType');
    const jobType = params.oneOf('JobType', JOB_TYPES, 'user');
    const certIds = ids(params.required('CertIds'));
    const resourceIds = ids(params.required('ResourceIds'));
    const contactIds = ids(params.required('ContactIds'));
    for (const certId of certIds) {
      if (!/^\d+$/.test(certId) || !this.options.lookUpCertificate(certId))
        throw new ApiError(400, 'NotFound.Certificate', `The certificate ${certId} does not exist.`);
    }
    const rows = this.rows();
    const workers: Worker[] = resourceIds.map((text) => {
      const row = rows.find((r) => String(r.id) === text);
      if (!row) throw new ApiError(400, 'NotFound.Resource', `The cloud resource ${text} does not exist.`);
      return {
        id: this.nextWorkerId++,
        resourceId: row.id,
        status: 'editing',
        ...(row.certId ? { resourceCertId: Number(row.certId) } : {}),
      };
    });
    for (const contactId of contactIds) {
      if (!this.options.contactExists(contactId))
        throw new ApiError(400, 'NotFound.Contact', `The contact ${contactId} does not exist.`);
    }
    const scheduleText = params.optional('ScheduleTime');
    const now = this.options.clock.now();
    const job: Job = {
      id: this.nextJobId++,
      name,
      jobType,
      certIds,
      contactIds,
      status: 'editing',
      ...(scheduleText === undefined ? {} : { scheduleTime: Number(scheduleText) }),
      createdAt: now,
      modifiedAt: now,
      workers,
    };
    this.jobs.set(job.id, job);
    return { JobId: job.id };
  }

  private job(params: RequestParams): Job {
    const id = Number(params.requiredLong('JobId'));
    const job = this.jobs.get(id);
    if (!job) throw new ApiError(404, 'NotFound.DeploymentJob', `The deployment job ${id} does not exist.`);
    this.settle(job);
    return job;
  }

  private updateStatus(params: RequestParams): Record<string, JsonValue> {
    const job = this.job(params);
    params.required('Status');
    const wanted = params.oneOf('Status', SETTABLE, 'editing');
    if (job.status !== 'editing' && job.status !== 'pending' && job.status !== wanted) {
      throw new ApiError(
        400,
        'DeploymentJob.StatusError',
        `The deployment job ${job.id} is ${job.status}: it can no longer be ${wanted}.`,
      );
    }
    const now = this.options.clock.now();
    if (wanted === 'pending' && job.scheduleTime === undefined)
      throw invalidParameter('Status', 'pending needs the job to have a ScheduleTime');
    if (job.status !== wanted) {
      job.status = wanted;
      job.modifiedAt = now;
      if (wanted === 'scheduling') job.startedAt = now;
      for (const worker of job.workers) worker.status = wanted;
    }
    this.settle(job);
    return { Data: [] };
  }

  /** Moves a job on: a pending one starts at its ScheduleTime; a started one ends `delayMs` after its start. */
  private settle(job: Job): void {
    const now = this.options.clock.now();
    if (job.status === 'pending' && job.scheduleTime !== undefined && now >= job.scheduleTime) {
      job.status = 'scheduling';
      job.startedAt = job.scheduleTime;
    }
    if ((job.status !== 'scheduling' && job.status !== 'processing') || job.startedAt === undefined) return;
    const elapsed = now - job.startedAt;
    if (elapsed < this.delayMs) {
      job.status = elapsed < this.delayMs / 2 ? 'scheduling' : 'processing';
      for (const worker of job.workers) worker.status = job.status;
      return;
    }
    const endedAt = job.startedAt + this.delayMs;
    for (const worker of job.workers) worker.status = this.deploy(job, worker) ? 'success' : 'error';
    job.status = job.workers.every((w) => w.status === 'success') ? 'success' : 'error';
    job.endedAt = endedAt;
    job.modifiedAt = endedAt;
  }

  /** One worker's deployment: the resource takes the job's (first) certificate, or it fails. */
  private deploy(job: Job, worker: Worker): boolean {
    const [certId = ''] = job.certIds;
    const held = this.options.lookUpCertificate(certId);
    if (!held) return false;
    const seeded = this.seeded.get(worker.resourceId);
    if (seeded) {
      if (seeded.failDeployment) return false;
      seeded.certId = certId;
      return true;
    }
    const domainName = [...this.cdnIds].find(([, id]) => id === worker.resourceId)?.[0];
    const domain = domainName === undefined ? undefined : this.options.cdn.domain(domainName);
    if (!domain || domain.failStatus !== undefined || !covers(namesOf(held), domain.domainName)) return false;
    this.options.cdn.setCertificate(domain.domainName, {
      certificatePem: `${held.certificatePem}${held.chainPem}`,
      certId,
      certName: held.name,
      certType: 'cas',
    });
    return true;
  }

  private jobJson(job: Job): Record<string, JsonValue> {
    const products = [...new Set(job.workers.map((w) => this.productOf(w.resourceId)))];
    const domains = job.certIds.flatMap((id) => {
      const held = this.options.lookUpCertificate(id);
      return held ? namesOf(held) : [];
    });
    return {
      Id: job.id,
      Name: job.name,
      JobType: job.jobType,
      Status: job.status,
      InstanceId: `cas-job-${job.jobType}-${job.id.toString(36)}`,
      CertType: 'buy',
      CertDomain: domains.join(','),
      ProductName: products.join(','),
      Del: 0,
      Rollback: 0,
      GmtCreate: String(job.createdAt),
      GmtModified: String(job.modifiedAt),
      ...(job.scheduleTime === undefined ? {} : { ScheduleTime: String(job.scheduleTime) }),
      ...(job.startedAt === undefined ? {} : { StartTime: String(job.startedAt) }),
      ...(job.endedAt === undefined ? {} : { EndTime: String(job.endedAt) }),
    };
  }

  private productOf(resourceId: number): string {
    return this.seeded.get(resourceId)?.cloudProduct ?? 'CDN';
  }

  private describeJob(params: RequestParams): Record<string, JsonValue> {
    const job = this.job(params);
    return {
      ...this.jobJson(job),
      Config: JSON.stringify({ shareCertIds: [], certIds: job.certIds.map(Number) }),
    };
  }

  private listJobs(params: RequestParams): Record<string, JsonValue> {
    const page = params.positiveInteger('CurrentPage', 1);
    const size = params.positiveInteger('ShowSize', 50, 100);
    const jobType = params.optional('JobType');
    const status = params.optional('Status');
    // Newest first.
    const matching = this.allJobs()
      .reverse()
      .filter(
        (job) =>
          (jobType === undefined || job.jobType === jobType) &&
          (status === undefined || job.status === status),
      );
    return {
      Total: matching.length,
      CurrentPage: page,
      ShowSize: size,
      Data: matching.slice((page - 1) * size, page * size).map((job) => this.jobJson(job)),
    };
  }

  private listWorkers(params: RequestParams): Record<string, JsonValue> {
    const job = this.job(params);
    const page = params.positiveInteger('CurrentPage', 1);
    const size = params.positiveInteger('ShowSize', 50, 100);
    const product = params.optional('CloudProduct')?.toLowerCase();
    const status = params.optional('Status');
    const rows = this.rows();
    const matching = job.workers.filter(
      (w) =>
        (product === undefined || this.productOf(w.resourceId).toLowerCase() === product) &&
        (status === undefined || w.status === status),
    );
    return {
      Total: matching.length,
      CurrentPage: page,
      ShowSize: size,
      Data: matching.slice((page - 1) * size, page * size).map((worker) => {
        const row = rows.find((r) => r.id === worker.resourceId);
        return {
          Id: worker.id,
          JobId: job.id,
          ResourceId: worker.resourceId,
          CloudName: 'aliyun',
          CloudProduct: this.productOf(worker.resourceId),
          CertId: Number(job.certIds[0] ?? 0),
          Status: worker.status,
          ...(worker.resourceCertId === undefined ? {} : { ResourceCertId: worker.resourceCertId }),
          ...(row?.domain ? { ResourceDomain: row.domain, CertDomain: row.domain } : {}),
          ...(row?.instanceId ? { InstanceId: row.instanceId } : {}),
          ...(row?.listenerId ? { ListenerId: row.listenerId } : {}),
          ...(row?.regionId ? { RegionId: row.regionId } : {}),
        };
      }),
    };
  }
}
