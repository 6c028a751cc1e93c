import { j as summary } from './actions-core-ByRPOweR.js';
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { b as certificateCovers } from './domains-0MB7y1A7.js';
import { D as DAY_MS, i as isoSeconds } from './time-CzlFEmYE.js';

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

// The job summary: what was done, for whom, until when. Never a key.
function renderSummary(result, domains, now) {
    const rows = [['Status', result.status]];
    if (domains.length > 0)
        rows.push(['Domains', domains.join(', ')]);
    if (result.orderId)
        rows.push(['Order id', result.orderId]);
    if (result.state)
        rows.push(['Order state', result.state]);
    if (result.certId)
        rows.push(['Certificate id', result.certId]);
    const info = result.certificate?.info;
    if (info) {
        rows.push(['Certificate names', info.names.join(', ')]);
        rows.push(['Not after', isoSeconds(info.notAfter)]);
        rows.push(['Days remaining', String(daysRemaining(info.notAfter, now))]);
        rows.push(['SHA-256 fingerprint', info.fingerprintSha256]);
    }
    if (result.quota) {
        const q = result.quota;
        rows.push([
            'Quota',
            `${q.used} used of ${q.total}, ${q.issued} issued (${q.productCode || 'default product'})`,
        ]);
    }
    if (result.challenge?.method === 'DNS') {
        const c = result.challenge;
        const names = result.recordNames?.length ? result.recordNames.join(', ') : c.recordDomain;
        rows.push(['Validation record', `${c.recordType} ${names} = ${c.recordValue}`]);
    }
    else if (result.challenge?.method === 'FILE') {
        rows.push([
            'Validation file',
            `${result.challenge.domain}${result.challenge.uri} = ${result.challenge.content}`,
        ]);
    }
    if (result.cdn) {
        const { certName, notAfter } = result.cdn;
        rows.push([
            `CDN ${result.cdn.domain}`,
            notAfter
                ? `${certName ?? 'certificate'} until ${isoSeconds(notAfter)} (${daysRemaining(notAfter, now)} days)`
                : 'no certificate served (HTTPS off)',
        ]);
    }
    rows.push(...result.details);
    if (result.timeline.length > 0) {
        rows.push(['Timeline', result.timeline.map((t) => `${isoSeconds(t.at)} ${t.state}`).join('<br>')]);
    }
    const table = rows.map(([k, v]) => `| ${escapeCell(k)} | ${escapeCell(v)} |`).join('\n');
    return `### Alibaba Cloud SSL certificate\n\n| | |\n| --- | --- |\n${table}\n${renderOrders(result, now)}`;
}
const escapeCell = (cell) => cell.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
/** The orders a status report concerns, one row each. */
function renderOrders(result, now) {
    if (!result.orders)
        return '';
    if (result.orders.length === 0)
        return '\nNo orders in the order list for these domains.\n';
    const rows = result.orders.map((o) => {
        const until = o.certEndTime
            ? `${isoSeconds(o.certEndTime)} (${daysRemaining(o.certEndTime, now)} days)`
            : '';
        const cells = [o.orderId, o.domains.join(', '), o.status, o.productCode ?? '', until];
        return `| ${cells.map(escapeCell).join(' | ')} |`;
    });
    const header = '| Order id | Domains | List status | Product | Not after |\n| --- | --- | --- | --- | --- |';
    return `\n#### Orders (${result.orders.length})\n\n${header}\n${rows.join('\n')}\n`;
}
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await summary.addRaw(markdown).write();
}

export { CertificateCheckError as C, describeCertificate as a, renewalWindowDays as b, checkIssuedCertificate as c, daysRemaining as d, renderSummary as r, splitPemBundle as s, writeSummary as w };
