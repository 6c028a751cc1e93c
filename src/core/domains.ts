// Domain-name rules for certificate orders: parsing the `domains` input, checking names the way a CA
// would before an order spends quota, and RFC 6125 matching of certificate names. Pure, no I/O.
import { domainToASCII, domainToUnicode } from 'node:url';

/** Service rule: one certificate order names at most this many domains. */
export const MAX_DOMAINS_PER_ORDER = 5;

const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const WILDCARD_PREFIX = '*.';
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ALL_DIGITS = /^[0-9]+$/;

/** Splits a comma- or newline-separated list: trimmed, lower-cased, empties and repeats dropped, in order. */
export function parseDomainList(raw: string): string[] {
  const names = raw
    .split(/[,\r\n]/)
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  return [...new Set(names)];
}

/** Lower-case A-label form without a trailing dot: `Bücher.Example.` → `xn--bcher-kva.example`. */
export function normaliseDomain(name: string): string {
  const lowered = name.trim().toLowerCase();
  // ASCII names skip domainToASCII: it would rewrite numeric names as IPv4 (`1.2.3` → `1.2.0.3`).
  const ascii = /^[\x20-\x7e]*$/.test(lowered) ? lowered : toALabels(lowered);
  return ascii.replace(/\.$/, '');
}

function toALabels(name: string): string {
  const ascii = domainToASCII(validationBaseName(name));
  // An unconvertible name is kept as typed so that checkDomain reports it.
  if (ascii === '') return name;
  return isWildcard(name) ? `${WILDCARD_PREFIX}${ascii}` : ascii;
}

export function isWildcard(name: string): boolean {
  return name.startsWith(WILDCARD_PREFIX);
}

/** The name whose ownership is validated: a wildcard's base (`*.example.com` → `example.com`). */
export function validationBaseName(name: string): string {
  return isWildcard(name) ? name.slice(WILDCARD_PREFIX.length) : name;
}

/**
 * Only digits-and-dots or a colon can be an IP address: the rest skip `net.isIP`, whose first call (and node:net
 * itself) costs more than the rest of the input checks.
 */
function isIpAddress(ascii: string): boolean {
  if (!/^[\d.]+$|:/.test(ascii)) return false;
  const { isIP } = process.getBuiltinModule('node:net');
  return isIP(ascii) !== 0 || isIP(ascii.replace(/^\[|\]$/g, '')) !== 0;
}

/** Why `name` cannot be put in a certificate order, or undefined when it can. Checks the normalised form. */
export function checkDomain(name: string): string | undefined {
  const ascii = normaliseDomain(name);
  if (ascii === '') return 'a domain name is empty';
  if (/\s/.test(name.trim())) {
    return `"${name}" holds a space: separate names with commas or new lines, like example.com, www.example.com`;
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ascii) || ascii.includes('/')) {
    return `"${name}" is a URL, not a domain name; give the host name alone, like example.com`;
  }
  if (isIpAddress(ascii)) {
    return `"${name}" is an IP address, not a domain name`;
  }
  if (ascii.length > MAX_NAME_LENGTH) {
    return `"${name}" is ${ascii.length} characters long; a domain name has at most ${MAX_NAME_LENGTH}`;
  }
  const wildcardProblem = checkWildcard(name, ascii);
  if (wildcardProblem !== undefined) return wildcardProblem;

  const labels = validationBaseName(ascii).split('.');
  if (labels.length < 2) {
    return isWildcard(ascii)
      ? `"${name}" is a wildcard over a whole top-level domain; use one like *.example.com`
      : `"${name}" needs at least two labels, like example.com`;
  }
  for (const label of labels) {
    const problem = checkLabel(name, label);
    if (problem !== undefined) return problem;
  }
  if (ALL_DIGITS.test(labels[labels.length - 1] ?? '')) {
    return `"${name}" ends in an all-numeric top-level label`;
  }
  return undefined;
}

function checkWildcard(name: string, ascii: string): string | undefined {
  const stars = ascii.split('*').length - 1;
  if (stars === 0) return undefined;
  if (stars > 1) return `"${name}" has more than one wildcard; only one "*." at the start is allowed`;
  if (!isWildcard(ascii)) return `"${name}" has a wildcard that is not the whole leftmost label ("*.")`;
  return undefined;
}

