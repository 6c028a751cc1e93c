import { bo as namesOf, u as textField, F as FlowError } from './start.js';

const CAS_VERSION = '2020-04-07';
async function heldCertificateFacts(client, endpoint, certId) {
    const r = await client.call({
        endpoint,
        version: CAS_VERSION,
        action: 'GetUserCertificateDetail',
        params: { CertId: certId, CertFilter: 'true' },
        changesState: false,
    });
    // The same reading of `Sans` and `Common` as the held-certificate adapters (src/held/port.ts).
    const names = namesOf(textField(r.Sans), textField(r.Common));
    if (names.length === 0) {
        throw new FlowError(`Certificate ${certId} (input 'cert-id') names no domain at the service; check cert-id.`);
    }
    const notAfter = Number(textField(r.NotAfter));
    const sha256 = textField(r.Sha2)?.replace(/:/g, '').toUpperCase();
    return {
        names,
        ...(Number.isFinite(notAfter) && notAfter > 0 ? { notAfter: new Date(notAfter) } : {}),
        ...(sha256 && /^[0-9A-F]{64}$/.test(sha256) ? { sha256 } : {}),
    };
}
/**
 * The certificate's PEM chain and private key (GetUserCertificateDetail CertFilter=false, as src/held/api-2020.ts
 * reads it). The key is given to `maskSecret` (the runner's masking, src/deliver/outputs.ts) before this returns,
 * so no later log line can show it.
 */
async function heldCertificateWithKey(client, endpoint, certId, maskSecret) {
    const r = await client.call({
        endpoint,
        version: CAS_VERSION,
        action: 'GetUserCertificateDetail',
        params: { CertId: certId, CertFilter: 'false' },
        changesState: false,
    });
    const privateKeyPem = textField(r.Key);
    if (privateKeyPem)
        maskSecret(privateKeyPem);
    const certificatePem = textField(r.Cert);
    if (!privateKeyPem || !certificatePem) {
        throw new FlowError(`Certificate ${certId} has no ${privateKeyPem ? 'certificate' : 'private key'} at the service: ` +
            'a product that takes the certificate itself needs both (a certificate issued with your own CSR has no key there).');
    }
    const notAfter = Number(textField(r.NotAfter));
    return {
        certId,
        certificatePem,
        privateKeyPem,
        names: namesOf(textField(r.Sans), textField(r.Common)),
        ...(Number.isFinite(notAfter) && notAfter > 0 ? { notAfter: new Date(notAfter) } : {}),
    };
}

export { heldCertificateFacts, heldCertificateWithKey };
