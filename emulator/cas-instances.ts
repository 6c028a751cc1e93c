// CAS 2020-04-07's V2.0 instance API (docs/certificate-apis.md): bought instances move inactive → pending →
// normal. ApplyCertificate is asynchronous (GetTaskAttribute reports the task, the instance reads inactive until it
// is done); the validation list appears a while after the instance goes pending; validation is really checked in
// the emulated DNS (ValidationKey under RootDomain) or the web root; the certificate comes from the test CA.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseCsr, type TestCa } from './ca.js';
import { checkDomainNames, newValidationToken, withoutWildcard } from './cas-model.js';
import type { Clock } from './clock.js';
import type { DnsService } from './dns.js';
import { ApiError, invalidParameter, missingParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

const DAY_MS = 86_400_000;
const KEY_ALGORITHMS = ['RSA_2048', 'RSA_3072', 'RSA_4096', 'ECC_256', 'SM2'] as const;
const INSTANCE_STATUSES = [
  'inactive',
  'pending',
  'normal',
  'willExpire',
  'expired',
  'refund',
  'closed',
] as const;
export type InstanceStatus = (typeof INSTANCE_STATUSES)[number];
export const HTTP_VALIDATION_PATH = '/.well-known/pki-validation/fileauth.txt';

export interface InstanceValidation {
  domain: string;
  rootDomain: string;
  type: 'TXT' | 'CNAME' | 'HTTP';
  key: string;
  value: string;
}

export interface InstanceCertificate {
  certId: bigint;
  certificatePem: string;
  chainPem: string;
  privateKeyPem?: string;
  notBefore: number;
  notAfter: number;
  status: 'issued' | 'revoked';
}

export interface CertInstance {
  instanceId: string;
  certificateType: 'DV' | 'OV' | 'EV';
  instanceType: 'BUY' | 'TEST';
  brand: string;
  status: InstanceStatus;
  domains: string[];
  keyAlgorithm: string;
  validationMethod: 'DNS' | 'HTTP';
  generateCsrMethod: 'online' | 'upload';
  csrPublicKeyPem?: string;
  contactIds: string[];
  companyId?: string;
  /** The application task: processing until `taskDoneAt`, then success (the instance goes pending). */
  task?: { status: 'processing' | 'success' | 'failed'; doneAt: number };
  pendingSince?: number;
  validations: InstanceValidation[];
  validatedAt?: number;
  certificate?: InstanceCertificate;
  instanceEndTime: number;
}

export interface InstanceKnobs {
  /** How long ApplyCertificate's task runs before the instance goes pending. */
  applyTaskMs: number;
  /** After going pending, the validation list stays empty this long (documented as normal). */
  validationListDelayMs: number;
  /** Time between validation being in place and the certificate. */
  issuanceDelayMs: number;
  /** Reported (unconfirmed) of BUY DV instances: UpdateInstance submits the application itself (docs/certificate-apis.md). */
  autoSubmitOnUpdate: boolean;
  /** DNS validation entries as TXT (default) or CNAME records. */
  dnsValidationType: 'TXT' | 'CNAME';
  /** HTTP `ValidationKey` as a path (`/.well-known/…`) or a whole URL. */
  httpKeyStyle: 'path' | 'url';
  /**
   * DNS `ValidationKey` as the host record under `RootDomain` (`_dnsauth.a.b`, what api-facts.md's "host record"
   * says) or as the full name (`_dnsauth.a.b.example.com`), the other reading the documents leave open.
   */
  dnsKeyStyle: 'relative' | 'full';
  /** Forces ListInstances pages to at most this many items. */
  maxPageSize?: number;
  webRoot?: string;
  certificateValidityDays: number;
  recycleLeafKeys: boolean;
}

export interface SeedInstanceInput {
  instanceId?: string;
  certificateType?: 'DV' | 'OV' | 'EV';
  instanceType?: 'BUY' | 'TEST';
  status?: InstanceStatus;
}

export interface Contact {
  contactId: string;
  name: string;
  email: string;
  mobile: string;
}

function denied(instance: CertInstance, wanted: string): ApiError {
  return new ApiError(
    400,
    'OperationDenied.StatusNotSupport',
    `The instance ${instance.instanceId} is ${instance.status}; this operation needs ${wanted}.`,
  );
}

export class InstanceService {
  readonly knobs: InstanceKnobs;
  private readonly instanceMap = new Map<string, CertInstance>();
  readonly contacts: Contact[] = [
    { contactId: '1000001', name: 'Ops Team', email: 'ops@example.com', mobile: '13800000000' },
  ];
  readonly companies = new Set<string>(['2000001']);
  private nextCertId = 31_000_001n;
  private readonly advancing = new WeakMap<CertInstance, Promise<void>>();

  constructor(
    private readonly ca: TestCa,
    private readonly dns: DnsService,
    private readonly clock: Clock,
    knobs: Partial<InstanceKnobs> = {},
    /** An issued certificate joins the account's store of certificates (held-certificates.ts). */
    private readonly onIssued: (instance: CertInstance, certificate: InstanceCertificate) => void = () => {},
  ) {
    this.knobs = {
      applyTaskMs: 0,
      validationListDelayMs: 0,
      issuanceDelayMs: 0,
      autoSubmitOnUpdate: false,
      dnsValidationType: 'TXT',
      httpKeyStyle: 'path',
      dnsKeyStyle: 'relative',
      certificateValidityDays: 90,
      recycleLeafKeys: false,
      ...knobs,
    };
  }

  readonly actions: Record<string, ActionHandler> = {
    ListInstances: (p) => this.listInstances(p),
    GetInstanceDetail: (p) => this.getInstanceDetail(p),
    UpdateInstance: (p) => this.updateInstance(p),
    ApplyCertificate: (p) => this.applyCertificate(p),
    GetTaskAttribute: (p) => this.getTaskAttribute(p),
    CancelPendingCertificate: (p) => this.cancelPending(p),
    RevokeCertificate: (p) => this.revokeCertificate(p),
    ListContact: (p) => this.listContact(p),
  };

  addInstance(input: SeedInstanceInput = {}): CertInstance {
    const instance: CertInstance = {
      instanceId: input.instanceId ?? `cas-ivauto-${randomBytes(6).toString('hex')}`,
      certificateType: input.certificateType ?? 'DV',
      instanceType: input.instanceType ?? 'BUY',
      brand: 'DigiCert',
      status: input.status ?? 'inactive',
      domains: [],
      keyAlgorithm: 'RSA_2048',
      validationMethod: 'DNS',
      generateCsrMethod: 'online',
      contactIds: [],
      validations: [],
      instanceEndTime: this.clock.now() + 365 * DAY_MS,
    };
    this.instanceMap.set(instance.instanceId, instance);
    return instance;
  }

  instances(): CertInstance[] {
    return [...this.instanceMap.values()];
  }

  instance(instanceId: string): CertInstance | undefined {
    return this.instanceMap.get(instanceId);
  }

  private find(params: RequestParams): CertInstance {
    const id = params.required('InstanceId');
    const instance = this.instanceMap.get(id);
    if (!instance)
      throw new ApiError(404, 'InvalidInstanceId.NotFound', `The instance ${id} does not exist.`);
    return instance;
  }

  /** One step per read; concurrent reads share it. */
  private advance(instance: CertInstance): Promise<void> {
    const running = this.advancing.get(instance);
    if (running) return running;
    const step = this.step(instance).finally(() => this.advancing.delete(instance));
    this.advancing.set(instance, step);
    return step;
  }

  private async step(instance: CertInstance): Promise<void> {
    const now = this.clock.now();
    const { task } = instance;
    if (instance.status === 'inactive' && task?.status === 'processing' && now >= task.doneAt) {
      task.status = 'success';
      instance.status = 'pending';
      instance.pendingSince = now;
    }
    if (instance.status !== 'pending') return;
    if (instance.validations.length === 0) {
      if (now - (instance.pendingSince ?? now) >= this.knobs.validationListDelayMs)
        this.makeValidations(instance);
      return;
    }
    if (instance.validatedAt === undefined) {
      if (await this.isValidated(instance)) instance.validatedAt = now;
      return;
    }
    if (now - instance.validatedAt < this.knobs.issuanceDelayMs) return;
    await this.issue(instance);
  }

  private makeValidations(instance: CertInstance): void {
    const token = newValidationToken(this.clock.now());
    instance.validations = instance.domains.map((domain) => {
      const base = withoutWildcard(domain);
      const rootDomain = this.rootOf(base);
      if (instance.validationMethod === 'HTTP') {
        const key =
          this.knobs.httpKeyStyle === 'url' ? `http://${base}${HTTP_VALIDATION_PATH}` : HTTP_VALIDATION_PATH;
        // One file, one content: every name of the instance is checked at the same path.
        return { domain, rootDomain, type: 'HTTP', key, value: token };
      }
      const sub = base === rootDomain ? '' : `.${base.slice(0, -(rootDomain.length + 1))}`;
      const type = this.knobs.dnsValidationType;
      const value =
        type === 'CNAME'
          ? `${newValidationToken(this.clock.now())}.dnsauth.example-ca.test`
          : newValidationToken(this.clock.now());
      const key = this.knobs.dnsKeyStyle === 'full' ? `_dnsauth${sub}.${rootDomain}` : `_dnsauth${sub}`;
      return { domain, rootDomain, type, key, value };
    });
  }

  /** The account's zone holding the name (longest suffix), else its last two labels. */
  private rootOf(name: string): string {
    return this.dns.zoneFor(name)?.domainName ?? name.split('.').slice(-2).join('.');
  }

  private async isValidated(instance: CertInstance): Promise<boolean> {
    for (const v of instance.validations) {
      if (v.type === 'HTTP') {
        if (this.knobs.webRoot === undefined) return false;
        try {
          const content = await readFile(join(this.knobs.webRoot, HTTP_VALIDATION_PATH), 'utf8');
          if (content.replace(/\r?\n$/, '') !== v.value) return false;
        } catch {
          return false;
        }
        continue;
      }
      const name =
        v.key === '@'
          ? v.rootDomain
          : v.key.endsWith(`.${v.rootDomain}`)
            ? v.key
            : `${v.key}.${v.rootDomain}`;
      if (!this.dns.lookup(name, v.type).some((record) => record.value === v.value)) return false;
    }
    return true;
  }

  private async issue(instance: CertInstance): Promise<void> {
    const now = this.clock.now();
    const notBefore = now - 60_000;
    const notAfter = now + this.knobs.certificateValidityDays * DAY_MS;
    const leaf = await this.ca.issueLeaf({
      names: instance.domains,
      notBefore: new Date(notBefore),
      notAfter: new Date(notAfter),
      recycleKey: this.knobs.recycleLeafKeys,
      ...(instance.csrPublicKeyPem === undefined ? {} : { publicKeyPem: instance.csrPublicKeyPem }),
    });
    const certId = this.nextCertId++;
    instance.certificate = {
      certId,
      certificatePem: leaf.certificatePem,
      chainPem: leaf.chainPem,
      notBefore,
      notAfter,
      status: 'issued',
      ...(leaf.privateKeyPem === undefined ? {} : { privateKeyPem: leaf.privateKeyPem }),
    };
    instance.status = 'normal';
    this.onIssued(instance, instance.certificate);
    // After issuance the validation list is no longer returned (docs/certificate-apis.md).
    instance.validations = [];
  }

  private view(instance: CertInstance): Record<string, JsonValue> {
    const cert = instance.certificate;
    return {
      InstanceId: instance.instanceId,
      Status: instance.status,
      InstanceType: instance.instanceType,
      CertificateType: instance.certificateType,
      Brand: instance.brand,
      Domain: instance.domains.join(','),
      CertificateDomain: cert ? instance.domains.join(',') : undefined,
      KeyAlgorithm: instance.keyAlgorithm,
      InstanceEndTime: instance.instanceEndTime,
      CertificateId: cert?.certId,
      CertificateStatus: cert?.status,
      CertificateNotBefore: cert?.notBefore,
      CertificateNotAfter: cert?.notAfter,
    };
  }

  private async listInstances(params: RequestParams): Promise<Record<string, JsonValue>> {
    const page = params.positiveInteger('CurrentPage', 1);
    const asked = params.positiveInteger('ShowSize', 10, 100);
    const size = Math.min(asked, this.knobs.maxPageSize ?? asked);
    const status = params.optional('Status');
    const type = params.optional('CertificateType')?.toUpperCase();
    const keyword = params.optional('Keyword')?.toLowerCase();
    const instanceType = params.optional('InstanceType')?.toUpperCase();
    if (status !== undefined && !(INSTANCE_STATUSES as readonly string[]).includes(status))
      throw invalidParameter('Status', `"${status}" is not an instance status`);
    for (const instance of this.instanceMap.values()) await this.advance(instance);
    const matching = this.instances().filter(
      (i) =>
        (status === undefined || i.status === status) &&
        (type === undefined || i.certificateType === type) &&
        (instanceType === undefined || i.instanceType === instanceType) &&
        (keyword === undefined ||
          i.instanceId.toLowerCase().includes(keyword) ||
          i.domains.some((d) => d.includes(keyword))),
    );
    return {
      CurrentPage: page,
      ShowSize: size,
      TotalCount: matching.length,
      InstanceList: matching.slice((page - 1) * size, page * size).map((i) => this.view(i)),
    };
  }

  private async getInstanceDetail(params: RequestParams): Promise<Record<string, JsonValue>> {
    const instance = this.find(params);
    await this.advance(instance);
    return {
      ...this.view(instance),
      GenerateCsrMethod: instance.generateCsrMethod,
      ValidationMethod: instance.validationMethod,
      ContactIdList: instance.contactIds.map((id) => BigInt(id)),
      CompanyId: instance.companyId === undefined ? undefined : BigInt(instance.companyId),
      DomainValidationList: instance.validations.map((v) => ({
        Domain: v.domain,
        RootDomain: v.rootDomain,
        ValidationType: v.type,
        ValidationKey: v.key,
        ValidationValue: v.value,
      })),
    };
  }

  private async updateInstance(params: RequestParams): Promise<Record<string, JsonValue>> {
    const instance = this.find(params);
    await this.advance(instance);
    if (instance.status !== 'inactive' || instance.task?.status === 'processing')
      throw denied(instance, 'inactive');
    const method = params.oneOf('GenerateCsrMethod', ['online', 'upload'] as const, 'online');
    const csr = params.optional('Csr');
    const domain = params.optional('Domain');
    if (!csr && !domain) throw missingParameter('Domain');
    if (method === 'upload') {
      if (!csr) throw missingParameter('Csr');
      let parsed: Awaited<ReturnType<typeof parseCsr>>;
      try {
        parsed = await parseCsr(csr);
      } catch {
        throw invalidParameter('Csr', 'not a PEM certificate request');
      }
      // Both set: the CSR's names win.
      instance.domains = checkDomainNames(parsed.names, 'Csr');
      instance.csrPublicKeyPem = parsed.publicKeyPem;
    } else {
      instance.domains = checkDomainNames((domain ?? '').split(','), 'Domain');
      delete instance.csrPublicKeyPem;
    }
    instance.generateCsrMethod = method;
    instance.keyAlgorithm = params.oneOf('KeyAlgorithm', KEY_ALGORITHMS, 'RSA_2048');
    instance.validationMethod = params.oneOf('ValidationMethod', ['DNS', 'HTTP'] as const, 'DNS');
    const contacts: string[] = [];
    for (let n = 1; params.optional(`ContactIdList.${n}`) !== undefined; n++) {
      const id = params.required(`ContactIdList.${n}`);
      if (!this.contacts.some((c) => c.contactId === id))
        throw invalidParameter('ContactIdList', `contact ${id} does not exist`);
      contacts.push(id);
    }
    if (contacts.length > 0) instance.contactIds = contacts;
    const company = params.optional('CompanyId');
    if (company !== undefined) {
      if (!this.companies.has(company))
        throw invalidParameter('CompanyId', `company ${company} does not exist`);
      instance.companyId = company;
    }
    if (
      this.knobs.autoSubmitOnUpdate &&
      instance.instanceType === 'BUY' &&
      instance.certificateType === 'DV'
    ) {
      this.submit(instance);
    }
    return {};
  }

  private submit(instance: CertInstance): void {
    if (instance.contactIds.length === 0)
      throw new ApiError(
        400,
        'InvalidParameter.ContactIdList',
        'At least one contact is required before applying.',
      );
    if (instance.certificateType !== 'DV' && instance.companyId === undefined)
      throw new ApiError(
        400,
        'MissingParameter.CompanyId',
        `An ${instance.certificateType} certificate needs a company (CompanyId).`,
      );
    instance.task = { status: 'processing', doneAt: this.clock.now() + this.knobs.applyTaskMs };
    instance.validations = [];
    delete instance.validatedAt;
  }

  private async applyCertificate(params: RequestParams): Promise<Record<string, JsonValue>> {
    const instance = this.find(params);
    await this.advance(instance);
    if (instance.status !== 'inactive' || instance.task?.status === 'processing')
      throw denied(instance, 'inactive');
    if (instance.domains.length === 0)
      throw new ApiError(
        400,
        'OperationDenied.NotConfigured',
        'Call UpdateInstance before ApplyCertificate.',
      );
    this.submit(instance);
    await this.advance(instance);
    return {};
  }

  private getTaskAttribute(params: RequestParams): Record<string, JsonValue> {
    const taskId = params.required('TaskId');
    const taskType = params.optional('TaskType') ?? 'ApplyCertificate';
    const instance = this.instanceMap.get(taskId);
    if (!instance?.task || taskType !== 'ApplyCertificate')
      throw new ApiError(404, 'InvalidTaskId.NotFound', `The task ${taskId} does not exist.`);
    const done = instance.task.status === 'processing' && this.clock.now() >= instance.task.doneAt;
    return { TaskStatus: done ? 'success' : instance.task.status, TaskMessage: '' };
  }

  private async cancelPending(params: RequestParams): Promise<Record<string, JsonValue>> {
    const instance = this.find(params);
    await this.advance(instance);
    const applying = instance.status === 'inactive' && instance.task?.status === 'processing';
    if (instance.status !== 'pending' && !applying) throw denied(instance, 'pending');
    instance.status = 'inactive';
    instance.validations = [];
    delete instance.validatedAt;
    delete instance.task;
    delete instance.pendingSince;
    return {};
  }

  private async revokeCertificate(params: RequestParams): Promise<Record<string, JsonValue>> {
    const instance = this.find(params);
    await this.advance(instance);
    const cert = instance.certificate;
    if (cert?.status !== 'issued') throw denied(instance, 'an issued certificate');
    const certId = params.optional('CertificateId');
    if (certId !== undefined && certId !== cert.certId.toString())
      throw invalidParameter('CertificateId', `certificate ${certId} is not the instance's`);
    cert.status = 'revoked';
    return {};
  }

  private listContact(params: RequestParams): Record<string, JsonValue> {
    const page = params.positiveInteger('CurrentPage', 1);
    const size = params.positiveInteger('ShowSize', 20, 100);
    const keyword = params.optional('Keyword')?.toLowerCase();
    const matching = this.contacts.filter(
      (c) => keyword === undefined || c.name.toLowerCase().includes(keyword) || c.email.includes(keyword),
    );
    return {
      CurrentPage: page,
      ShowSize: size,
      TotalCount: matching.length,
      ContactList: matching.slice((page - 1) * size, page * size).map((c) => ({
        ContactId: BigInt(c.contactId),
        Name: c.name,
        Email: c.email,
        Mobile: c.mobile,
      })),
    };
  }
}
