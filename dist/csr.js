import { q as normaliseDomain } from './start.js';

// Reading a user's CSR: its names and key. The X.509 library is loaded only on this path.
/** Curves a certificate order takes (ECC_256 and its larger sibling); P-224 and the like are refused. */
const ACCEPTED_CURVES = new Set(['prime256v1', 'secp384r1']);
/** Digests too weak for a CA to sign from (a CA refuses SHA-1 requests). */
const WEAK_DIGESTS = /^(SHA-?1|MD5|MD2)$/i;
/**
 * Parses the CSR and checks what the service would refuse: its key (RSA of at least 2048 bits, measured on the
 * modulus itself; EC on P-256 or P-384) and its signature (verifies, no SHA-1). Its names are returned for the
 * caller to check with the domains rules, on the final list. A problem sentence instead of throwing.
 */
async function inspectCsr(pem) {
    // @peculiar/x509 resolves its services through tsyringe, which needs the reflect-metadata polyfill first.
    await import('./Reflect.js').then(function (n) { return n.R; });
    const x509 = await import('./peculiar-x509.js');
    const { webcrypto, createPublicKey } = await Promise.resolve(process.getBuiltinModule('node:crypto'));
    x509.cryptoProvider.set(webcrypto);
    let csr;
    try {
        csr = new x509.Pkcs10CertificateRequest(pem.trim());
    }
    catch {
        return 'is not a readable PEM certificate request';
    }
    let details;
    try {
        const key = createPublicKey({ key: Buffer.from(csr.publicKey.rawData), format: 'der', type: 'spki' });
        details = { type: key.asymmetricKeyType, ...key.asymmetricKeyDetails };
    }
    catch {
        return 'has a public key this action cannot read; use an RSA (2048 bits or more) or EC P-256 key';
    }
    if (details.type === 'rsa' || details.type === 'rsa-pss') {
        if ((details.modulusLength ?? 0) < 2048) {
            return `has an RSA key of ${details.modulusLength} bits; the service needs at least 2048`;
        }
    }
    else if (details.type === 'ec') {
        if (!ACCEPTED_CURVES.has(details.namedCurve ?? '')) {
            return `has an EC key on ${details.namedCurve ?? 'an unknown curve'}; the service takes P-256 or P-384`;
        }
    }
    else {
        return `has a ${details.type ?? 'unknown'} key; the service takes RSA (2048 bits or more) or EC P-256/P-384`;
    }
    const digest = signatureDigest(csr);
    if (digest && WEAK_DIGESTS.test(digest)) {
        return `is signed with ${digest}, which the CA refuses; sign it with SHA-256 (openssl req -sha256)`;
    }
    try {
        if (!(await csr.verify()))
            return 'has a signature that does not verify';
    }
    catch {
        return 'has a signature this action cannot verify; sign it with SHA-256 and an RSA or EC P-256 key';
    }
    const commonNames = csr.subjectName.getField('CN');
    const sanExtension = csr.getExtension('2.5.29.17');
    const san = sanExtension ? new x509.SubjectAlternativeNameExtension(sanExtension.rawData) : undefined;
    const sanNames = san?.names.items.filter((n) => n.type === 'dns').map((n) => n.value) ?? [];
    const names = [...new Set([...commonNames, ...sanNames].map(normaliseDomain))];
    if (names.length === 0)
        return 'names no domain (no CN and no DNS subject alternative name)';
    return {
        names,
        keyAlgorithm: details.type === 'ec' ? 'ECDSA' : 'RSA',
        ...(details.modulusLength ? { rsaBits: details.modulusLength } : {}),
    };
}
function signatureDigest(csr) {
    try {
        const algorithm = csr.signatureAlgorithm;
        return typeof algorithm.hash === 'string' ? algorithm.hash : algorithm.hash?.name;
    }
    catch {
        return 'an unknown digest';
    }
}

export { inspectCsr };
