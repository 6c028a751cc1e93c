import { h as summary, i as info, w as warning } from './actions-core-CwwxXifZ.js';
import { mkdir, writeFile, chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { resolve, join, basename } from 'node:path';
import { i as isoSeconds, p as publishOutputs } from './outputs-C5wg6udW.js';
import { createPrivateKey, webcrypto, X509Certificate, createHash } from 'node:crypto';
import { d as daysRemaining } from './certificate-Cu7oDFAl.js';
import 'path';
import 'os';
import 'crypto';
import 'fs';
import 'node:url';

// The certificate as files: under output-dir (what web servers expect, the key readable by its owner only), and
// the set staged for an artifact (the key only encrypted, never privkey.pem).
const FILE_NAMES = {
    certificate: 'cert.pem',
    chain: 'chain.pem',
    fullchain: 'fullchain.pem',
    privateKey: 'privkey.pem',
    /** Encrypted PKCS#8 PEM (private-key-passphrase). */
    encryptedPrivateKey: 'privkey.encrypted.pem',
    /** PKCS#12 (pfx-password). */
    pfx: 'cert.pfx',
};
function certificateEntries(cert) {
    return [
        { name: FILE_NAMES.certificate, data: cert.leafPem, secret: false, output: 'certificate-file' },
        { name: FILE_NAMES.chain, data: cert.chainPems.join(''), secret: false },
        { name: FILE_NAMES.fullchain, data: cert.fullchainPem, secret: false, output: 'fullchain-file' },
    ];
}
function protectedKeyEntries(keys) {
    const entries = [];
    if (keys.encryptedPrivateKeyPem) {
        entries.push({ name: FILE_NAMES.encryptedPrivateKey, data: keys.encryptedPrivateKeyPem, secret: true });
    }
    if (keys.pfx)
        entries.push({ name: FILE_NAMES.pfx, data: keys.pfx, secret: true, output: 'pfx-file' });
    return entries;
}
async function writeEntries(dir, entries) {
    const outputs = {};
    for (const entry of entries) {
        const path = join(dir, entry.name);
        if (entry.secret) {
            // Created with 0600 and chmod-ed again, in case the file existed with wider permissions.
            await writeFile(path, entry.data, { mode: 0o600 });
            await chmod(path, 0o600);
        }
        else {
            await writeFile(path, entry.data);
        }
        if (entry.output)
            outputs[entry.output] = path;
    }
    return outputs;
}
/**
 * Writes cert.pem, chain.pem, fullchain.pem and privkey.pem (0600), plus privkey.encrypted.pem and cert.pfx
 * (0600) when made; returns the file outputs.
 */
async function writeCertificateFiles(dir, cert, keys = {}) {
    const root = resolve(dir);
    await mkdir(root, { recursive: true });
    const entries = certificateEntries(cert);
    if (cert.privateKeyPem) {
        entries.push({
            name: FILE_NAMES.privateKey,
            data: cert.privateKeyPem,
            secret: true,
            output: 'private-key-file',
        });
    }
    return writeEntries(root, [...entries, ...protectedKeyEntries(keys)]);
}
/**
 * Stages the files of an artifact in a fresh folder under `parent`: the certificates, and the key only as
 * privkey.encrypted.pem and/or cert.pfx. The clear key is never written there, whatever `cert` holds.
 */
async function stageArtifactFiles(cert, keys, parent = tmpdir()) {
    await mkdir(parent, { recursive: true });
    const dir = await mkdtemp(join(parent, 'certificate-artifact-'));
    const entries = [...certificateEntries(cert), ...protectedKeyEntries(keys)];
    await writeEntries(dir, entries);
    return { dir, files: entries.map((entry) => join(dir, entry.name)) };
}

// artifact-name: uploads the staged files as a workflow artifact. @actions/artifact is loaded only here, only when
// an artifact was asked for.
class ArtifactUploadError extends Error {
    name = 'ArtifactUploadError';
}
/** The variables the runner gives a job step for the artifact service; absent when run from a shell. */
function missingArtifactServiceVariables(env) {
    return ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'].filter((name) => !env[name]);
}
/**
 * Uploads `staged` as the artifact `name`, then removes the staged folder. The library decides whether the
 * service is there (so that stand-ins such as @github/local-action work); when it is not, the error says so.
 */
async function uploadArtifact(name, staged, env = process.env) {
    try {
        const { DefaultArtifactClient } = await import('./actions-artifact-i8UMEM7v.js');
        return await new DefaultArtifactClient().uploadArtifact(name, staged.files, staged.dir);
    }
    catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const missing = missingArtifactServiceVariables(env);
        if (missing.length > 0) {
            throw new ArtifactUploadError(`artifact-name needs the GitHub Actions artifact service, which this run does not have ` +
                `(${missing.join(' and ')} not set): run it in a GitHub Actions job, or leave artifact-name empty ` +
                'and use output-dir. The certificate was still delivered through the step outputs.');
        }
        throw new ArtifactUploadError(`Uploading artifact '${name}' (artifact-name) failed: ${reason}. The certificate was still delivered ` +
            'through the step outputs; run again to upload it.');
    }
    finally {
        await rm(staged.dir, { recursive: true, force: true });
    }
}
/**
 * Stages and uploads the certificate artifact. A certificate that comes with its key needs the key in an
 * encrypted form (privkey.encrypted.pem or cert.pfx): the clear key is never uploaded.
 */
