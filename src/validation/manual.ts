// The user creates the record or file: say exactly what, and keep polling.

import type { Challenge } from '../authority/vocabulary.js';
import { FlowError } from '../core/errors.js';
import type { Logger } from '../core/log.js';
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
  create: ({ log, orderId }) => createManualValidation(log, orderId),
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

export function createManualValidation(log: Logger, orderId: string): ValidationStrategy {
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
      return names;
    },
    async cleanup() {},
  };
}
