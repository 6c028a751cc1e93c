import { aM as NameTakenError, A as AliyunApiError, C as splitPemBundle, aS as InputError, aT as checkIssuedCertificate, aU as CertificateCheckError, D as describeCertificate, F as FlowError, R as readFile } from './start.js';

// mode: upload — puts a certificate from elsewhere (Let's Encrypt, a purchased one) at the service. The pair is
// checked before any call; a name already taken is reused when it holds the same certificate (SHA-256), else the run
// fails naming it. Nothing is ever replaced or deleted (docs/held-certificates.md).
const NAME_MAX = 63;
/** The default certificate-name: the first name and the not-after day, in letters, digits and `_` only. */
function defaultCertificateName(info) {
    const day = info.notAfter.toISOString().slice(0, 10).replace(/-/g, '');
    const first = (info.names[0] ?? 'certificate').replace(/^\*\./, 'wildcard.').replace(/[^A-Za-z0-9_]/g, '_');
    return `${first.slice(0, NAME_MAX - day.length - 1)}_${day}`;
}
async function uploadCertificate(ctx, domains) {
    const { log } = ctx;
    const pair = await readPair(ctx);
    const certificate = checkPair(ctx, pair, domains);
    const name = ctx.config.held.certificateName ?? defaultCertificateName(certificate.info);
    const store = await ctx.held();
    const result = (status, certId) => ({
        status,
        certId,
        certificate,
        timeline: [],
        details: [
            ['Certificate name', name],
            ['API version', store.apiVersion],
        ],
    });
    const stored = await findByName(store, name);
    if (stored) {
        await requireSameCertificate(store, stored, name, certificate);
        log.info(`Certificate ${stored} named ${name} is this certificate already: reusing it.`);
        return result('unchanged', stored);
    }
    // A refused name is the user's to fix, whichever of the two sends below meets it.
    const upload = () => store
        .upload({ name, fullchainPem: certificate.fullchainPem, privateKeyPem: pair.privateKeyPem })
        .catch((error) => {
        if (error instanceof AliyunApiError && /^InvalidParameter\.Name/.test(error.code)) {
            throw new FlowError(`The service refused the certificate name ${name} (input 'certificate-name'): ${error.describe()}; ` +
                'choose a name of at most 63 letters, digits and _.');
        }
        throw error;
    });
    try {
        const { certId } = await upload();
        log.info(`Uploaded certificate ${name} for ${certificate.info.names.join(', ')}: cert-id ${certId}.`);
        return result('uploaded', certId);
    }
    catch (error) {
        if (error instanceof NameTakenError) {
            // Taken between the list and the upload: the same rule as a name found in the list.
            const raced = await findByName(store, name);
            if (!raced)
                throw nameTaken(name, 'a certificate the list does not show (expired or revoked)');
            await requireSameCertificate(store, raced, name, certificate);
            return result('unchanged', raced);
        }
        if (!(error instanceof AliyunApiError && error.outcomeUnknown))
            throw error;
        // Sent without a clear answer: the name says whether it landed. If it did not, uploading again is safe, since
        // a second copy under the same name is refused (NameRepeat), never stored.
        log.warning(`${error.describe()}; looking the name ${name} up before anything else.`);
        const landed = await findByName(store, name);
        if (landed) {
            await requireSameCertificate(store, landed, name, certificate);
            log.info(`The upload did take effect: certificate ${landed}.`);
            return result('uploaded', landed);
        }
        const { certId } = await upload();
        log.info(`Uploaded certificate ${name}: cert-id ${certId}.`);
        return result('uploaded', certId);
    }
}
async function readPair(ctx) {
    const h = ctx.config.held;
    const read = async (input, path) => {
        try {
            return await readFile(path, 'utf8');
        }
        catch (error) {
            throw new InputError([
                { input, problem: `names a file that cannot be read (${error.message})` },
            ]);
        }
    };
    let privateKeyPem = h.privateKey ?? '';
    if (h.privateKeyFile !== undefined) {
        privateKeyPem = await read('private-key-file', h.privateKeyFile);
        // Masked the moment it is read, before anything else can print it.
        if (privateKeyPem.trim())
            ctx.maskSecret(privateKeyPem);
    }
    const certificatePem = h.certificateFile !== undefined
        ? await read('certificate-file', h.certificateFile)
        : (h.certificate ?? '');
    return {
        certificatePem,
        certificateInput: h.certificateFile !== undefined ? 'certificate-file' : 'certificate',
        privateKeyPem,
        privateKeyInput: h.privateKeyFile !== undefined ? 'private-key-file' : 'private-key',
    };
}
/** Parses, key matches the leaf, chain in order (leaf first, each followed by its issuer), valid now. */
function checkPair(ctx, pair, domains) {
    const blocks = splitPemBundle(pair.certificatePem);
    if (blocks.length === 0) {
        throw new InputError([{ input: pair.certificateInput, problem: 'holds no PEM certificate' }]);
    }
    let checked;
    try {
        checked = checkIssuedCertificate({
            certificatePem: pair.certificatePem,
            privateKeyPem: pair.privateKeyPem,
            domains,
            now: ctx.now(),
        });
    }
    catch (error) {
        if (!(error instanceof CertificateCheckError))
            throw error;
        const leafAt = /does not match/.test(error.message) ? positionOfKeysCertificate(blocks, pair) : -1;
        if (leafAt > 0) {
            throw new InputError([
                {
                    input: pair.certificateInput,
                    problem: `has the leaf (the certificate of the private key) in place ${leafAt + 1}: put it first, then its chain`,
                },
            ]);
        }
        const input = /private key/i.test(error.message) ? pair.privateKeyInput : pair.certificateInput;
        throw new InputError([{ input, problem: `failed its check: ${error.message}` }]);
    }
    const given = [...new Set(blocks.map((pem) => describeCertificate(pem).fingerprintSha256))];
    const ordered = [checked.leafPem, ...checked.chainPems].map((pem) => describeCertificate(pem).fingerprintSha256);
    if (given.join() !== ordered.join()) {
        throw new InputError([
            {
                input: pair.certificateInput,
                problem: 'has its chain out of order: put the leaf first, then each certificate followed by its issuer',
            },
        ]);
    }
    return checked;
}
/** Which certificate of the bundle the key belongs to (-1: none). */
function positionOfKeysCertificate(blocks, pair) {
    return blocks.findIndex((pem) => {
        try {
            // Dates do not matter here: only whether this certificate carries the key's public half.
            const at = describeCertificate(pem).notBefore;
            checkIssuedCertificate({
                certificatePem: pem,
                privateKeyPem: pair.privateKeyPem,
                domains: [],
                now: at,
            });
            return true;
        }
        catch {
            return false;
        }
    });
}
async function findByName(store, name) {
    return (await store.list()).find((c) => c.name === name)?.certId;
}
/** The stored certificate under this name must be this one (SHA-256 of the leaf); it is never replaced. */
async function requireSameCertificate(store, certId, name, mine) {
    const stored = await store.download(certId);
    const leaf = splitPemBundle(stored?.certificatePem ?? '')[0];
    const theirs = leaf ? describeCertificate(leaf).fingerprintSha256 : undefined;
    if (theirs !== mine.info.fingerprintSha256) {
        throw nameTaken(name, `certificate ${certId}, a different certificate${theirs ? ` (SHA-256 ${theirs})` : ''}`);
    }
}
function nameTaken(name, holder) {
    return new FlowError(`The certificate name ${name} (input 'certificate-name') is taken at the service by ${holder}; ` +
        'choose another certificate-name. Nothing was uploaded, replaced or deleted.');
}

export { defaultCertificateName, uploadCertificate };
