import { bk as namesOf, u as textField, F as FlowError } from './start.js';

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

export { heldCertificateFacts };
