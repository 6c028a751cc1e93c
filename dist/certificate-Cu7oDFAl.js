import { X509Certificate, createPrivateKey } from 'node:crypto';
import { domainToASCII } from 'node:url';

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

// Checks a certificate before it is handed out: it parses, names the requested domains, matches the key,
// chains, and is valid now. node:crypto only.
const DAY_MS = 86_400_000;
const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
const PRIVATE_KEY_BLOCK = /-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;
class CertificateCheckError extends Error {
    name = 'CertificateCheckError';
}
/** Rewraps a PEM body at 64 columns, whatever whitespace (none, spaces, CRLF) it came with. */
function rewrapPem(label, body) {
    const base64 = body.replace(/\s+/g, '');
    const lines = base64.match(/.{1,64}/g) ?? [];
    return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}
/** Every certificate block of a bundle, as standard PEM; text between blocks is ignored. */
function splitPemBundle(pem) {
    return [...pem.matchAll(CERTIFICATE_BLOCK)].map((match) => rewrapPem('CERTIFICATE', match[1] ?? ''));
}
function dnsNames(certificate) {
    // Node lists SANs as `DNS:a, DNS:b, IP Address:…`, quoting (JSON) values with unusual characters.
    const matches = (certificate.subjectAltName ?? '').matchAll(/(?:^|, )DNS:("(?:[^"\\]|\\.)*"|[^,]*)/g);
    const sanNames = [...matches].map(([, value = '']) => (value.startsWith('"') ? JSON.parse(value) : value));
    if (sanNames.length > 0)
        return sanNames.map((name) => name.toLowerCase());
    const commonName = /^CN=(.*)$/m.exec(certificate.subject)?.[1];
    return commonName === undefined ? [] : [commonName.toLowerCase()];
}
function describeParsed(certificate) {
    return {
        subject: certificate.subject.replace(/\n/g, ', '),
        issuer: certificate.issuer.replace(/\n/g, ', '),
        serialNumber: certificate.serialNumber,
        names: dnsNames(certificate),
        notBefore: new Date(certificate.validFrom),
        notAfter: new Date(certificate.validTo),
        fingerprintSha256: certificate.fingerprint256,
    };
}
function describeCertificate(pem) {
    return describeParsed(new X509Certificate(pem));
}
/** Whole days from `now` until `notAfter`, rounded down; negative once expired. */
function daysRemaining(notAfter, now) {
    return Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
}
function parseBundle(pems) {
    const parsed = [];
    for (const [index, pem] of pems.entries()) {
        let certificate;
        try {
            certificate = new X509Certificate(pem);
        }
        catch (error) {
            throw new CertificateCheckError(`Certificate ${index + 1} of the bundle cannot be parsed (${error.message}).`);
        }
        // The service may repeat the leaf or an intermediate in the chain: keep the first copy only.
        if (!parsed.some((seen) => seen.certificate.fingerprint256 === certificate.fingerprint256)) {
            parsed.push({ pem, certificate });
        }
    }
    return parsed;
}
function issuedBy(child, parent) {
    return child.checkIssued(parent) && child.verify(parent.publicKey);
}
/** Orders the other certificates from the leaf's issuer upwards; every one of them must be on that path. */
function buildChain(leaf, others) {
    const chain = [];
    const remaining = [...others];
    let current = leaf;
    for (;;) {
        const parentIndex = remaining.findIndex((candidate) => issuedBy(current.certificate, candidate.certificate));
        const parent = remaining[parentIndex];
        if (parent === undefined)
            break;
        chain.push(parent);
        remaining.splice(parentIndex, 1);
        current = parent;
    }
    const stray = remaining[0];
    if (stray !== undefined) {
        throw new CertificateCheckError(`The certificate chain is broken: "${stray.certificate.subject.replace(/\n/g, ', ')}" is not in the chain ` +
            `of issuers of the leaf (the chain stops at "${current.certificate.issuer.replace(/\n/g, ', ')}").`);
    }
    return chain;
}
function readPrivateKey(pem) {
    const match = PRIVATE_KEY_BLOCK.exec(pem);
    if (match !== null) {
        const rewrapped = rewrapPem(match[1] ?? '', match[2] ?? '');
        try {
            return { key: createPrivateKey(rewrapped), pem: rewrapped };
        }
        catch {
            // Reported below, in the same words as a missing block.
        }
    }
    throw new CertificateCheckError('The private key is not a readable unencrypted PEM private key (PKCS#1, PKCS#8 or SEC1).');
}
/** Checks what the service issued and splits it into leaf and chain; throws CertificateCheckError. */
function checkIssuedCertificate(input) {
    const bundle = parseBundle([
        ...splitPemBundle(input.certificatePem),
        ...splitPemBundle(input.chainPem ?? ''),
    ]);
    const coversAll = (candidate) => input.domains.every((domain) => certificateCovers(dnsNames(candidate.certificate), domain));
    const leaf = bundle.find(coversAll) ?? bundle[0];
    if (leaf === undefined)
        throw new CertificateCheckError('The service returned no PEM certificate.');
    const info = describeParsed(leaf.certificate);
    const uncovered = input.domains.filter((domain) => !certificateCovers(info.names, domain));
    if (uncovered.length > 0) {
        throw new CertificateCheckError(`The certificate names (${info.names.join(', ')}) do not cover the requested ${uncovered.join(', ')}.`);
    }
    let privateKeyPem;
    if (input.privateKeyPem !== undefined) {
        const privateKey = readPrivateKey(input.privateKeyPem);
        if (!leaf.certificate.checkPrivateKey(privateKey.key)) {
            throw new CertificateCheckError("The private key does not match the certificate's public key.");
        }
        privateKeyPem = privateKey.pem;
    }
    const chain = buildChain(leaf, bundle.filter((entry) => entry !== leaf));
    if (input.now < info.notBefore) {
        throw new CertificateCheckError(`The certificate is not valid until ${info.notBefore.toISOString()}.`);
    }
    if (input.now > info.notAfter) {
        throw new CertificateCheckError(`The certificate expired on ${info.notAfter.toISOString()}.`);
    }
    const chainPems = chain.map((entry) => entry.pem);
    const checked = {
        leafPem: leaf.pem,
        chainPems,
        fullchainPem: [leaf.pem, ...chainPems].join(''),
        info,
    };
    if (privateKeyPem !== undefined)
        checked.privateKeyPem = privateKeyPem;
    return checked;
}

export { CertificateCheckError as C, checkDomainSet as a, splitPemBundle as b, checkDomain as c, daysRemaining as d, describeCertificate as e, checkIssuedCertificate as f, normaliseDomain as n, parseDomainList as p, sameDomainSet as s, validationBaseName as v };
