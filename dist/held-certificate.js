import { bg as namesOf, aQ as textField, F as FlowError } from './start.js';

const CAS_VERSION = '2020-04-07';
async function heldCertificateNames(client, endpoint, certId) {
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
    return names;
}

export { heldCertificateNames };
