// The two forms in which the private key may leave the runner encrypted: PKCS#12 (cert.pfx, pfx-password) and
// encrypted PKCS#8 PEM (private-key-passphrase). pkijs, the PKCS#12 library, is loaded only when a .pfx is asked for.
import { createHash, createHmac, createPrivateKey, X509Certificate } from 'node:crypto';
import type { ContentEncryptionAlgorithm } from 'pkijs';
import type { CheckedCertificate } from '../core/certificate.js';
import { FILE_NAMES, type ProtectedKeyFiles } from './files.js';
import { encryptPrivateKeyPem, KEY_DERIVATION_ITERATIONS, pkcs12MacKey } from './key-derivation.js';

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

const arrayBuffer = (bytes: Uint8Array): ArrayBuffer =>
  bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

/**
 * A PKCS#12 file holding the key and the certificate chain (leaf first), protected by `password`:
 * key and certificates encrypted with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), integrity by HMAC-SHA256.
 * RSA and EC keys alike. The leaf and the key share a localKeyId (SHA-1 of the leaf), as OpenSSL writes it.
 */
export async function createPfx(cert: CheckedCertificate, password: string): Promise<Buffer> {
  if (!cert.privateKeyPem) throw new Error('A PKCS#12 file needs the private key, and there is none.');
  // WebCrypto is read here, not imported: reading it loads Node's WebCrypto, which a no-op run never needs.
  const [pkijs, asn1js, { webcrypto }] = await Promise.all([
    import('pkijs'),
    import('asn1js'),
    import('node:crypto'),
  ]);
  const engine = new pkijs.CryptoEngine({ name: 'node', crypto: webcrypto as unknown as Crypto });
  // The MAC's key by Node's hashing: pkijs derives it in script, seconds at these rounds (key-derivation.ts).
  engine.stampDataWithPassword = async ({ salt, iterationCount, contentToStamp }) => {
    const key = pkcs12MacKey(password, new Uint8Array(salt), iterationCount);
    return arrayBuffer(createHmac('sha256', key).update(new Uint8Array(contentToStamp)).digest());
  };
  const certificates = [cert.leafPem, ...cert.chainPems].map((pem) => new X509Certificate(pem).raw);
  const [leafDer] = certificates;
  if (!leafDer) throw new Error('A PKCS#12 file needs the certificate, and there is none.');

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
  const certificateBags = certificates.map(
    (der, index) =>
      new pkijs.SafeBag({
        bagId: BAG_CERTIFICATE,
        bagValue: new pkijs.CertBag({ parsedValue: pkijs.Certificate.fromBER(arrayBuffer(der)) }),
        ...(index === 0 ? { bagAttributes: [localKeyId, friendlyName] } : {}),
      }),
  );
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
  const contentEncryptionAlgorithm = { name: 'AES-CBC', length: 256 } as ContentEncryptionAlgorithm;
  const encryption = {
    password: passwordBytes,
    contentEncryptionAlgorithm,
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: PFX_ITERATIONS,
  };
  await shroudedKey.makeInternalValues(encryption, engine);
  await authenticatedSafe.makeInternalValues({ safeContents: [{}, encryption] }, engine);
  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe } });
  await pfx.makeInternalValues(
    {
      password: passwordBytes,
      iterations: PFX_ITERATIONS,
      pbkdf2HashAlgorithm: 'SHA-256',
      hmacHashAlgorithm: 'SHA-256',
    },
    engine,
  );
  return Buffer.from(pfx.toSchema().toBER(false));
}

/** Makes the encrypted forms of the key that were asked for; none when the certificate came without a key. */
export async function protectPrivateKey(
  cert: CheckedCertificate,
  secrets: { pfxPassword?: string; privateKeyPassphrase?: string },
): Promise<ProtectedKeyFiles> {
  const keys: ProtectedKeyFiles = {};
  if (!cert.privateKeyPem) return keys;
  if (secrets.privateKeyPassphrase) {
    keys.encryptedPrivateKeyPem = await encryptPrivateKeyPem(
      cert.privateKeyPem,
      secrets.privateKeyPassphrase,
    );
  }
  if (secrets.pfxPassword) keys.pfx = await createPfx(cert, secrets.pfxPassword);
  return keys;
}

/** Warnings for pfx-password / private-key-passphrase given where they can do nothing. */
export function unusedKeyInputs(
  cert: CheckedCertificate,
  secrets: { pfxPassword?: string; privateKeyPassphrase?: string },
  writesFiles: boolean,
): string[] {
  const given = [
    ['pfx-password', secrets.pfxPassword, FILE_NAMES.pfx],
    ['private-key-passphrase', secrets.privateKeyPassphrase, FILE_NAMES.encryptedPrivateKey],
  ] as const;
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