async function deliverArtifact(name, cert, keys, env = process.env) {
    if (cert.privateKeyPem && !keys.encryptedPrivateKeyPem && !keys.pfx) {
        throw new ArtifactUploadError('artifact-name needs private-key-passphrase or pfx-password: the private key goes into an artifact ' +
            'only encrypted, never in clear.');
    }
    // RUNNER_TEMP is emptied by the runner after every job; the folder is removed after the upload anyway.
    const staged = await stageArtifactFiles(cert, keys, env.RUNNER_TEMP || tmpdir());
    const files = staged.files.map((file) => basename(file));
    return { ...(await uploadArtifact(name, staged, env)), files };
}

// The two forms in which the private key may leave the runner encrypted: PKCS#12 (cert.pfx, pfx-password) and
// encrypted PKCS#8 PEM (private-key-passphrase). pkijs, the PKCS#12 library, is loaded only when a .pfx is asked for.
/** OpenSSL 3's `pkcs12 -export` defaults, with a higher iteration count: readable by OpenSSL, Windows 10+ and Java. */
const PFX_ITERATIONS = 10_000;
const BAG_PKCS8_SHROUDED_KEY = '1.2.840.113549.1.12.10.1.2';
const BAG_CERTIFICATE = '1.2.840.113549.1.12.10.1.3';
const ATTRIBUTE_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const ATTRIBUTE_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
/** The key as encrypted PKCS#8 PEM (`-----BEGIN ENCRYPTED PRIVATE KEY-----`, PBES2 with AES-256-CBC). */
function encryptPrivateKeyPem(privateKeyPem, passphrase) {
    return createPrivateKey(privateKeyPem)
        .export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase })
        .toString();
}
const arrayBuffer = (bytes) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
/**
 * A PKCS#12 file holding the key and the certificate chain (leaf first), protected by `password`:
 * key and certificates encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), integrity by HMAC-SHA256.
 * RSA and EC keys alike. The leaf and the key share a localKeyId (SHA-1 of the leaf), as OpenSSL writes it.
 */
