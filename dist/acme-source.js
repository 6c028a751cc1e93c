import { ap as sameDomainSet, C as splitPemBundle, D as describeCertificate, h as isoSeconds, aL as reuseUnlessDue, aF as acceptCertificate, p as daysRemaining, aM as NameTakenError, F as FlowError, aN as AcmeProblemError } from './start.js';

// An ACME certificate in CAS (`upload`): uploaded under a name that carries its fingerprint, so a second run
// finds the same certificate under that name and reuses it rather than uploading a copy; and, for a scheduled
// run, the uploaded certificate for exactly these names, handed out again while it is not due.
/** `acme_www_example_com_1A2B3C4D5E6F`: at most 63 letters, digits and `_`; the fingerprint makes it this certificate's. */
function acmeCertificateName(certificate) {
    const fingerprint = certificate.info.fingerprintSha256.replace(/:/g, '').slice(0, 16);
    const first = (certificate.info.names[0] ?? 'certificate')
        .replace(/^\*\./, 'wildcard.')
        .replace(/\W/g, '_');
    return `acme_${first.slice(0, 63 - 6 - fingerprint.length)}_${fingerprint}`;
}
/** Uploads to CAS, or finds the same certificate (same SHA-256) there already: its cert-id. */
async function uploadToCas(ctx, certificate) {
    const store = await ctx.held();
    const name = acmeCertificateName(certificate);
    const sameThere = async () => {
        const listed = (await store.list({ uploadedOnly: true })).find((c) => c.name === name);
        if (!listed)
            return undefined;
        const held = await store.download(listed.certId);
        const leaf = splitPemBundle(held?.certificatePem ?? '')[0];
        return leaf && describeCertificate(leaf).fingerprintSha256 === certificate.info.fingerprintSha256
            ? listed.certId
            : undefined;
    };
    const found = await sameThere();
    if (found) {
        ctx.log.info(`Certificate ${found} in CAS is this certificate already (${name}): reusing it.`);
        return found;
    }
    try {
        const { certId } = await store.upload({
            name,
            fullchainPem: certificate.fullchainPem,
            privateKeyPem: certificate.privateKeyPem ?? '',
        });
        ctx.log.info(`Uploaded the certificate to CAS as ${name}: cert-id ${certId}.`);
        return certId;
    }
    catch (error) {
        // Taken between the list and the upload, or an upload whose answer was lost: the name says which.
        const raced = await sameThere().catch(() => undefined);
        if (raced)
            return raced;
        if (error instanceof NameTakenError)
            throw new Error(`The name ${name} is taken in CAS by another certificate; nothing was uploaded.`);
        throw error;
    }
}
/** With upload: the newest certificate in CAS for exactly these names, reused (`unchanged`) while it is not due. */
async function reuseHeld(ctx, domains) {
    const store = await ctx.held();
    const candidates = (await store.list({ uploadedOnly: true }))
        .filter((c) => c.name.startsWith('acme_') && sameDomainSet(c.domains, domains))
        .sort((a, b) => (b.notAfter?.getTime() ?? 0) - (a.notAfter?.getTime() ?? 0));
    const newest = candidates[0];
    if (!newest)
        return undefined;
    const held = await store.download(newest.certId);
    if (!held?.privateKeyPem)
        return undefined;
    const leaf = splitPemBundle(held.certificatePem)[0];
    if (!leaf)
        return undefined;
    const info = describeCertificate(leaf);
    const label = `Certificate ${newest.certId} in CAS (${newest.name})`;
    // The CA's renewal window (ARI) when it offers one, else renew-before-days (capped at a third of the lifetime).
    const window = await ctx.authorities.acme.renewalWindow(held.certificatePem);
    if (window) {
        const due = ctx.now() >= window.start;
        ctx.log.info(`The ACME CA suggests renewing ${label} between ${isoSeconds(window.start)} and ${isoSeconds(window.end)} ` +
            `(ARI)${due ? ': ordering anew' : ''}.`);
        if (due) {
            ctx.onDueCertificate?.(info.notAfter);
            return undefined;
        }
    }
    const rule = window ? { ...ctx, config: { ...ctx.config, renewBeforeDays: 0 } } : ctx;
    return reuseUnlessDue(rule, {
        label,
        left: daysRemaining(info.notAfter, ctx.now()),
        info,
        state: 'uploaded',
        whenDue: ': ordering anew from the ACME CA',
    }, () => acceptCertificate(label, {
        certificatePem: held.certificatePem,
        privateKeyPem: held.privateKeyPem,
        domains,
        now: ctx.now(),
    }), { certId: newest.certId, details: [] });
}

