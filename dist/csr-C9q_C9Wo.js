import { l as normaliseDomain, m as checkDomain } from './start-CMNZcofX.js';

// Reading a user's CSR: its names and key. The X.509 library is loaded only on this path.
/** Parses and verifies the CSR's self-signature; returns a problem sentence instead of throwing. */
async function inspectCsr(pem) {
    // @peculiar/x509 resolves its services through tsyringe, which needs the reflect-metadata polyfill first.
    await import('./Reflect-Bx9jZq3B.js').then(function (n) { return n.R; });
    const x509 = await import('./peculiar-x509-BJ-PWS0N.js');
    const { webcrypto } = await Promise.resolve(process.getBuiltinModule('node:crypto'));
    x509.cryptoProvider.set(webcrypto);
    let csr;
    try {
        csr = new x509.Pkcs10CertificateRequest(pem.trim());
    }
    catch {
        return 'is not a readable PEM certificate request';
    }
    if (!(await csr.verify()))
        return 'has a signature that does not verify';
    const commonNames = csr.subjectName.getField('CN');
    const sanExtension = csr.getExtension('2.5.29.17');
    const san = sanExtension ? new x509.SubjectAlternativeNameExtension(sanExtension.rawData) : undefined;
    const sanNames = san?.names.items.filter((n) => n.type === 'dns').map((n) => n.value) ?? [];
    const names = [...new Set([...commonNames, ...sanNames].map(normaliseDomain))];
    if (names.length === 0)
        return 'names no domain (no CN and no DNS subject alternative name)';
    const bad = names.find((n) => checkDomain(n));
    if (bad)
        return `names '${bad}': ${checkDomain(bad)}`;
    const algorithm = csr.publicKey.algorithm;
    if (algorithm.name.startsWith('RSA') && (algorithm.modulusLength ?? 0) < 2048) {
        return `has an RSA key of ${algorithm.modulusLength} bits; the service needs at least 2048`;
    }
    return { names, keyAlgorithm: algorithm.name, rsaBits: algorithm.modulusLength };
}

export { inspectCsr };
