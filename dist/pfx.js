import { a8 as createPrivateKey, a9 as randomBytes, aa as pbkdf2, ab as createCipheriv, E as createHash, ac as createHmac, X as X509Certificate } from './start.js';
import { FILE_NAMES } from './files.js';
import { p as promisify } from './_builtin_util.js';

// The password-based keys of what leaves the runner (SECURITY.md): an artifact or a .pfx can be copied and
// guessed at offline, so every key derived from a password takes 600,000 rounds (OWASP's figure for
// PBKDF2-HMAC-SHA256), about a tenth of a second each here, and asked for once per file.
const KEY_DERIVATION_ITERATIONS = 600_000;
const OID = {
    pbes2: '1.2.840.113549.1.5.13',
    pbkdf2: '1.2.840.113549.1.5.12',
    hmacWithSha256: '1.2.840.113549.2.9',
    aes256Cbc: '2.16.840.1.101.3.4.1.42',
};
/**
 * The key as encrypted PKCS#8 PEM (`-----BEGIN ENCRYPTED PRIVATE KEY-----`): PBES2, PBKDF2-HMAC-SHA256 at
 * KEY_DERIVATION_ITERATIONS, AES-256-CBC. Node's own export cannot set the rounds (OpenSSL's default is 2,048).
 */
async function encryptPrivateKeyPem(privateKeyPem, passphrase) {
    const keyDer = createPrivateKey(privateKeyPem).export({ type: 'pkcs8', format: 'der' });
    const salt = randomBytes(16);
    const iv = randomBytes(16);
    const key = await promisify(pbkdf2)(passphrase, salt, KEY_DERIVATION_ITERATIONS, 32, 'sha256');
    const cipher = createCipheriv('aes-256-cbc', key, iv);
    const encrypted = Buffer.concat([cipher.update(keyDer), cipher.final()]);
    const algorithm = sequence(oid(OID.pbes2), sequence(sequence(oid(OID.pbkdf2), sequence(octetString(salt), integer(KEY_DERIVATION_ITERATIONS), sequence(oid(OID.hmacWithSha256), DER_NULL))), sequence(oid(OID.aes256Cbc), octetString(iv))));
    const der = sequence(algorithm, octetString(encrypted));
    const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
    return `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${lines.join('\n')}\n-----END ENCRYPTED PRIVATE KEY-----\n`;
}
/**
 * The HMAC-SHA256 key of a PKCS#12 MAC: the format's own derivation (RFC 7292, appendix B.2, ID 3), which is what
 * OpenSSL, Windows and Java verify; pkijs's script hashing would take seconds at these rounds.
 */
function pkcs12MacKey(password, salt, iterations) {
    const blockBytes = 64;
    // The password as a BMPString: UTF-16 big-endian, two zero bytes at the end.
    const bmp = Buffer.concat([Buffer.from(password, 'utf16le').swap16(), Buffer.alloc(2)]);
    const fill = (bytes) => {
        const out = Buffer.alloc(blockBytes * Math.ceil(bytes.length / blockBytes));
        for (let i = 0; i < out.length; i++)
            out[i] = bytes[i % bytes.length] ?? 0;
        return out;
    };
    const first = createHash('sha256')
        .update(Buffer.concat([Buffer.alloc(blockBytes, 3), fill(salt), fill(bmp)]))
        .digest();
    // SHA-256 gives the 32 bytes of an HMAC-SHA256 key in one block.
    return iterations > 1 ? rehashSha256(first, iterations - 1) : first;
}
const SHA256_K = new Int32Array([
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98,
    0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786,
    0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8,
    0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
    0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819,
    0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a,
    0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
    0xc67178f2,
]);
const SHA256_IV = [
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
];
/**
 * SHA-256 applied `rounds` times to a 32-byte digest: one compression a round, with no allocation. Node has no
 * native iterated hash, and a createHash per round costs ten times the hashing (test/unit/delivery-pfx.test.ts
 * checks it against createHash).
 */