// `issue` from an ACME CA: with upload, reuse the certificate in CAS while it is not due; else one new order, each
// authorization proved through the validation providers (DNS-01: a TXT `_acme-challenge.<name>` through alidns or
// hook; HTTP-01: a file in `/.well-known/acme-challenge/` under file-validation-root), removed after; then a new
// key and CSR (or the user's csr), finalize, fetch, check, and with upload put in CAS for the deploy targets.
async function issueFromAcme(ctx, domains) {
    const { config, log } = ctx;
    const acme = ctx.authorities.acme;
    try {
        if (config.upload) {
            const reused = await reuseHeld(ctx, domains);
            if (reused)
                return reused;
        }
        const deadline = Date.now() + config.waitTimeoutSeconds * 1000;
        const timeline = [];
        const at = (state) => {
            timeline.push({ at: ctx.now(), state });
        };
        log.info(`ACME CA: ${config.acme?.directoryUrl} (acme-directory ${config.acme?.directory}).`);
        await acme.account();
        const order = await acme.newOrder(domains);
        at('ordered');
        log.info(`ACME order ${order.url}: ${order.status}.`);
        await proveControl(ctx, order, deadline);
        at('validated');
        const { privateKeyPem, csrPem } = config.csr
            ? { privateKeyPem: undefined, csrPem: config.csr }
            : await acme.keyAndCsr(domains, config.keyAlgorithm);
        // Masked the moment it exists, before anything else can print it.
        if (privateKeyPem)
            ctx.maskSecret(privateKeyPem);
        const pem = await acme.finalize(order, csrPem, deadline);
        at('issued');
        log.info(`ACME order ${order.url}: certificate`);
        const certificate = acceptCertificate(`The certificate of ACME order ${order.url}`, {
            certificatePem: pem,
            ...(privateKeyPem ? { privateKeyPem } : { csrPem }),
            domains,
            now: ctx.now(),
        });
        const details = [['ACME order', order.url]];
        if (!config.upload)
            return { status: 'issued', certificate, timeline, details };
        if (!certificate.privateKeyPem)
            throw new FlowError('upload needs the private key, which stays with you with a csr; set upload: false.');
        const certId = await uploadToCas(ctx, certificate);
        return { status: 'issued', certId, certificate, timeline, details };
    }
    catch (error) {
        if (error instanceof AcmeProblemError)
            throw new FlowError(`${error.message}.`);
        throw error;
    }
}
/** Presents every pending authorization's challenge, tells the CA, waits for each; removes every record after. */
async function proveControl(ctx, order, deadline) {
    const acme = ctx.authorities.acme;
    const authorizations = await acme.authorizations(order);
    const strategies = [];
    const wanted = ctx.config.validationMethod === 'FILE' ? 'http-01' : 'dns-01';
    try {
        const ready = [];
        for (const [index, authz] of authorizations.entries()) {
            if (authz.status === 'valid') {
                ctx.log.info(`ACME: ${authz.identifier} is proved already (a valid authorization of this account).`);
                continue;
            }
            const offer = authz.challenges.find((c) => c.type === wanted);
            if (!offer) {
                throw new FlowError(`The ACME CA offers no ${wanted} challenge for ${authz.wildcard ? '*.' : ''}${authz.identifier} ` +
                    `(it offers ${authz.challenges.map((c) => c.type).join(', ') || 'none this action answers'})` +
                    (authz.wildcard ? '; a wildcard is proved by DNS-01 only: use validation-method DNS.' : '.'));
            }
            // One strategy per authorization: a strategy holds one challenge, and the post step sees all of them.
            const strategy = await ctx.validation(`${lastSegment(order.url)}-${index + 1}`);
            strategies.push(strategy);
            await strategy.present(challengeOf(authz, offer), [authz.identifier]);
            ready.push([authz, offer]);
        }
        for (const [authz, offer] of ready) {
            await acme.answer(authz, offer, deadline);
            ctx.log.info(`ACME: ${authz.wildcard ? '*.' : ''}${authz.identifier} proved (${offer.type}).`);
        }
    }
    finally {
        for (const strategy of strategies)
            await strategy.cleanup();
    }
}
/** The challenge in the providers' words (src/authority/vocabulary.ts). */
function challengeOf(authz, offer) {
    if (offer.type === 'dns-01') {
        return {
            method: 'DNS',
            recordDomain: `_acme-challenge.${authz.identifier}`,
            recordType: 'TXT',
            recordValue: offer.proof,
            acme: true,
        };
    }
    return {
        method: 'FILE',
        domain: authz.identifier,
        uri: `/.well-known/acme-challenge/${offer.token}`,
        content: offer.proof,
        acme: true,
    };
}
const lastSegment = (url) => url.replace(/\/+$/, '').split('/').at(-1) ?? url;

// An ACME CA (Let's Encrypt, ZeroSSL, Google, any RFC 8555 directory) as a certificate source (README,
// "Certificates from Let's Encrypt"): issue only; renewing is issuing again, and the CA keeps nothing this
// action could list. Loaded only when certificate-api is acme.
function createAcmeSource(ctx) {
    return {
        api: 'acme',
        title: 'an ACME CA',
        obtain: (domains) => issueFromAcme(ctx, domains),
        describe: async () => {
            throw new FlowError('An ACME CA keeps no certificate this action can report on; with upload the certificate is in CAS: use mode list.');
        },
    };
}

export { createAcmeSource };
