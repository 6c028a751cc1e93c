// The user creates the record or file: say exactly what, and keep polling.

import type { Challenge } from '../authority/vocabulary.js';
import { FlowError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
import { nameServersOf, waitForPropagation } from './propagation.js';
import type { ProviderSettings, ValidationProvider } from './provider.js';
import { dnsChallengeProblem, validationRecordNames, zoneResolver } from './records.js';
import type { ValidationStrategy } from './strategy.js';

/** What is still to do, in full: the record's full names, type and value, or the file's URL and content. */
export function describeChallenge(challenge: Challenge, recordNames: readonly string[]): string {
  if (challenge.method === 'FILE') {
    return `publish http://${challenge.domain}${challenge.uri} with the content '${challenge.content}'`;
  }
  const names = recordNames.length > 0 ? recordNames : [challenge.recordDomain];
  return `create a ${challenge.recordType} record ${names.join(' and ')} with the value '${challenge.recordValue}'`;
}

/**
 * What is still to do when a wait ends: by hand only where no provider writes the record or file; where one does
 * (alidns, hook, file-validation-root), the certificate authority has yet to see what it wrote.
 */
export function stillToDo(
  challenge: Challenge,
  recordNames: readonly string[],
  settings: Pick<ProviderSettings, 'fileRoot'> & { dnsProvider: string },
): string {
  const byHand =
    challenge.method === 'FILE' ? settings.fileRoot === undefined : settings.dnsProvider === 'manual';
  if (byHand) return describeChallenge(challenge, recordNames);
  const written =
    challenge.method === 'FILE'
      ? `the file http://${challenge.domain}${challenge.uri} that file-validation-root holds`
      : `the ${challenge.recordType} record ${(
          recordNames.length > 0 ? recordNames : [challenge.recordDomain]
        ).join(' and ')} = '${challenge.recordValue}' that dns-provider ${settings.dnsProvider} writes`;
  return `let the certificate authority see ${written} (it takes longer: raise wait-timeout)`;
}

/** Full record names of a DNS challenge, by the registrable domains (no zone list is known here). */
export async function dnsRecordNames(challenge: Challenge, domains: readonly string[]): Promise<string[]> {
  if (challenge.method === 'FILE') return [];
  return validationRecordNames(challenge.recordDomain, domains, await zoneResolver());
}

export const manualProvider: ValidationProvider = {
  create: ({ log, orderId, settings }) => createManualValidation(log, orderId, settings),
  async removeForChallenge(challenge, names, { log }) {
    if (challenge.method === 'DNS') {
      log.info(
        `The validation record ${challenge.recordType} ${names.join(', ')} = ${challenge.recordValue} is no ` +
          'longer needed: remove it if you made it.',
      );
    }
    return 'left to you (dns-provider manual)';
  },
};

export function createManualValidation(
  log: Logger,
  orderId: string,
  settings?: ProviderSettings,
): ValidationStrategy {
  return {
    async present(challenge, domains) {
      const names = await dnsRecordNames(challenge, domains);
      // Not written here, yet a user follows what the notice says: the same refusal as the providers that write.
      const problem =
        challenge.method === 'DNS' && names.length > 0 && dnsChallengeProblem(challenge, names, domains);
      if (problem) {
        throw new FlowError(
          `The service's DNS challenge for ${orderId} ${problem}: refusing to ask for it, since it is no ` +
            'validation record of this certificate. Look at the order in the console.',
        );
      }
      log.notice(`Order ${orderId} waits for domain validation: ${describeChallenge(challenge, names)}.`);
      // An ACME CA looks once, when asked: ask only after the record made by hand is visible (CAS looks itself).
      if (challenge.method === 'DNS' && challenge.acme && settings) {
        await awaitRecordMadeByHand(challenge, names, settings, log);
      }
      return names;
    },
    async cleanup() {},
  };
}

/** How often a record made by hand is looked for: a person takes minutes, a name server answers in milliseconds. */
const BY_HAND_INTERVAL_MS = 5_000;

/**
 * ACME with dns-provider manual: waits within wait-timeout until each record is visible at the zone's name servers
 * (or `dns-resolvers`), else fails without asking the CA, so its authorization stays pending, not failed.
 */
async function awaitRecordMadeByHand(
  challenge: Extract<Challenge, { method: 'DNS' }>,
  names: readonly string[],
  settings: ProviderSettings,
  log: Logger,
): Promise<void> {
  const zoneOf = await zoneResolver();
  const timeoutMs = settings.waitTimeoutSeconds * 1000;
  const where = settings.nameServers?.length ? settings.nameServers.join(', ') : "the zone's name servers";
  log.info(`Waiting up to ${settings.waitTimeoutSeconds}s for the record to be visible at ${where}.`);
  for (const name of names) {
    const record = {
      name,
      zone: zoneOf(name) ?? name,
      type: challenge.recordType,
      value: challenge.recordValue,
    };
    const visible = await waitForPropagation(record, {
      log,
      timeoutMs,
      intervalMs: BY_HAND_INTERVAL_MS,
      failsAfter: true,
      ...nameServersOf(settings),
    });
    if (!visible) {
      throw new FlowError(
        `The ACME CA was not asked to validate: the ${challenge.recordType} record ${name} with the value ` +
          `'${challenge.recordValue}' was not visible at ${where} within wait-timeout (${settings.waitTimeoutSeconds}s). ` +
          'The value belongs to this order alone: create the record while the run waits (raise wait-timeout), ' +
          'or let dns-provider alidns or hook write it.',
      );
    }
  }
}
