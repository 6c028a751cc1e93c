import { F as FlowError, aF as acceptCertificate } from './start.js';

// mode: download — a certificate already at the service (cert-id), delivered exactly as `issue` delivers one:
// the same checks (parses, names, key match, chain, dates), outputs, masking, files, PKCS#12 and artifact.
async function downloadCertificate(ctx, domains) {
    const certId = ctx.config.certId ?? '';
    const store = await ctx.held();
    const detail = await store.download(certId);
    if (!detail) {
        throw new FlowError(`Certificate ${certId} is not at the service (API ${store.apiVersion}); check cert-id, ` +
            'or list the certificates with mode: list.');
    }
    if (!detail.certificatePem) {
        throw new FlowError(`Certificate ${certId} was returned without its PEM content; run again.`);
    }
    const certificate = acceptCertificate(`Certificate ${certId}`, {
        certificatePem: detail.certificatePem,
        privateKeyPem: detail.privateKeyPem,
        domains,
        now: ctx.now(),
    });
    if (!certificate.privateKeyPem) {
        ctx.log.warning(`Certificate ${certId} came without a private key (made from your own CSR): only the certificate is delivered.`);
    }
    ctx.log.info(`Downloaded certificate ${certId} (${detail.name || 'no name'}) for ${certificate.info.names.join(', ')}, ` +
        `valid until ${certificate.info.notAfter.toISOString()}.`);
    return {
        status: 'downloaded',
        certId,
        certificate,
        timeline: [],
        details: [
            ['Certificate name', detail.name],
            ['API version', store.apiVersion],
        ],
    };
}

export { downloadCertificate };
