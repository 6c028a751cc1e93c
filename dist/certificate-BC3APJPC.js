import { X509Certificate, createPrivateKey } from 'node:crypto';
import { e as certificateCovers } from './records-mpoW_6HM.js';
import { D as DAY_MS } from './time-CzlFEmYE.js';

// Checks a certificate before it is handed out: it parses, names the requested domains, matches the key,
// chains, and is valid now. node:crypto only.
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
/**
 * How many days before expiry a certificate is due, as cert-manager decides: a `renew-before-days` at or above
 * the certificate's lifetime would make every run order anew, so it becomes a third of the lifetime.
 */
function renewalWindowDays(renewBeforeDays, validity) {
    const lifetimeDays = (validity.notAfter.getTime() - validity.notBefore.getTime()) / DAY_MS;
    if (lifetimeDays <= 0 || renewBeforeDays < lifetimeDays)
        return { days: renewBeforeDays, capped: false };
    return { days: Math.floor(lifetimeDays / 3), capped: true };
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

export { CertificateCheckError as C, describeCertificate as a, checkIssuedCertificate as c, daysRemaining as d, renewalWindowDays as r, splitPemBundle as s };
