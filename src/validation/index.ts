// Picks the validation strategy that the config asks for: FILE challenges go to the web root (or the user),
// DNS challenges to Alibaba Cloud DNS, a hook, or the user. Everything made is kept in one cleanup ledger.
import type { Config } from '../config.js';
import type { Logger } from '../flows/context.js';
import type { DnsChallenge, FileChallenge } from '../services/certificate-authority.js';
import type { DnsService } from '../services/dns.js';
import { createAlidnsValidation } from './alidns.js';
import { type CleanupItem, createCleanupLedger } from './cleanup.js';
import { createFileValidation } from './file.js';
import { createHookValidation, type HookRunner } from './hook.js';
import { createManualValidation } from './manual.js';
import { waitForPropagation } from './propagation.js';
import { validationRecordNames, zoneForName } from './records.js';
import type { ChallengeHandler, ValidationStrategy } from './strategy.js';

/** Longest wait for a record to reach the zone's name servers (bounded further by wait-timeout). */
const PROPAGATION_BOUND_MS = 120_000;

export interface ValidationDeps {
  config: Config;
  dns: DnsService;
  log: Logger;
  /** Persists what must be cleaned up if the main step dies (record ids, file paths). */
  rememberCleanup(items: CleanupItem[]): void;
}

export function createValidationStrategy(deps: ValidationDeps, orderId: string): ValidationStrategy {
  const { config, dns, log } = deps;
  const ledger = createCleanupLedger(deps.rememberCleanup);
  const manual = createManualValidation(log, orderId);
  const root = config.fileValidationRoot;
  const file: ChallengeHandler<FileChallenge> = root
    ? createFileValidation({ root, log, ledger, orderId })
    : manual;
  const runner = hookRunnerFor(config);
  let record: ChallengeHandler<DnsChallenge> = manual;
  if (config.dnsProvider === 'alidns') {
    const boundMs = Math.min(PROPAGATION_BOUND_MS, config.waitTimeoutSeconds * 1000);
    record = createAlidnsValidation({
      dns,
      log,
      ledger,
      orderId,
      ttl: config.dnsTtl,
      waitVisible: config.dnsWaitPropagation
        ? async (r) => void (await waitForPropagation(r, { log, timeoutMs: boundMs }))
        : undefined,
    });
  } else if (config.dnsProvider === 'hook' && runner) {
    record = createHookValidation({ runner, log, ledger, orderId });
  }
  return {
    present: (challenge, domains) =>
      challenge.method === 'FILE' ? file.present(challenge, domains) : record.present(challenge, domains),
    async cleanup() {
      await file.cleanup();
      await record.cleanup();
    },
  };
}

/** The hook as configured, with every secret it must never see; undefined without dns-hook. */
export function hookRunnerFor(config: Config): HookRunner | undefined {
  if (!config.dnsHook) return undefined;
  const { accessKeySecret, securityToken } =
    config.credentials.kind === 'access-key' ? config.credentials.key : {};
  const secrets = [accessKeySecret, securityToken, config.pfxPassword, config.privateKeyPassphrase];
  return { command: config.dnsHook, secrets: secrets.filter((s): s is string => Boolean(s)) };
}

/**
 * Before ordering with alidns: the record names (the `_dnsauth` label the service uses) of domains that no zone in
 * the account holds. An order for them could never validate, so the caller stops before it costs quota.
 */
export async function recordNamesWithoutZone(dns: DnsService, domains: string[]): Promise<string[]> {
  const zones = await dns.listZones();
  return validationRecordNames('_dnsauth', domains).filter((name) => !zoneForName(name, zones));
}