function checkLabel(name: string, label: string): string | undefined {
  if (label === '') return `"${name}" has an empty label (two dots in a row, or a leading dot)`;
  if (label.length > MAX_LABEL_LENGTH) {
    return `"${name}" has a label of ${label.length} characters; a label has at most ${MAX_LABEL_LENGTH}`;
  }
  if (!LDH_LABEL.test(label)) {
    return `"${name}" has the label "${label}"; labels use only letters, digits and inner hyphens`;
  }
  // RFC 5891 4.2.3.1: hyphens in the 3rd and 4th places are reserved; only `xn--` (an IDN A-label) may use them.
  if (label.slice(2, 4) === '--') {
    if (!label.startsWith('xn--')) {
      return `"${name}" has the label "${label}"; hyphens in the third and fourth places are reserved for IDN (xn--) labels`;
    }
    if (!isValidALabel(label)) return `"${name}" has the label "${label}", which is not valid Punycode`;
  }
  return undefined;
}

/** An A-label is valid when it decodes and encodes back to itself (`xn--zz` decodes to nothing). */
function isValidALabel(label: string): boolean {
  const unicode = domainToUnicode(label);
  return unicode !== '' && unicode !== label && domainToASCII(unicode) === label;
}

/** The service orders plain and wildcard names apart: the message says what to do instead (README, "Validation"). */
const MIXED_NAMES =
  'plain and wildcard domain names cannot be mixed in one certificate order: order them as two certificates ' +
  '(two entries of certificates, or two runs), e.g. one for example.com and one for *.example.com';

/**
 * Every reason these names cannot be ordered together (each bad name, then the rules of the set: at most 5, no
 * mixing of plain and wildcard names, no repeats); empty when they can. Used on the final list, whether the names
 * came from the domains input or a CSR.
 */
/** An ACME order (Let's Encrypt's limit) takes up to 100 names, wildcards and plain names together. */
export const ACME_LIST_RULES = { maxNames: 100, mixing: true } as const;

export function domainListProblems(
  names: string[],
  rules: { maxNames: number; mixing: boolean } = { maxNames: MAX_DOMAINS_PER_ORDER, mixing: false },
): string[] {
  if (names.length === 0) return ['no domain names were given'];
  const problems = names.map(checkDomain).filter((p): p is string => p !== undefined);
  if (names.length > rules.maxNames) {
    problems.push(
      `${names.length} domain names were given; one certificate order allows at most ${rules.maxNames}`,
    );
  }
  const normalised = names.map(normaliseDomain);
  const wildcards = normalised.filter(isWildcard).length;
  if (!rules.mixing && wildcards > 0 && wildcards < normalised.length) {
    problems.push(MIXED_NAMES);
  }
  const repeated = normalised.find((name, index) => normalised.indexOf(name) !== index);
  if (repeated !== undefined) problems.push(`"${repeated}" is listed more than once`);
  return problems;
}

/** Why these names cannot be ordered together, or undefined when they can. */
export function checkDomainSet(names: string[]): string | undefined {
  if (names.length === 0) return 'no domain names were given';
  if (names.length > MAX_DOMAINS_PER_ORDER) {
    return `${names.length} domain names were given; one certificate order allows at most ${MAX_DOMAINS_PER_ORDER}`;
  }
  for (const name of names) {
    const problem = checkDomain(name);
    if (problem !== undefined) return problem;
  }
  const normalised = names.map(normaliseDomain);
  const wildcards = normalised.filter(isWildcard).length;
  if (wildcards > 0 && wildcards < normalised.length) {
    return MIXED_NAMES;
  }
  const repeated = normalised.find((name, index) => normalised.indexOf(name) !== index);
  if (repeated !== undefined) return `"${repeated}" is listed more than once`;
  return undefined;
}

/**
 * RFC 6125 matching: a certificate name covers `wanted` when equal, or when it is `*.base` and `wanted`
 * is exactly one label more than `base`. A wanted wildcard is covered only by the same wildcard.
 */
export function certificateCovers(certNames: string[], wanted: string): boolean {
  const target = normaliseDomain(wanted);
  return certNames.map(normaliseDomain).some((certName) => {
    if (certName === target) return true;
    if (!isWildcard(certName) || isWildcard(target)) return false;
    const dot = target.indexOf('.');
    return dot > 0 && target.slice(dot + 1) === validationBaseName(certName);
  });
}

/** Whether two lists name the same domains, ignoring order, case, IDN form and repeats. */
export function sameDomainSet(a: string[], b: string[]): boolean {
  const setA = new Set(a.map(normaliseDomain));
  const setB = new Set(b.map(normaliseDomain));
  return setA.size === setB.size && [...setA].every((name) => setB.has(name));
}

/**
 * The registrable domain of a name by the Public Suffix List (ICANN section): `a.b.example.co.uk` →
 * `example.co.uk`. Loaded on first use only, since only validation without a zone list needs it.
 */
export async function loadRegistrableDomain(): Promise<(name: string) => string | undefined> {
  const { getDomain } = await import('tldts-icann');
  return (name) => getDomain(name, { validateHostname: false }) ?? undefined;
}
