import { Z as resolve, _ as mkdir, a3 as mkdtemp, a4 as join, a5 as tmpdir, a6 as writeFile, a7 as chmod } from './start.js';

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
        { name: FILE_NAMES.chain, data: cert.chainPems.join(''), secret: false, output: 'chain-file' },
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

export { FILE_NAMES, stageArtifactFiles, writeCertificateFiles };
