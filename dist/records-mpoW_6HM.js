import { domainToASCII } from 'node:url';
import { F as FlowError } from './errors-zb-a6KJc.js';

// Domain-name rules for certificate orders: parsing the `domains` input, checking names the way a CA
// would before an order spends quota, and RFC 6125 matching of certificate names. Pure, no I/O.
/** Service rule: one certificate order names at most this many domains. */
const MAX_DOMAINS_PER_ORDER = 5;
const MAX_NAME_LENGTH = 253;
const MAX_LABEL_LENGTH = 63;
const WILDCARD_PREFIX = '*.';
const LDH_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/;
const ALL_DIGITS = /^[0-9]+$/;
/** Splits a comma- or newline-separated list: trimmed, lower-cased, empties and repeats dropped, in order. */
function parseDomainList(raw) {
    const names = raw
        .split(/[,\r\n]/)
        .map((name) => name.trim().toLowerCase())
        .filter((name) => name !== '');
    return [...new Set(names)];
}
/** Lower-case A-label form without a trailing dot: `Bücher.Example.` → `xn--bcher-kva.example`. */
function normaliseDomain(name) {
    const lowered = name.trim().toLowerCase();
    // ASCII names skip domainToASCII: it would rewrite numeric names as IPv4 (`1.2.3` → `1.2.0.3`).
    const ascii = /^[\x20-\x7e]*$/.test(lowered) ? lowered : toALabels(lowered);
    return ascii.replace(/\.$/, '');
}
function toALabels(name) {
    const ascii = domainToASCII(validationBaseName(name));
    // An unconvertible name is kept as typed so that checkDomain reports it.
    if (ascii === '')
        return name;
    return isWildcard(name) ? `${WILDCARD_PREFIX}${ascii}` : ascii;
}
function isWildcard(name) {
    return name.startsWith(WILDCARD_PREFIX);
}
/** The name whose ownership is validated: a wildcard's base (`*.example.com` → `example.com`). */
function validationBaseName(name) {
    return isWildcard(name) ? name.slice(WILDCARD_PREFIX.length) : name;
}
/**
 * Only digits-and-dots or a colon can be an IP address: the rest skip `net.isIP`, whose first call (and node:net
 * itself) costs more than the rest of the input checks.
 */
function isIpAddress(ascii) {
    if (!/^[\d.]+$|:/.test(ascii))
        return false;
    const { isIP } = process.getBuiltinModule('node:net');
    return isIP(ascii) !== 0 || isIP(ascii.replace(/^\[|\]$/g, '')) !== 0;
}
/** Why `name` cannot be put in a certificate order, or undefined when it can. Checks the normalised form. */
function checkDomain(name) {
    const ascii = normaliseDomain(name);
    if (ascii === '')
        return 'a domain name is empty';
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
    if (wildcardProblem !== undefined)
        return wildcardProblem;
    const labels = validationBaseName(ascii).split('.');
    if (labels.length < 2) {
        return isWildcard(ascii)
            ? `"${name}" is a wildcard over a whole top-level domain; use one like *.example.com`
            : `"${name}" needs at least two labels, like example.com`;
    }
    for (const label of labels) {
        const problem = checkLabel(name, label);
        if (problem !== undefined)
            return problem;
    }
    if (ALL_DIGITS.test(labels[labels.length - 1] ?? '')) {
        return `"${name}" ends in an all-numeric top-level label`;
    }
    return undefined;
}
function checkWildcard(name, ascii) {
    const stars = ascii.split('*').length - 1;
    if (stars === 0)
        return undefined;
    if (stars > 1)
        return `"${name}" has more than one wildcard; only one "*." at the start is allowed`;
    if (!isWildcard(ascii))
        return `"${name}" has a wildcard that is not the whole leftmost label ("*.")`;
    return undefined;
}
function checkLabel(name, label) {
    if (label === '')
        return `"${name}" has an empty label (two dots in a row, or a leading dot)`;
    if (label.length > MAX_LABEL_LENGTH) {
        return `"${name}" has a label of ${label.length} characters; a label has at most ${MAX_LABEL_LENGTH}`;
    }
    if (!LDH_LABEL.test(label)) {
        return `"${name}" has the label "${label}"; labels use only letters, digits and inner hyphens`;
    }
    return undefined;
}
/** Why these names cannot be ordered together, or undefined when they can. */
function checkDomainSet(names) {
    if (names.length === 0)
        return 'no domain names were given';
    if (names.length > MAX_DOMAINS_PER_ORDER) {
        return `${names.length} domain names were given; one certificate order allows at most ${MAX_DOMAINS_PER_ORDER}`;
    }
    for (const name of names) {
        const problem = checkDomain(name);
        if (problem !== undefined)
            return problem;
    }
    const normalised = names.map(normaliseDomain);
    const wildcards = normalised.filter(isWildcard).length;
    if (wildcards > 0 && wildcards < normalised.length) {
        return 'plain and wildcard domain names cannot be mixed in one certificate order';
    }
    const repeated = normalised.find((name, index) => normalised.indexOf(name) !== index);
    if (repeated !== undefined)
        return `"${repeated}" is listed more than once`;
    return undefined;
}
/**
 * RFC 6125 matching: a certificate name covers `wanted` when equal, or when it is `*.base` and `wanted`
 * is exactly one label more than `base`. A wanted wildcard is covered only by the same wildcard.
 */
