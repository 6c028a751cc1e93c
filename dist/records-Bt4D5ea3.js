import { v as validationBaseName, l as loadRegistrableDomain } from './domains-0MB7y1A7.js';
import { F as FlowError } from './errors-zb-a6KJc.js';

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

export { zoneForName as a, requiredRecordNames as r, validationRecordNames as v, zoneResolver as z };
