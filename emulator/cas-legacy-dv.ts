// CAS 2018-07-13's DV instances (DescribeOrderInstanceList, CreateDVOrderAudit, DescribeDVOrderResult;
// docs/certificate-apis.md, "Legacy-dv flow"). The reference names the version 2018-08-13 in places and 2018-07-13
// elsewhere: both reach this product (server.ts).
// A Paid instance takes one application; the result reads `checking` until the TXT record `CheckName` (or the
// file) holds `CheckValue`, then `issued` with the certificate and its key, or `check_failed`.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { TestCa } from './ca.js';
import { checkDomainNames, FILE_VALIDATION_URI, newValidationToken, withoutWildcard } from './cas-model.js';
import type { Clock } from './clock.js';
import type { DnsService } from './dns.js';
import { ApiError, invalidParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const LEGACY_VERSIONS = ['2018-07-13', '2018-08-13'] as const;
const DAY_MS = 86_400_000;

export type DvListStatus = 'Paid' | 'Pending Verification' | 'Verifying' | 'Verification Failed' | 'Issued';

export interface DvInstance {
  id: bigint;
  instanceId: string;
  status: DvListStatus;
  domain?: string;
  verifyType?: 'DNS' | 'FILE';
  token?: string;
  applicant?: { username: string; email: string; mobile: string; province: string; city: string };
  verifyingSince?: number;
  certificatePem?: string;
  privateKeyPem?: string;
}

export interface DvKnobs {
  /** DescribeOrderInstanceList's page size (the reference does not say; the service pages). */
  pageSize: number;
  issuanceDelayMs: number;
  verifyFailDomains: string[];
  webRoot?: string;
  recycleLeafKeys: boolean;
}

export class LegacyDvService {
  readonly knobs: DvKnobs;
  private readonly list: DvInstance[] = [];
  private nextId = 1_111_100_001n;

  constructor(
    private readonly ca: TestCa,
    private readonly dns: DnsService,
    private readonly clock: Clock,
    knobs: Partial<DvKnobs> = {},
  ) {
    this.knobs = {
      pageSize: 10,
      issuanceDelayMs: 0,
      verifyFailDomains: [],
      recycleLeafKeys: false,
      ...knobs,
    };
  }

  readonly actions: Record<string, ActionHandler> = {
    DescribeOrderInstanceList: (p) => this.describeOrderInstanceList(p),
    CreateDVOrderAudit: (p) => this.createDvOrderAudit(p),
    DescribeDVOrderResult: (p) => this.describeDvOrderResult(p),
  };

  addInstance(input: { instanceId?: string; status?: DvListStatus } = {}): DvInstance {
    const instance: DvInstance = {
      id: this.nextId++,
      instanceId: input.instanceId ?? `cas-cn-${randomBytes(6).toString('hex')}`,
      status: input.status ?? 'Paid',
    };
    this.list.push(instance);
    return instance;
  }

  instances(): DvInstance[] {
    return [...this.list];
  }

  instance(instanceId: string): DvInstance | undefined {
    return this.list.find((i) => i.instanceId === instanceId);
  }

  private find(params: RequestParams): DvInstance {
    const id = params.required('InstanceId');
    const instance = this.instance(id);
    if (!instance)
      throw new ApiError(404, 'InvalidInstanceId.NotFound', `The instance ${id} does not exist.`);
    return instance;
  }

  private async advance(instance: DvInstance): Promise<void> {
    const now = this.clock.now();
    if (instance.status === 'Pending Verification' && (await this.isValidated(instance))) {
      instance.status = 'Verifying';
      instance.verifyingSince = now;
      return;
    }
    if (
      instance.status !== 'Verifying' ||
      now - (instance.verifyingSince ?? now) < this.knobs.issuanceDelayMs
    )
      return;
    const domain = instance.domain ?? '';
    if (this.knobs.verifyFailDomains.includes(domain)) {
      instance.status = 'Verification Failed';
      return;
    }
    const leaf = await this.ca.issueLeaf({
      names: [domain],
      notBefore: new Date(now - 60_000),
      notAfter: new Date(now + 365 * DAY_MS),
      recycleKey: this.knobs.recycleLeafKeys,
    });
    instance.certificatePem = `${leaf.certificatePem}${leaf.chainPem}`;
    if (leaf.privateKeyPem !== undefined) instance.privateKeyPem = leaf.privateKeyPem;
    instance.status = 'Issued';
  }

  private checkName(instance: DvInstance): string {
    const base = withoutWildcard(instance.domain ?? '');
    return instance.verifyType === 'FILE' ? `${base}${FILE_VALIDATION_URI}` : `_dnsauth.${base}`;
  }

  private async isValidated(instance: DvInstance): Promise<boolean> {
    if (instance.verifyType === 'DNS') {
      return this.dns.lookup(this.checkName(instance), 'TXT').some((r) => r.value === instance.token);
    }
    if (this.knobs.webRoot === undefined) return false;
    try {
      const content = await readFile(join(this.knobs.webRoot, FILE_VALIDATION_URI), 'utf8');
      return content.replace(/\r?\n$/, '') === instance.token;
    } catch {
      return false;
    }
  }

  private describeOrderInstanceList(params: RequestParams): Record<string, JsonValue> {
    const raw = params.required('StartIndex').trim();
    if (!/^\d+$/.test(raw))
      throw invalidParameter('StartIndex', `"${raw}" is not an integer`, 'InvalidParameter');
    const start = Number(raw);
    return {
      TotalCount: this.list.length,
      OrderList: this.list.slice(start, start + this.knobs.pageSize).map((i) => ({
        Id: i.id,
        InstanceId: i.instanceId,
        CertType: 'Symantec DV SSL',
        Source: 'aliyun',
        Status: i.status,
      })),
    };
  }

  private createDvOrderAudit(params: RequestParams): Record<string, JsonValue> {
    const instance = this.find(params);
    // All eight are required (docs/certificate-apis.md, "Legacy-dv flow").
    const domain = params.required('Domain');
    const verifyType = params.required('DomainVerifyType');
    const applicant = {
      username: params.required('Username'),
      email: params.required('Email'),
      mobile: params.required('Mobile'),
      province: params.required('Province'),
      city: params.required('City'),
    };
    if (verifyType !== 'DNS' && verifyType !== 'FILE')
      throw invalidParameter('DomainVerifyType', `"${verifyType}" is not DNS or FILE (upper case)`);
    const names = checkDomainNames(domain.split(','), 'Domain');
    if (names.length !== 1) throw invalidParameter('Domain', 'a DV instance takes one domain name');
    if (instance.status !== 'Paid') {
      throw new ApiError(
        400,
        'InvalidStatus',
        `The instance ${instance.instanceId} is ${instance.status}, not Paid.`,
      );
    }
    instance.domain = names[0] ?? '';
    instance.verifyType = verifyType;
    instance.token = newValidationToken(this.clock.now());
    instance.applicant = applicant;
    instance.status = 'Pending Verification';
    return {};
  }

  private async describeDvOrderResult(params: RequestParams): Promise<Record<string, JsonValue>> {
    const instance = this.find(params);
    if (instance.status === 'Paid') {
      throw new ApiError(
        400,
        'InvalidStatus',
        `The instance ${instance.instanceId} has no order yet (Paid).`,
      );
    }
    await this.advance(instance);
    switch (instance.status) {
      case 'Issued':
        return {
          OrderStatus: 'issued',
          Certificate: instance.certificatePem,
          PrivateKey: instance.privateKeyPem,
        };
      case 'Verification Failed':
        return { OrderStatus: 'check_failed' };
      default:
        return {
          OrderStatus: 'checking',
          CheckType: instance.verifyType,
          CheckName: this.checkName(instance),
          CheckValue: instance.token,
        };
    }
  }
}