async function createPfx(cert, password) {
    if (!cert.privateKeyPem)
        throw new Error('A PKCS#12 file needs the private key, and there is none.');
    const [pkijs, asn1js] = await Promise.all([import('./pkijs-DNkujjZ4.js'), import('./asn1js-DjS_2ZWf.js').then(function (n) { return n.l; })]);
    const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto });
    const certificates = [cert.leafPem, ...cert.chainPems].map((pem) => new X509Certificate(pem).raw);
    const [leafDer] = certificates;
    if (!leafDer)
        throw new Error('A PKCS#12 file needs the certificate, and there is none.');
    const localKeyId = new pkijs.Attribute({
        type: ATTRIBUTE_LOCAL_KEY_ID,
        values: [new asn1js.OctetString({ valueHex: arrayBuffer(createHash('sha1').update(leafDer).digest()) })],
    });
    const friendlyName = new pkijs.Attribute({
        type: ATTRIBUTE_FRIENDLY_NAME,
        values: [new asn1js.BmpString({ value: cert.info.names[0] ?? cert.info.subject })],
    });
    const keyDer = createPrivateKey(cert.privateKeyPem).export({ type: 'pkcs8', format: 'der' });
    const shroudedKey = new pkijs.PKCS8ShroudedKeyBag({
        parsedValue: pkijs.PrivateKeyInfo.fromBER(arrayBuffer(keyDer)),
    });
    const keyBag = new pkijs.SafeBag({
        bagId: BAG_PKCS8_SHROUDED_KEY,
        bagValue: shroudedKey,
        bagAttributes: [localKeyId, friendlyName],
    });
    const certificateBags = certificates.map((der, index) => new pkijs.SafeBag({
        bagId: BAG_CERTIFICATE,
        bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(arrayBuffer(der)) }),
        ...(index === 0 ? { bagAttributes: [localKeyId, friendlyName] } : {}),
    }));
    const authenticatedSafe = new pkijs.AuthenticatedSafe({
        parsedValue: {
            safeContents: [
                // privacyMode 0: no extra envelope (the key bag encrypts itself); 1: password-encrypted certificates.
                { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: [keyBag] }) },
                { privacyMode: 1, value: new pkijs.SafeContents({ safeBags: certificateBags }) },
            ],
        },
    });
    const passwordBytes = arrayBuffer(Buffer.from(password, 'utf8'));
    // pkijs draws a fresh salt and IV for every encryption; the type asks for an `iv` it does not use.
    const contentEncryptionAlgorithm = { name: 'AES-CBC', length: 256 };
    const encryption = {
        password: passwordBytes,
        contentEncryptionAlgorithm,
        hmacHashAlgorithm: 'SHA-256',
        iterationCount: PFX_ITERATIONS,
    };
    await shroudedKey.makeInternalValues(encryption, engine);
    await authenticatedSafe.makeInternalValues({ safeContents: [{}, encryption] }, engine);
    const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
    await pfx.makeInternalValues({
        password: passwordBytes,
        iterations: PFX_ITERATIONS,
        pbkdf2HashAlgorithm: 'SHA-256',
        hmacHashAlgorithm: 'SHA-256',
    }, engine);
    return Buffer.from(pfx.toSchema().toBER(false));
}
/** Makes the encrypted forms of the key that were asked for; none when the certificate came without a key. */
async function protectPrivateKey(cert, secrets) {
    const keys = {};
    if (!cert.privateKeyPem)
        return keys;
    if (secrets.privateKeyPassphrase) {
        keys.encryptedPrivateKeyPem = encryptPrivateKeyPem(cert.privateKeyPem, secrets.privateKeyPassphrase);
    }
    if (secrets.pfxPassword)
        keys.pfx = await createPfx(cert, secrets.pfxPassword);
    return keys;
}
/** Warnings for pfx-password / private-key-passphrase given where they can do nothing. */
function unusedKeyInputs(cert, secrets, writesFiles) {
    const given = [
        ['pfx-password', secrets.pfxPassword, FILE_NAMES.pfx],
        ['private-key-passphrase', secrets.privateKeyPassphrase, FILE_NAMES.encryptedPrivateKey],
    ];
    return given
        .filter(([, value]) => value)
        .flatMap(([input, , file]) => {
        if (!cert.privateKeyPem) {
            return [`${input} is ignored: this certificate comes without a private key (csr), so no ${file}.`];
        }
        return writesFiles
            ? []
            : [`${input} is ignored without output-dir or artifact-name: no ${file} is written.`];
    });
}

// The job summary: what was done, for whom, until when. Never a key.
function renderSummary(result, domains, now) {
    const rows = [['Status', result.status]];
    if (domains.length > 0)
        rows.push(['Domains', domains.join(', ')]);
    if (result.orderId)
        rows.push(['Order id', result.orderId]);
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
        rows.push(['Validation record', `${c.recordType} ${c.recordDomain} = ${c.recordValue}`]);
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

// Hands a flow's result over: encrypted key forms, output-dir files, step outputs, job summary, artifact.
/** Outputs, files, summary, then the artifact: a failure in the encrypted forms or the upload is raised last. */
async function deliverResult(config, result, domains) {
    const now = new Date();
    const cert = result.certificate;
    const wantsFiles = Boolean(config.outputDir || config.artifactName);
    // The encrypted forms of the key are made first, but a failure there is reported only after the outputs and
    // files are written, so that the issued certificate is never lost.
    let keys = {};
    let keyFailure;
    if (cert && wantsFiles) {
        try {
            keys = await protectPrivateKey(cert, config);
        }
        catch (error) {
            keyFailure = error;
        }
    }
    const files = config.outputDir && cert ? await writeCertificateFiles(config.outputDir, cert, keys) : {};
    publishOutputs(result, files, now);
    await writeSummary(renderSummary(result, domains, now));
    const info$1 = cert?.info;
    info(`${result.status}${result.orderId ? `: order ${result.orderId}` : ''}` +
        `${info$1 ? `, valid until ${info$1.notAfter.toISOString()}` : ''}`);
    if (cert)
        for (const warning$1 of unusedKeyInputs(cert, config, wantsFiles))
            warning(warning$1);
    if (keyFailure !== undefined) {
        throw new Error(`Encrypting the private key for pfx-password or private-key-passphrase failed ` +
            `(${keyFailure instanceof Error ? keyFailure.message : String(keyFailure)}); ` +
            'the certificate was still delivered through the step outputs.');
    }
    if (!config.artifactName)
        return;
    if (!cert) {
        info(`artifact-name: no certificate in this run (${result.status}), so no artifact is uploaded.`);
        return;
    }
    const artifact = await deliverArtifact(config.artifactName, cert, keys);
    const id = artifact.id === undefined ? '' : ` (artifact id ${artifact.id})`;
    info(`Uploaded artifact ${config.artifactName}${id}: ${artifact.files.join(', ')}.`);
    await writeSummary(`\nArtifact \`${config.artifactName}\`${id}: ${artifact.files.join(', ')}.\n`);
}

export { deliverResult };