function certificateCovers(certNames, wanted) {
    const target = normaliseDomain(wanted);
    return certNames.map(normaliseDomain).some((certName) => {
        if (certName === target)
            return true;
        if (!isWildcard(certName) || isWildcard(target))
            return false;
        const dot = target.indexOf('.');
        return dot > 0 && target.slice(dot + 1) === validationBaseName(certName);
    });
}
/** Whether two lists name the same domains, ignoring order, case, IDN form and repeats. */
function sameDomainSet(a, b) {
    const setA = new Set(a.map(normaliseDomain));
    const setB = new Set(b.map(normaliseDomain));
    return setA.size === setB.size && [...setA].every((name) => setB.has(name));
}
/**
 * The registrable domain of a name by the Public Suffix List (ICANN section): `a.b.example.co.uk` →
 * `example.co.uk`. Loaded on first use only, since only validation without a zone list needs it.
 */
async function loadRegistrableDomain() {
    const { getDomain } = await import('./es6-DiCHJ-hV.js');
    return (name) => getDomain(name, { validateHostname: false }) ?? undefined;
}

// Which DNS names a challenge asks for, and which zone of the account (and which RR in it) holds each.
// RecordDomain is a host record relative to the zone, or a full name (docs/validation-records.md).
const normalise = (name) => name.trim().toLowerCase().replace(/\.$/, '');
const isUnder = (name, zone) => name === zone || name.endsWith(`.${zone}`);
/** `_dnsauth.www.example.com` → the `_` labels (`_dnsauth`) and the name they validate (`www.example.com`). */
function splitRecordName(full) {
    const labels = full.split('.');
    const at = Math.max(labels.findIndex((label) => !label.startsWith('_')), 0);
    return { prefix: labels.slice(0, at).join('.'), subject: labels.slice(at).join('.') };
}
/**
 * Full record names for a challenge's RecordDomain, one per validated name (a wildcard validates at its base).
 * RecordDomain is relative to a domain's zone (`_dnsauth.www` → `_dnsauth.www.example.com`) or a full name; never
 * appended to the ordered name. The domain it names may be any of the order's (the service's order of names is not
 * ours). The other domains take the same leading `_` labels under their own names; a `www.` name also under its
 * base, where DigiCert validates it. An empty list: no domains.
 */
function validationRecordNames(recordDomain, domains, zoneOf) {
    const record = normalise(recordDomain);
    const bases = [...new Set(domains.map((d) => validationBaseName(normalise(d))))];
    if (bases.length === 0)
        return [];
    const zones = bases.map((b) => normalise(zoneOf(b) ?? b));
    const speaksOf = (full) => {
        const { subject } = splitRecordName(full);
        return bases.includes(subject) || bases.includes(`www.${subject}`);
    };
    let full;
    if (record === '' || record === '@')
        full = zones[0] ?? '';
    else if ([...zones, ...bases].some((zone) => isUnder(record, zone)))
        full = record;
    else {
        const candidates = zones.map((zone) => `${record}.${zone}`);
        full = candidates.find(speaksOf) ?? candidates[0] ?? record;
    }
    const { prefix, subject } = splitRecordName(full);
    if (!prefix)
        return [full];
    const names = [full];
    for (const base of bases) {
        if (base === subject)
            continue;
        // The service named the base of `www.<subject>` alone: DigiCert validates that www name there.
        if (base === `www.${subject}` && !bases.includes(subject))
            continue;
        names.push(`${prefix}.${base}`);
        if (base.startsWith('www.') && base.slice(4) !== subject)
            names.push(`${prefix}.${base.slice(4)}`);
    }
    return [...new Set(names)];
}
/** The account's zone that is the longest suffix of `name` (on a label boundary), and the RR within it. */
function zoneForName(name, zones) {
    const fqdn = normalise(name);
    let best;
    for (const raw of zones) {
        const zone = normalise(raw);
        if (zone === '')
            continue;
        const isSuffix = fqdn === zone || fqdn.endsWith(`.${zone}`);
        if (isSuffix && (best === undefined || zone.length > best.length))
            best = zone;
    }
    if (best === undefined)
        return undefined;
    return { zone: best, rr: fqdn === best ? '@' : fqdn.slice(0, -(best.length + 1)) };
}
/** The record names an order's DNS challenge needs, or a FlowError when they cannot be known. */
function requiredRecordNames(challenge, domains, orderId, zoneOf) {
    const names = validationRecordNames(challenge.recordDomain, domains, zoneOf);
    if (names.length === 0) {
        throw new FlowError(`Order ${orderId} asks for the ${challenge.recordType} record '${challenge.recordDomain}' relative to ` +
            'its domains, which this run does not know: give the domains input along with order-id.');
    }
    return names;
}
/** Zones from the account's list (longest suffix) when given, else the registrable domain of the name. */
async function zoneResolver(zones) {
    const registrable = await loadRegistrableDomain();
    return (name) => (zones && zoneForName(name, zones)?.zone) || registrable(name);
}

export { checkDomainSet as a, validationRecordNames as b, checkDomain as c, zoneForName as d, certificateCovers as e, normaliseDomain as n, parseDomainList as p, requiredRecordNames as r, sameDomainSet as s, validationBaseName as v, zoneResolver as z };
