// The user creates the record or file: say exactly what, and keep polling.

import { validationBaseName } from '../domains.js';
import type { Logger } from '../flows/context.js';
import type { Challenge } from '../services/certificate-authority.js';
import type { ValidationStrategy } from './strategy.js';

export function describeChallenge(challenge: Challenge, domains: string[]): string {
  if (challenge.method === 'FILE') {
    return `publish http://${challenge.domain}${challenge.uri} with the content '${challenge.content}'`;
  }
  const names = dnsRecordNames(challenge.recordDomain, domains);
  return `create a ${challenge.recordType} record ${names.join(' and ')} with the value '${challenge.recordValue}'`;
}

/** Full record names: a relative RecordDomain (`_dnsauth`) sits under each domain, a wildcard at its base. */
export function dnsRecordNames(recordDomain: string, domains: string[]): string[] {
  const bases = [...new Set(domains.map(validationBaseName))];
  const relative = recordDomain.split('.')[0] ?? recordDomain;
  const isAbsolute = bases.some((base) => recordDomain === base || recordDomain.endsWith(`.${base}`));
  if (isAbsolute && bases.length === 1) return [recordDomain];
  return bases.map((base) => `${relative}.${base}`);
}

export function createManualValidation(log: Logger, orderId: string): ValidationStrategy {
  return {
    async present(challenge, domains) {
      log.notice(`Order ${orderId} waits for domain validation: ${describeChallenge(challenge, domains)}.`);
    },
    async cleanup() {},
  };
}
