// Alibaba Cloud DNS (Alidns, API 2015-01-09): zones in the account and their records.
import { randomUUID } from 'node:crypto';
import { ApiError, invalidParameter } from './errors.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const DNS_VERSION = '2015-01-09';

export interface DnsZone {
  domainId: string;
  domainName: string;
  createdAt: number;
}

export interface DnsRecord {
  recordId: string;
  /** Zone the record belongs to, lower case, no trailing dot. */
  domainName: string;
  /** Host record relative to the zone; '@' for the apex. */
  rr: string;
  type: string;
  value: string;
  ttl: number;
  line: string;
  status: 'ENABLE' | 'DISABLE';
  locked: boolean;
}

export interface AddRecordInput {
  /** Zone name; when absent, the zone is found from `fqdn` (longest suffix). */
  domainName?: string;
  rr?: string;
  /** Fully qualified name, alternative to domainName + rr. */
  fqdn?: string;
  type: string;
  value: string;
  ttl?: number;
  line?: string;
}

const RECORD_TYPES = ['A', 'NS', 'MX', 'TXT', 'CNAME', 'SRV', 'AAAA', 'CAA', 'REDIRECT_URL', 'FORWARD_URL'];
const FIRST_RECORD_ID = 1_800_000_000_000_000_001n;

export function normalizeName(name: string): string {
  return name.trim().toLowerCase().replace(/\.$/, '');
}

function page<T>(items: T[], pageNumber: number, pageSize: number): T[] {
  return items.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
}

export class DnsService {
  private readonly zoneMap = new Map<string, DnsZone>();
  private readonly recordList: DnsRecord[] = [];
  private nextRecordId = FIRST_RECORD_ID;

  constructor(
    zones: string[] = [],
    private readonly now: () => number = Date.now,
  ) {
    for (const zone of zones) this.addZone(zone);
  }

  addZone(name: string): DnsZone {
    const domainName = normalizeName(name);
    if (!/^([a-z0-9-]+\.)+[a-z0-9-]+$/.test(domainName)) throw new Error(`Not a zone name: ${name}`);
    const existing = this.zoneMap.get(domainName);
    if (existing) return existing;
    const zone: DnsZone = { domainId: randomUUID(), domainName, createdAt: this.now() };
    this.zoneMap.set(domainName, zone);
    return zone;
  }

  removeZone(name: string): void {
    const domainName = normalizeName(name);
    this.zoneMap.delete(domainName);
    for (let i = this.recordList.length - 1; i >= 0; i--) {
      if (this.recordList[i]?.domainName === domainName) this.recordList.splice(i, 1);
    }
  }

  zones(): DnsZone[] {
    return [...this.zoneMap.values()];
  }

  /** Records of one zone, or of every zone. */
  records(zone?: string): DnsRecord[] {
    if (zone === undefined) return [...this.recordList];
    const domainName = normalizeName(zone);
    return this.recordList.filter((record) => record.domainName === domainName);
  }

  /** The account's zone that is the longest suffix of `fqdn`. */
  zoneFor(fqdn: string): DnsZone | undefined {
    const name = normalizeName(fqdn);
    let best: DnsZone | undefined;
    for (const zone of this.zoneMap.values()) {
      const isSuffix = name === zone.domainName || name.endsWith(`.${zone.domainName}`);
      if (isSuffix && (!best || zone.domainName.length > best.domainName.length)) best = zone;
    }
    return best;
  }

  /** Enabled records answering for `fqdn` and `type`, resolved in the longest-suffix zone. */
  lookup(fqdn: string, type: string): DnsRecord[] {
    const name = normalizeName(fqdn);
    const zone = this.zoneFor(name);
    if (!zone) return [];
    const rr = name === zone.domainName ? '@' : name.slice(0, -zone.domainName.length - 1);
    return this.recordList.filter(
      (record) =>
        record.domainName === zone.domainName &&
        record.rr === rr &&
        record.type === type.toUpperCase() &&
        record.status === 'ENABLE',
    );
  }

