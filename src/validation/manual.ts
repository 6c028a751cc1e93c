// The user creates the record or file: say exactly what, and keep polling.

import type { Logger } from '../flows/context.js';
import type { Challenge } from '../services/certificate-authority.js';
import { validationRecordNames } from './records.js';
import type { ValidationStrategy } from './strategy.js';

export function describeChallenge(challenge: Challenge, domains: string[]): string {
  if (challenge.method === 'FILE') {
    return `publish http://${challenge.domain}${challenge.uri} with the content '${challenge.content}'`;
  }
  const names = dnsRecordNames(challenge.recordDomain, domains);
  return `create a ${challenge.recordType} record ${names.join(' and ')} with the value '${challenge.recordValue}'`;
}

/** Full record names; the service's RecordDomain as given when the domains are not known. */
export function dnsRecordNames(recordDomain: string, domains: string[]): string[] {
  const names = validationRecordNames(recordDomain, domains);
  return names.length > 0 ? names : [recordDomain];
}

export function createManualValidation(log: Logger, orderId: string): ValidationStrategy {
  return {
    async present(challenge, domains) {
      log.notice(`Order ${orderId} waits for domain validation: ${describeChallenge(challenge, domains)}.`);
    },
    async cleanup() {},
  };
}
