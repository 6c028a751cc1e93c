// Where the emulated CA looks for each domain's DNS validation record, and how it names that record in
// DescribeCertificateState's RecordDomain. The documents allow two readings of RecordDomain (a host record
// relative to the zone, or a full name): the knob picks one, so that clients are tested against both.
import { getDomain } from 'tldts-icann';
import { DNS_VALIDATION_LABEL, withoutWildcard } from './cas-model.js';
import type { DnsService } from './dns.js';

export type RecordDomainStyle = 'zone-relative' | 'full';

/**
 * The full name whose TXT record proves control of `domain`: `_dnsauth.<domain>` (a wildcard at its base), or
 * with `wwwAtBase` (DigiCert's rule) `www.<base>` at `_dnsauth.<base>`.
 */
export function validationNameOf(domain: string, wwwAtBase: boolean): string {
  const base = withoutWildcard(domain.toLowerCase());
  const validated = wwwAtBase && base.startsWith('www.') && base.split('.').length > 2 ? base.slice(4) : base;
  return `${DNS_VALIDATION_LABEL}.${validated}`;
}

/** The zone a name sits in: the account's longest-suffix zone, else its registrable domain. */
export function zoneOfName(name: string, dns: DnsService): string {
  return dns.zoneFor(name)?.domainName ?? getDomain(name, { validateHostname: false }) ?? name;
}

/** RecordDomain as the service would answer it for a full validation name. */
export function recordDomainOf(fullName: string, style: RecordDomainStyle, dns: DnsService): string {
  if (style === 'full') return fullName;
  const zone = zoneOfName(fullName, dns);
  return fullName === zone ? '@' : fullName.slice(0, -(zone.length + 1));
}