function rehashSha256(digest, rounds) {
    const w = new Int32Array(64);
    const h = new Int32Array(8);
    for (let i = 0; i < 8; i++)
        h[i] =
            (digest[4 * i] << 24) |
                (digest[4 * i + 1] << 16) |
                (digest[4 * i + 2] << 8) |
                digest[4 * i + 3];
    for (let round = 0; round < rounds; round++) {
        // The one block: the digest, the 0x80 pad byte, zeros, and the length (256 bits).
        for (let i = 0; i < 8; i++)
            w[i] = h[i];
        w[8] = 0x80000000 | 0;
        for (let i = 9; i < 15; i++)
            w[i] = 0;
        w[15] = 256;
        for (let i = 16; i < 64; i++) {
            const a = w[i - 15];
            const b = w[i - 2];
            const s0 = ((a >>> 7) | (a << 25)) ^ ((a >>> 18) | (a << 14)) ^ (a >>> 3);
            const s1 = ((b >>> 17) | (b << 15)) ^ ((b >>> 19) | (b << 13)) ^ (b >>> 10);
            w[i] = (w[i - 16] + s0 + w[i - 7] + s1) | 0;
        }
        let [a, b, c, d, e, f, g, hh] = SHA256_IV;
        for (let i = 0; i < 64; i++) {
            const s1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
            const t1 = (hh + s1 + ((e & f) ^ (~e & g)) + SHA256_K[i] + w[i]) | 0;
            const s0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
            const t2 = (s0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
            hh = g;
            g = f;
            f = e;
            e = (d + t1) | 0;
            d = c;
            c = b;
            b = a;
            a = (t1 + t2) | 0;
        }
        h[0] = (SHA256_IV[0] + a) | 0;
        h[1] = (SHA256_IV[1] + b) | 0;
        h[2] = (SHA256_IV[2] + c) | 0;
        h[3] = (SHA256_IV[3] + d) | 0;
        h[4] = (SHA256_IV[4] + e) | 0;
        h[5] = (SHA256_IV[5] + f) | 0;
        h[6] = (SHA256_IV[6] + g) | 0;
        h[7] = (SHA256_IV[7] + hh) | 0;
    }
    const out = Buffer.alloc(32);
    for (let i = 0; i < 8; i++)
        out.writeInt32BE(h[i], 4 * i);
    return out;
}
// The few DER shapes the encrypted PKCS#8 needs.
const DER_NULL = Buffer.from([0x05, 0x00]);
function tlv(tag, content) {
    const n = content.length;
    const length = n < 0x80 ? Buffer.from([n]) : Buffer.concat([Buffer.from([0x80 | byteLength(n)]), bigEndian(n)]);
    return Buffer.concat([Buffer.from([tag]), length, content]);
}
function byteLength(n) {
    return Math.max(1, Math.ceil(Math.log2(n + 1) / 8));
}
function bigEndian(n) {
    const bytes = Buffer.alloc(byteLength(n));
    for (let i = bytes.length - 1, rest = n; i >= 0; i--, rest = Math.floor(rest / 256))
        bytes[i] = rest % 256;
    return bytes;
}
const sequence = (...parts) => tlv(0x30, Buffer.concat(parts));
const octetString = (bytes) => tlv(0x04, bytes);
function integer(n) {
    const bytes = bigEndian(n);
    // A leading 1 bit would read as negative.
    return tlv(0x02, (bytes[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.alloc(1), bytes]) : bytes);
}
function oid(dotted) {
    const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
    const bytes = [40 * first + second];
    for (const arc of rest) {
        const base128 = [arc % 128];
        for (let v = Math.floor(arc / 128); v > 0; v = Math.floor(v / 128))
            base128.unshift(0x80 | (v % 128));
        bytes.push(...base128);
    }
    return tlv(0x06, Buffer.from(bytes));
}

// The two forms in which the private key may leave the runner encrypted: PKCS#12 (cert.pfx, pfx-password) and
// encrypted PKCS#8 PEM (private-key-passphrase). pkijs, the PKCS#12 library, is loaded only when a .pfx is asked for.
/**
 * OpenSSL 3's `pkcs12 -export` choices (PBES2, AES-256-CBC, HMAC-SHA256), every key derived at
 * KEY_DERIVATION_ITERATIONS: the key bag, the certificates and the MAC alike, so none is a cheaper way to guess.
 * Readable by OpenSSL, Windows 10+ and Java.
 */
const PFX_ITERATIONS = KEY_DERIVATION_ITERATIONS;
const BAG_PKCS8_SHROUDED_KEY = '1.2.840.113549.1.12.10.1.2';
const BAG_CERTIFICATE = '1.2.840.113549.1.12.10.1.3';
const ATTRIBUTE_FRIENDLY_NAME = '1.2.840.113549.1.9.20';
const ATTRIBUTE_LOCAL_KEY_ID = '1.2.840.113549.1.9.21';
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
        import('./asn1js.js').then(function (n) { return n.l; }),
        Promise.resolve(process.getBuiltinModule('node:crypto')),
    ]);
    const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto });
    // The MAC's key by Node's hashing: pkijs derives it in script, seconds at these rounds (key-derivation.ts).
    engine.stampDataWithPassword = async ({ salt, iterationCount, contentToStamp }) => {
        const key = pkcs12MacKey(password, new Uint8Array(salt), iterationCount);
        return arrayBuffer(createHmac('sha256', key).update(new Uint8Array(contentToStamp)).digest());
    };
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
        keys.encryptedPrivateKeyPem = await encryptPrivateKeyPem(cert.privateKeyPem, secrets.privateKeyPassphrase);
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

export { createPfx, protectPrivateKey, unusedKeyInputs };
