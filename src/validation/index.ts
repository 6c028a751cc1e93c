// Picks the validation strategy that the settings ask for: FILE challenges go to the web root (or the user),
// DNS challenges to the configured provider (registry.ts). Everything made is kept in one cleanup ledger.

import type { Challenge } from '../authority/vocabulary.js';
import { validationBaseName } from '../core/domains.js';
import type { Logger } from '../core/log.js';
import type { DnsService } from '../services/dns.js';
import { type CleanupItem, createCleanupLedger } from './cleanup.js';
import type { ProviderSettings } from './provider.js';
import { dnsChallengeProblem, validationRecordNames, zoneForName, zoneResolver } from './records.js';
import { type DnsProvider, loadDnsProvider, loadFileProvider } from './registry.js';
import type { ValidationStrategy } from './strategy.js';

/** The one settings object of validation: the providers' part and who answers DNS challenges (`dns-provider`). */
export interface ValidationSettings extends ProviderSettings {
  dnsProvider: DnsProvider;
}

export interface ValidationDeps {
  settings: ValidationSettings;
  dns: DnsService;
  log: Logger;
  /** Persists what must be cleaned up if the main step dies (record ids, file paths). */
  rememberCleanup(items: CleanupItem[]): void;
}

/**
 * What every strategy of this run still has to remove, by order (or instance entry): an instance's validation list
 * has one strategy per name, and the post step must see all of their items, not the last one's.
 */
const openItems = new Map<string, CleanupItem[]>();

export async function createValidationStrategy(
  deps: ValidationDeps,
  orderId: string,
): Promise<ValidationStrategy> {
  const { settings } = deps;
  const persist = (items: CleanupItem[]) => {
    openItems.set(orderId, items);
    deps.rememberCleanup([...openItems.values()].flat());
  };
  const providerDeps = { ...deps, ledger: createCleanupLedger(persist), orderId };
  const record = (await loadDnsProvider(settings.dnsProvider)).create(providerDeps);
  const file = (settings.fileRoot ? await loadFileProvider() : await loadDnsProvider('manual')).create(
    providerDeps,
  );
  return {
    present: (challenge, domains) =>
      challenge.method === 'FILE' ? file.present(challenge, domains) : record.present(challenge, domains),
    async cleanup() {
      await file.cleanup();
      await record.cleanup();
    },
  };
}

/**
 * Before ordering with alidns: the validated names (a wildcard's base) that no zone in the account holds. Their
 * records could never be written, so the caller stops before an order costs quota.
 */
export async function namesWithoutZone(dns: DnsService, domains: string[]): Promise<string[]> {
  const zones = await dns.listZones();
  const bases = [...new Set(domains.map(validationBaseName))];
  return bases.filter((name) => !zoneForName(name, zones));
}

/** What `cancel` removes records with: a FlowContext has all three. */
export interface ChallengeRemovalDeps {
  validationSettings: ValidationSettings;
  dns?: DnsService;
  log: Logger;
}

/**
 * `cancel`: removes what answers an order's DNS challenge through the configured provider: only the validation
 * record's exact name, type and value (the order's own token), never a record the answer names otherwise
 * (dnsChallengeProblem). Says in a few words what was done; never fails the run (the order itself is gone already).
 */
export async function removeChallengeRecords(
  challenge: Challenge,
  domains: string[],
  { validationSettings: settings, dns, log }: ChallengeRemovalDeps,
): Promise<string> {
  if (challenge.method !== 'DNS') return 'not applicable';
  const zones = settings.dnsProvider === 'alidns' ? await dns?.listZones().catch(() => undefined) : undefined;
  const names = validationRecordNames(challenge.recordDomain, domains, await zoneResolver(zones));
  if (names.length === 0) {
    log.warning(
      `The order's names are unknown, so its validation records cannot be looked up; remove any ` +
        `${challenge.recordType} record with the value ${challenge.recordValue} yourself (or give the domains input).`,
    );
    return 'not looked up (names unknown)';
  }
  const problem = dnsChallengeProblem(challenge, names, domains);
  if (problem) {
    log.warning(`The service's DNS challenge ${problem}: no record is removed for it.`);
    return `not removed: the service's answer ${problem}`;
  }
  const provider = await loadDnsProvider(settings.dnsProvider);
  return provider.removeForChallenge
    ? provider.removeForChallenge(challenge, names, { settings, dns, log })
    : 'nothing to remove';
}
