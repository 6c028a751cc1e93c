// Pure: what the `Status` of DescribeDomainCertificateInfo (002) and DescribeDcdnDomainCertificateInfo means for a
// deployment: served, still to wait for, or failed for a reason no waiting will fix.

/** 002's failure statuses and what each means, for the one-sentence error. */
const FAILED: Readonly<Record<string, string>> = {
  cname_error: 'no valid CNAME record points the domain at the CDN',
  top_domain_cname_error: 'no valid CNAME record has been added for the top-level domain',
  domain_invalid: 'the domain name contains invalid characters',
  unsupport_wildcard: 'the product does not support this wildcard domain',
  get_token_timeout: 'the certificate application request timed out',
  check_token_timeout: 'the verification timed out',
  get_cert_timeout: 'the request to obtain the certificate timed out',
  failed: 'the certificate application failed',
};

/** `checking` (is the domain on the CDN?) and `applying` pass with time; so does no status yet. */
const WAITING = new Set(['', 'checking', 'applying']);

export type StatusReading =
  | { kind: 'success' }
  | { kind: 'wait'; known: boolean }
  | { kind: 'failed'; meaning: string };

export function readStatus(status: string | undefined): StatusReading {
  const value = (status ?? '').toLowerCase();
  if (value === 'success') return { kind: 'success' };
  const meaning = FAILED[value];
  if (meaning) return { kind: 'failed', meaning };
  // A status 002 does not list is waited out (deploy-timeout bounds it), not taken as failure.
  return { kind: 'wait', known: WAITING.has(value) };
}
