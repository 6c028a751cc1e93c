// dns-provider: alidns — the action writes the validation record in Alibaba Cloud DNS and removes it afterwards.
import { AliyunApiError } from '../aliyun/errors.js';
import type { DnsChallenge } from '../authority/vocabulary.js';
import { FlowError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import type { DnsService } from '../services/dns.js';
import type { AlidnsRecordItem, CleanupItem, CleanupLedger } from './cleanup.js';
import { isText, ownedItems } from './cleanup.js';
import { nameServersOf, type RecordToWaitFor, waitForPropagation } from './propagation.js';
import type { ValidationProvider } from './provider.js';
import { requiredRecordNames, type ZoneMatch, zoneForName, zoneResolver } from './records.js';
import { type ChallengeHandler, forMethod } from './strategy.js';

export interface AlidnsDeps {
  dns: DnsService;
  log: Logger;
  ledger: CleanupLedger;
  orderId: string;
  ttl: number;
  /** Waits (bounded) until the record is visible at the zone's authoritative servers; absent: no wait. */
  waitVisible?: (record: RecordToWaitFor) => Promise<void>;
}

/** Alidns answers these when a record id is unknown: the record is already gone. */
const GONE = /NotBelongToUser|NotFound|NotExist/i;

export function createAlidnsValidation(deps: AlidnsDeps): ChallengeHandler<DnsChallenge> {
  const { dns, log, ledger, orderId } = deps;
  const mine = ownedItems<AlidnsRecordItem>(ledger, (item) => removeAlidnsRecord(dns, item, log));
  const cleanup = () => mine.removeAll();

  return {
    async present(challenge, domains) {
      // A changed challenge makes the records of the previous one useless.
      await cleanup();
      const zones = await dns.listZones();
      const names = requiredRecordNames(challenge, domains, orderId, await zoneResolver(zones));
      const type = challenge.recordType.toUpperCase();
      const targets: Array<ZoneMatch & { name: string }> = [];
      for (const name of names) {
        const match = zoneForName(name, zones);
        if (!match) {
          throw new FlowError(
            `No zone in this Alibaba Cloud DNS account holds ${name} (order ${orderId}); ` +
              `create the ${type} record ${name} with the value '${challenge.recordValue}' by hand ` +
              '(and use dns-provider: manual), or add the domain to Alibaba Cloud DNS, or use dns-provider: hook.',
          );
        }
        targets.push({ name, ...match });
      }
      for (const target of targets) await ensureRecord(target, type, challenge.recordValue);
      if (deps.waitVisible) {
        for (const t of targets) {
          await deps.waitVisible({ name: t.name, zone: t.zone, type, value: challenge.recordValue });
        }
      }
      return names;
    },
    cleanup,
  };

  async function ensureRecord(target: ZoneMatch & { name: string }, type: string, value: string) {
    const { zone, rr, name } = target;
    const adopt = (recordId: string) => {
      const item: AlidnsRecordItem = { kind: 'alidns-record', recordId, zone, rr, type };
      mine.add(item);
      log.info(`Created the ${type} record ${name} in zone ${zone} (record id ${recordId}).`);
    };
    // The service may have written it itself (automatic DNS validation), or a user or an earlier run did:
    // use it, never add a second, and leave it in place.
    if ((await dns.findRecords(zone, rr, type, value)).length > 0) {
      log.info(
        `The ${type} record ${name} with this value is already in zone ${zone}: using it, leaving it in place.`,
      );
      return;
    }
    try {
      adopt((await dns.addRecord(zone, rr, type, value, deps.ttl)).recordId);
    } catch (error) {
      if (!(error instanceof AliyunApiError)) throw error;
      if (error.code === 'DomainRecordDuplicate') {
        // Someone (a user, an earlier run) made the same record: use it, and leave it in place.
        log.info(`The ${type} record ${name} with this value already exists in zone ${zone}: using it.`);
        return;
      }
      if (!error.outcomeUnknown) throw error;
      // Sent without a clear answer: look before doing anything else.
      const found = await dns.findRecords(zone, rr, type, value);
      const first = found[0];
      if (!first) throw error;
      adopt(first.recordId);
    }
  }
}

/** Deletes one record; true when it is gone (deleted now, or already). Never throws: warns instead. */
export async function removeAlidnsRecord(
  dns: DnsService,
  item: AlidnsRecordItem,
  log: Logger,
): Promise<boolean> {
  try {
    await dns.deleteRecord(item.recordId);
    log.info(`Removed the ${describeItem(item)}.`);
    return true;
  } catch (error) {
    if (error instanceof AliyunApiError && GONE.test(error.code)) {
      log.info(`The ${describeItem(item)} is already gone.`);
      return true;
    }
    const reason = error instanceof AliyunApiError ? error.describe() : String(error);
    log.warning(`Could not remove the ${describeItem(item)}: ${reason}. Remove it by hand.`);
    return false;
  }
}

/** One line naming a record, for logs. */
export function describeItem(item: AlidnsRecordItem): string {
  return `${item.type} record ${item.rr === '@' ? item.zone : `${item.rr}.${item.zone}`} (record id ${item.recordId})`;
}

/** Longest wait for a record to reach the zone's name servers (bounded further by wait-timeout). */
const PROPAGATION_BOUND_MS = 120_000;

const isAlidnsItem = (item: CleanupItem): item is AlidnsRecordItem => item.kind === 'alidns-record';

export const alidnsProvider: ValidationProvider = {
  create({ settings, dns, log, ledger, orderId }) {
    const boundMs = Math.min(PROPAGATION_BOUND_MS, settings.waitTimeoutSeconds * 1000);
    const handler = createAlidnsValidation({
      dns,
      log,
      ledger,
      orderId,
      ttl: settings.ttl,
      waitVisible: settings.waitPropagation
        ? async (r) =>
            void (await waitForPropagation(r, {
              log,
              timeoutMs: boundMs,
              ...nameServersOf(settings),
            }))
        : undefined,
    });
    return forMethod('DNS', handler);
  },
  itemKind: 'alidns-record',
  parseItem(raw) {
    if (!/^\d+$/.test(String(raw.recordId))) return undefined;
    if (!isText(raw.zone) || !isText(raw.rr) || !isText(raw.type)) return undefined;
    return {
      kind: 'alidns-record',
      recordId: String(raw.recordId),
      zone: raw.zone,
      rr: raw.rr,
      type: raw.type,
    };
  },
  describeItem: (item) => (isAlidnsItem(item) ? describeItem(item) : item.kind),
  async removeItem(item, { dns, log }) {
    return isAlidnsItem(item) && dns !== undefined && removeAlidnsRecord(dns, item, log);
  },
  async removeForChallenge(challenge, names, { dns, log }) {
    if (challenge.method !== 'DNS' || !dns) return 'not removed (no DNS client)';
    const type = challenge.recordType.toUpperCase();
    try {
      const zones = await dns.listZones();
      let removed = 0;
      for (const name of names) {
        const match = zoneForName(name, zones);
        if (!match) continue;
        for (const record of await dns.findRecords(match.zone, match.rr, type, challenge.recordValue)) {
          const item: AlidnsRecordItem = { kind: 'alidns-record', recordId: record.recordId, ...match, type };
          if (await removeAlidnsRecord(dns, item, log)) removed++;
        }
      }
      return `${removed} removed from Alibaba Cloud DNS`;
    } catch (error) {
      if (!(error instanceof AliyunApiError)) throw error;
      log.warning(
        `The validation records could not be looked up (${error.describe()}); remove any ${type} record ` +
          `${names.join(', ')} with the value ${challenge.recordValue} yourself.`,
      );
      return 'not removed (see the warning)';
    }
  },
};
