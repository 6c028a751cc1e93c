// Alibaba Cloud DNS (Alidns 2015-01-09): what domain validation needs — zones, records, add, delete.
import type { RpcClient } from '../aliyun/rpc.js';
import { checkPageLimit } from '../core/paging.js';
import { idField, listField, numberField, textField } from './fields.js';

export const DNS_VERSION = '2015-01-09';
const PAGE_SIZE = 100;

export interface DnsRecord {
  recordId: string;
  zone: string;
  rr: string;
  type: string;
  value: string;
}

export interface DnsService {
  /** Every zone (domain) in the account. */
  listZones(): Promise<string[]>;
  /** Records of a zone whose RR, type and value are exactly these (value optional). */
  findRecords(zone: string, rr: string, type: string, value?: string): Promise<DnsRecord[]>;
  addRecord(zone: string, rr: string, type: string, value: string, ttl: number): Promise<DnsRecord>;
  deleteRecord(recordId: string): Promise<void>;
}

export function createDnsService(client: RpcClient, endpoint: string): DnsService {
  const call = (action: string, params: Record<string, string | number | undefined>, changesState: boolean) =>
    client.call({ endpoint, version: DNS_VERSION, action, params, changesState });

  // Zones do not change while one step runs: one listing serves the pre-order check and the validation.
  let zoneList: Promise<string[]> | undefined;
  const fetchZones = async () => {
    const zones: string[] = [];
    for (let page = 1; ; page++) {
      const r = await call('DescribeDomains', { PageNumber: page, PageSize: PAGE_SIZE }, false);
      const items = listField(r.Domains, 'Domain');
      for (const item of items) {
        const name = textField(item.DomainName);
        if (name) zones.push(name.toLowerCase());
      }
      if (items.length === 0 || zones.length >= numberField(r.TotalCount)) return zones;
      checkPageLimit('DescribeDomains', page, numberField(r.TotalCount));
    }
  };

  return {
    listZones() {
      zoneList ??= fetchZones().catch((error: unknown) => {
        zoneList = undefined;
        throw error;
      });
      return zoneList;
    },

    async findRecords(zone, rr, type, value) {
      const found: DnsRecord[] = [];
      for (let page = 1; ; page++) {
        const r = await call(
          'DescribeDomainRecords',
          { DomainName: zone, RRKeyWord: rr, TypeKeyWord: type, PageNumber: page, PageSize: PAGE_SIZE },
          false,
        );
        const items = listField(r.DomainRecords, 'Record');
        for (const item of items) {
          const record = toRecord(zone, item);
          // The key words match loosely: keep exact matches only.
          if (
            record &&
            record.rr === rr &&
            record.type === type &&
            (value === undefined || record.value === value)
          ) {
            found.push(record);
          }
        }
        if (items.length === 0 || page * PAGE_SIZE >= numberField(r.TotalCount)) return found;
        checkPageLimit('DescribeDomainRecords', page, numberField(r.TotalCount));
      }
    },

    async addRecord(zone, rr, type, value, ttl) {
      const r = await call(
        'AddDomainRecord',
        { DomainName: zone, RR: rr, Type: type, Value: value, TTL: ttl },
        true,
      );
      const recordId = idField(r.RecordId);
      if (!recordId) throw new Error('AddDomainRecord answered without a RecordId');
      return { recordId, zone, rr, type, value };
    },

    async deleteRecord(recordId) {
      await call('DeleteDomainRecord', { RecordId: recordId }, true);
    },
  };
}

function toRecord(zone: string, item: Record<string, unknown>): DnsRecord | undefined {
  const recordId = idField(item.RecordId) ?? textField(item.RecordId);
  if (!recordId) return undefined;
  return {
    recordId,
    zone,
    rr: textField(item.RR) ?? '',
    type: textField(item.Type) ?? '',
    value: textField(item.Value) ?? '',
  };
}