  addRecord(input: AddRecordInput): DnsRecord {
    let domainName: string;
    let rr: string;
    if (input.fqdn !== undefined) {
      const zone = this.zoneFor(input.fqdn);
      if (!zone) throw noSuchZone(input.fqdn);
      domainName = zone.domainName;
      const name = normalizeName(input.fqdn);
      rr = name === domainName ? '@' : name.slice(0, -domainName.length - 1);
    } else {
      domainName = normalizeName(input.domainName ?? '');
      rr = normalizeName(input.rr ?? '');
      if (!this.zoneMap.has(domainName)) throw noSuchZone(domainName);
    }
    const type = input.type.toUpperCase();
    if (!RECORD_TYPES.includes(type))
      throw invalidParameter('Type', `"${input.type}" is not a supported record type`);
    if (!/^(@|\*|(\*\.)?[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*)$/.test(rr)) {
      throw invalidParameter('RR', `"${rr}" is not a valid host record`, 'InvalidRR.Format');
    }
    if (input.value === '') throw invalidParameter('Value', 'must not be empty', 'InvalidValue');
    const line = input.line ?? 'default';
    const sameName = this.recordList.filter(
      (record) => record.domainName === domainName && record.rr === rr && record.line === line,
    );
    if (sameName.some((record) => record.type === type && record.value === input.value)) {
      throw new ApiError(400, 'DomainRecordDuplicate', 'The DNS record already exists.');
    }
    if (sameName.some((record) => (record.type === 'CNAME') !== (type === 'CNAME'))) {
      throw new ApiError(
        400,
        'DomainRecordConflict',
        'The DNS record conflicts with an existing record (CNAME).',
      );
    }
    const record: DnsRecord = {
      recordId: (this.nextRecordId++).toString(),
      domainName,
      rr,
      type,
      value: input.value,
      ttl: input.ttl ?? 600,
      line,
      status: 'ENABLE',
      locked: false,
    };
    this.recordList.push(record);
    return record;
  }

  deleteRecord(recordId: string): DnsRecord {
    const index = this.recordList.findIndex((record) => record.recordId === recordId);
    const record = this.recordList[index];
    if (!record) {
      throw new ApiError(
        400,
        'DomainRecordNotBelongToUser',
        'The DNS record does not exist or does not belong to you.',
      );
    }
    this.recordList.splice(index, 1);
    return record;
  }

  readonly actions: Record<string, ActionHandler> = {
    DescribeDomains: (params) => this.describeDomains(params),
    GetMainDomainName: (params) => this.getMainDomainName(params),
    DescribeDomainRecords: (params) => this.describeDomainRecords(params),
    DescribeSubDomainRecords: (params) => this.describeSubDomainRecords(params),
    AddDomainRecord: (params) => {
      const ttl = params.optional('TTL');
      const input: AddRecordInput = {
        domainName: params.required('DomainName'),
        rr: params.required('RR'),
        type: params.required('Type'),
        value: params.required('Value'),
      };
      if (ttl !== undefined) input.ttl = parseTtl(ttl);
      const line = params.optional('Line');
      if (line !== undefined) input.line = line;
      return { RecordId: this.addRecord(input).recordId };
    },
    UpdateDomainRecord: (params) => this.updateDomainRecord(params),
    DeleteDomainRecord: (params) => ({ RecordId: this.deleteRecord(params.required('RecordId')).recordId }),
  };

  private describeDomains(params: RequestParams): Record<string, JsonValue> {
    const pageNumber = params.positiveInteger('PageNumber', 1);
    const pageSize = params.positiveInteger('PageSize', 20, 100);
    const keyword = params.optional('KeyWord')?.toLowerCase();
    const zones = this.zones()
      .filter((zone) => keyword === undefined || zone.domainName.includes(keyword))
      .sort((a, b) => a.domainName.localeCompare(b.domainName));
    return {
      TotalCount: zones.length,
      PageNumber: pageNumber,
      PageSize: pageSize,
      Domains: {
        Domain: page(zones, pageNumber, pageSize).map((zone) => ({
          DomainId: zone.domainId,
          DomainName: zone.domainName,
          PunyCode: zone.domainName,
          AliDomain: false,
          RecordCount: this.records(zone.domainName).length,
          VersionCode: 'mianfei',
          VersionName: 'Alibaba Cloud DNS',
          CreateTime: new Date(zone.createdAt).toISOString().replace(/\.\d{3}Z$/, 'Z'),
          CreateTimestamp: zone.createdAt,
          DnsServers: { DnsServer: ['dns1.hichina.com', 'dns2.hichina.com'] },
        })),
      },
    };
  }

  private getMainDomainName(params: RequestParams): Record<string, JsonValue> {
    const input = normalizeName(params.required('InputString'));
    const labels = input.split('.');
    if (labels.length < 2 || labels.some((label) => !/^[a-z0-9_*]([a-z0-9_-]*[a-z0-9_])?$/.test(label))) {
      throw invalidParameter('InputString', `"${input}" is not a domain name`, 'InvalidDomainName.Format');
    }
    // The account's longest matching zone wins; otherwise the last two labels (no public suffix list).
    const domainName = this.zoneFor(input)?.domainName ?? labels.slice(-2).join('.');
    const rr = input === domainName ? '@' : input.slice(0, -domainName.length - 1);
    return { DomainName: domainName, RR: rr, DomainLevel: labels.length - 1 };
  }

  private describeDomainRecords(params: RequestParams): Record<string, JsonValue> {
    const domainName = normalizeName(params.required('DomainName'));
    if (!this.zoneMap.has(domainName)) throw noSuchZone(domainName);
    const pageNumber = params.positiveInteger('PageNumber', 1);
    const pageSize = params.positiveInteger('PageSize', 20, 500);
    const exact = params.optional('SearchMode')?.toUpperCase() === 'EXACT';
    const matches = (field: string, wanted: string | undefined) =>
      wanted === undefined || (exact ? field === wanted.toLowerCase() : field.includes(wanted.toLowerCase()));
    const rrKeyWord = params.optional('RRKeyWord');
    const valueKeyWord = params.optional('ValueKeyWord');
    const keyWord = params.optional('KeyWord');
    const type = (params.optional('TypeKeyWord') ?? params.optional('Type'))?.toUpperCase();
    const records = this.records(domainName).filter(
      (record) =>
        matches(record.rr, rrKeyWord) &&
        matches(record.value.toLowerCase(), valueKeyWord) &&
        (type === undefined || record.type === type) &&
        (keyWord === undefined ||
          matches(record.rr, keyWord) ||
          matches(record.value.toLowerCase(), keyWord)),
    );
    return recordPage(records, pageNumber, pageSize);
  }

  private describeSubDomainRecords(params: RequestParams): Record<string, JsonValue> {
    const subDomain = normalizeName(params.required('SubDomain'));
    const pageNumber = params.positiveInteger('PageNumber', 1);
    const pageSize = params.positiveInteger('PageSize', 20, 500);
    const type = params.optional('Type')?.toUpperCase();
    const zoneName = params.optional('DomainName');
    const zone = zoneName === undefined ? this.zoneFor(subDomain) : this.zoneMap.get(normalizeName(zoneName));
    if (zoneName !== undefined && !zone) throw noSuchZone(zoneName);
    if (!zone) return recordPage([], pageNumber, pageSize);
    const rr = subDomain === zone.domainName ? '@' : subDomain.slice(0, -zone.domainName.length - 1);
    const records = this.records(zone.domainName).filter(
      (record) => record.rr === rr && (type === undefined || record.type === type),
    );
    return recordPage(records, pageNumber, pageSize);
  }

  private updateDomainRecord(params: RequestParams): Record<string, JsonValue> {
    const recordId = params.required('RecordId');
    const record = this.recordList.find((candidate) => candidate.recordId === recordId);
    if (!record) {
      throw new ApiError(
        400,
        'DomainRecordNotBelongToUser',
        'The DNS record does not exist or does not belong to you.',
      );
    }
    const rr = normalizeName(params.required('RR'));
    const type = params.required('Type').toUpperCase();
    const value = params.required('Value');
    if (record.rr === rr && record.type === type && record.value === value) {
      throw new ApiError(400, 'DomainRecordDuplicate', 'The DNS record already exists.');
    }
    const ttl = params.optional('TTL');
    Object.assign(record, { rr, type, value, ttl: ttl === undefined ? record.ttl : parseTtl(ttl) });
    return { RecordId: record.recordId };
  }
}

function parseTtl(text: string): number {
  const ttl = Number(text);
  if (!Number.isInteger(ttl) || ttl < 1 || ttl > 86_400)
    throw invalidParameter('TTL', `"${text}" is out of range`);
  return ttl;
}

function noSuchZone(name: string): ApiError {
  return new ApiError(
    400,
    'InvalidDomainName.NoExist',
    `The specified domain name "${normalizeName(name)}" does not exist in this account.`,
  );
}

function recordPage(records: DnsRecord[], pageNumber: number, pageSize: number): Record<string, JsonValue> {
  return {
    TotalCount: records.length,
    PageNumber: pageNumber,
    PageSize: pageSize,
    DomainRecords: {
      Record: page(records, pageNumber, pageSize).map((record) => ({
        RecordId: record.recordId,
        DomainName: record.domainName,
        RR: record.rr,
        Type: record.type,
        Value: record.value,
        TTL: record.ttl,
        Line: record.line,
        Status: record.status,
        Locked: record.locked,
        Weight: 1,
      })),
    },
  };
}
