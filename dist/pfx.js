import { X as X509Certificate, D as createHash, O as createPrivateKey } from './start.js';
import { FILE_NAMES } from './files.js';

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
    // WebCrypto is read here, not imported: reading it loads Node's WebCrypto, which a no-op run never needs.
    const [pkijs, asn1js, { webcrypto }] = await Promise.all([
        import('./pkijs.js'),
        import('./asn1js.js').then(function (n) { return n.s; }),
        Promise.resolve(process.getBuiltinModule('node:crypto')),
    ]);
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

export { createPfx, encryptPrivateKeyPem, protectPrivateKey, unusedKeyInputs };
