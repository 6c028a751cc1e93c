// Which DNS names a challenge asks for, and which zone of the account (and which RR in it) holds each.
import { validationBaseName } from '../domains.js';
import { FlowError } from '../flows/context.js';
import type { DnsChallenge } from '../services/certificate-authority.js';

const normalise = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');

/**
 * Full record names for a challenge's RecordDomain, one per validated name (a wildcard validates at its base).
 * RecordDomain may be relative (`_dnsauth`: it sits under every domain) or a full name under one of the
 * domains (`_dnsauth.example.com`: its prefix then applies to every domain). Repeats are dropped.
 * An empty list means the names cannot be known (a relative RecordDomain and no domains).
 */
export function validationRecordNames(recordDomain: string, domains: readonly string[]): string[] {
  const record = normalise(recordDomain);
  const bases = [...new Set(domains.map((d) => validationBaseName(normalise(d))))];
  // The longest base that RecordDomain is, or ends in: the name is given in full.
  const base = bases
    .filter((b) => record === b || record.endsWith(`.${b}`))
    .sort((a, b) => b.length - a.length)[0];
  if (base === undefined) {
    if (record === '' || record === '@') return bases;
    return bases.map((b) => `${record}.${b}`);
  }
  const prefix = record === base ? '' : record.slice(0, -(base.length + 1));
  const names = bases.map((b) => (prefix ? `${prefix}.${b}` : b));
  // Keep the name exactly as given first, then the others.
  return [...new Set([record, ...names])];
}

export interface ZoneMatch {
  zone: string;
  /** Host record relative to the zone; `@` for the apex. */
  rr: string;
}

/** The account's zone that is the longest suffix of `name` (on a label boundary), and the RR within it. */
export function zoneForName(name: string, zones: readonly string[]): ZoneMatch | undefined {
  const fqdn = normalise(name);
  let best: string | undefined;
  for (const raw of zones) {
    const zone = normalise(raw);
    if (zone === '') continue;
    const isSuffix = fqdn === zone || fqdn.endsWith(`.${zone}`);
    if (isSuffix && (best === undefined || zone.length > best.length)) best = zone;
  }
  if (best === undefined) return undefined;
  return { zone: best, rr: fqdn === best ? '@' : fqdn.slice(0, -(best.length + 1)) };
}

/** The record names an order's DNS challenge needs, or a FlowError when they cannot be known. */
export function requiredRecordNames(
  challenge: DnsChallenge,
  domains: readonly string[],
  orderId: string,
): string[] {
  const names = validationRecordNames(challenge.recordDomain, domains);
  if (names.length === 0) {
    throw new FlowError(
      `Order ${orderId} asks for the ${challenge.recordType} record '${challenge.recordDomain}' relative to ` +
        'its domains, which this run does not know: give the domains input along with order-id.',
    );
  }
  return names;
}
