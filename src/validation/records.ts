// Which DNS names a challenge asks for, and which zone of the account (and which RR in it) holds each.
// RecordDomain is a host record relative to the zone, or a full name (docs/validation-records.md).

import type { DnsChallenge } from '../authority/vocabulary.js';
import { loadRegistrableDomain, validationBaseName } from '../core/domains.js';
import { FlowError } from '../core/errors.js';

const normalise = (name: string) => name.trim().toLowerCase().replace(/\.$/, '');

/** The zone a name belongs to: the account's zone when known, else its registrable domain. */
export type ZoneOf = (name: string) => string | undefined;

const isUnder = (name: string, zone: string) => name === zone || name.endsWith(`.${zone}`);

/** `_dnsauth.www.example.com` → the `_` labels (`_dnsauth`) and the name they validate (`www.example.com`). */
function splitRecordName(full: string): { prefix: string; subject: string } {
  const labels = full.split('.');
  const at = Math.max(
    labels.findIndex((label) => !label.startsWith('_')),
    0,
  );
  return { prefix: labels.slice(0, at).join('.'), subject: labels.slice(at).join('.') };
}

/**
 * Full record names for a challenge's RecordDomain, one per validated name (a wildcard validates at its base).
 * RecordDomain is relative to a domain's zone (`_dnsauth.www` → `_dnsauth.www.example.com`) or a full name; never
 * appended to the ordered name. The domain it names may be any of the order's (the service's order of names is not
 * ours). The other domains take the same leading `_` labels under their own names; a `www.` name also under its
 * base, where DigiCert validates it. An empty list: no domains.
 */
export function validationRecordNames(
  recordDomain: string,
  domains: readonly string[],
  zoneOf: ZoneOf,
): string[] {
  const record = normalise(recordDomain);
  const bases = [...new Set(domains.map((d) => validationBaseName(normalise(d))))];
  if (bases.length === 0) return [];
  const zones = bases.map((b) => normalise(zoneOf(b) ?? b));
  const speaksOf = (full: string) => {
    const { subject } = splitRecordName(full);
    return bases.includes(subject) || bases.includes(`www.${subject}`);
  };
  let full: string;
  if (record === '' || record === '@') full = zones[0] ?? '';
  else if ([...zones, ...bases].some((zone) => isUnder(record, zone))) full = record;
  else {
    const candidates = zones.map((zone) => `${record}.${zone}`);
    full = candidates.find(speaksOf) ?? candidates[0] ?? record;
  }
  const { prefix, subject } = splitRecordName(full);
  if (!prefix) return [full];
  const names = [full];
  for (const base of bases) {
    if (base === subject) continue;
    // The service named the base of `www.<subject>` alone: DigiCert validates that www name there.
    if (base === `www.${subject}` && !bases.includes(subject)) continue;
    names.push(`${prefix}.${base}`);
    if (base.startsWith('www.') && base.slice(4) !== subject) names.push(`${prefix}.${base.slice(4)}`);
  }
  return [...new Set(names)];
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

/** The host labels a validation record may carry: the one the certificate APIs document (docs/validation-records.md). */
export const VALIDATION_LABELS: readonly string[] = ['_dnsauth'];
/** The one label of an ACME DNS-01 challenge (RFC 8555 section 8.4); a CAS answer naming it is still refused. */
export const ACME_VALIDATION_LABELS: readonly string[] = ['_acme-challenge'];

/** A validation token as the services give it (letters, digits, `.`, `_`, `-`), as one TXT string holds it. */
const TOKEN = /^[A-Za-z0-9._-]{1,255}$/;
const HOST_LABEL = '[a-z0-9_](?:[a-z0-9_-]*[a-z0-9])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}$)${HOST_LABEL}(?:\\.${HOST_LABEL})+$`, 'i');

const shown = (value: string) => (value.length > 80 ? `${value.slice(0, 77)}...` : value);

/**
 * Pure: why these records of a DNS challenge must not be written (or deleted), or undefined. The answer that names
 * them is not trusted: only TXT records (CNAME where the instance API may ask for one), only a validation label
 * directly under an ordered name (a `www.` name also at its base, where DigiCert validates it), only a token's
 * characters. Both readings of RecordDomain give such names for a real answer (docs/validation-records.md).
 */
export function dnsChallengeProblem(
  challenge: DnsChallenge,
  names: readonly string[],
  domains: readonly string[],
): string | undefined {
  const type = challenge.recordType.trim().toUpperCase();
  const types = challenge.cnameAllowed ? ['TXT', 'CNAME'] : ['TXT'];
  if (!types.includes(type))
    return `asks for a ${type} record, and validation writes only ${types.join(' or ')}`;
  const value = challenge.recordValue;
  if (type === 'CNAME' ? !HOST_NAME.test(value.replace(/\.$/, '')) : !TOKEN.test(value)) {
    return (
      `gives the value '${shown(value)}', which ` +
      (type === 'CNAME'
        ? 'is not a host name'
        : 'is not a validation token (at most 255 letters, digits, dots, underscores and hyphens)')
    );
  }
  const bases = domains.map((d) => validationBaseName(normalise(d)));
  const subjects = new Set([...bases, ...bases.filter((b) => b.startsWith('www.')).map((b) => b.slice(4))]);
  const labels = challenge.acme ? ACME_VALIDATION_LABELS : VALIDATION_LABELS;
  for (const name of names) {
    const [label = '', ...rest] = normalise(name).split('.');
    if (!labels.includes(label) || !subjects.has(rest.join('.'))) {
      return (
        `names the record '${name}', which is not ${labels.join(' or ')} under one of the ordered ` +
        `names (${domains.join(', ') || 'none known'})`
      );
    }
  }
  return undefined;
}

/**
 * The record names an order's DNS challenge needs, or a FlowError when they cannot be known or are not validation
 * records of the ordered names (dnsChallengeProblem).
 */
export function requiredRecordNames(
  challenge: DnsChallenge,
  domains: readonly string[],
  orderId: string,
  zoneOf: ZoneOf,
): string[] {
  const names = validationRecordNames(challenge.recordDomain, domains, zoneOf);
  if (names.length === 0) {
    throw new FlowError(
      `Order ${orderId} asks for the ${challenge.recordType} record '${challenge.recordDomain}' relative to ` +
        'its domains, which this run does not know: give the domains input along with order-id.',
    );
  }
  const problem = dnsChallengeProblem(challenge, names, domains);
  if (problem) {
    throw new FlowError(
      `The service's DNS challenge for ${orderId} ${problem}: refusing to write it, since it is no validation ` +
        'record of this certificate. Look at the order in the console (mode: status shows what the service says).',
    );
  }
  return names;
}

/** Zones from the account's list (longest suffix) when given, else the registrable domain of the name. */
export async function zoneResolver(zones?: readonly string[]): Promise<ZoneOf> {
  const registrable = await loadRegistrableDomain();
  return (name) => (zones && zoneForName(name, zones)?.zone) || registrable(name);
}
