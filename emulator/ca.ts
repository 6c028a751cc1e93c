// A throw-away certificate authority for the emulator: root -> intermediate -> leaves.
// Independent of src/: certificates are built with @peculiar/x509 on Node's webcrypto.
import { createPublicKey, randomBytes, webcrypto } from 'node:crypto';
import { takeLeafKey } from './leaf-keys.js';
import * as x509 from './x509.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

export interface IssuedLeaf {
  /** Leaf certificate PEM. */
  certificatePem: string;
  /** Intermediate certificate PEM (the chain to append). */
  chainPem: string;
  /** PKCS#1 RSA private key PEM; only when the CA generated the key. */
  privateKeyPem?: string;
}

export interface IssueLeafOptions {
  names: string[];
  /** SPKI PEM (e.g. from a CSR); when absent the CA generates an RSA 2048 key. */
  publicKeyPem?: string;
  notBefore?: Date;
  notAfter?: Date;
  /** Allow reusing a recently generated key (faster; for tests that do not compare keys). */
  recycleKey?: boolean;
}

export interface TestCa {
  rootPem: string;
  intermediatePem: string;
  issueLeaf(opts: IssueLeafOptions): Promise<IssuedLeaf>;
}

export interface ParsedCsr {
  commonName?: string;
  /** CN then SAN DNS names, de-duplicated, in order. */
  names: string[];
  publicKeyPem: string;
  keyAlgorithm: 'RSA' | 'EC';
  rsaBits?: number;
}

const RSA_SIGNING: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 2048,
};
const EC_SIGNING: EcKeyGenParams & { hash: string } = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' };
const DAY_MS = 86_400_000;
const SUBJECT_ALT_NAME_OID = '2.5.29.17';

/** Positive 16-byte serial as hex (top bit cleared so DER needs no sign padding). */
function randomSerialHex(): string {
  const bytes = randomBytes(16);
  bytes[0] = (bytes[0] ?? 0) & 0x7f || 0x01;
  return bytes.toString('hex');
}

async function generateSigningKeys(
  algorithm: RsaHashedKeyGenParams | EcKeyGenParams,
): Promise<CryptoKeyPair> {
  return (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
}

export interface TestCaOptions {
  commonName?: string;
  /** Key type of root and intermediate. Default 'ec' (P-256): instant to generate; leaves stay RSA 2048. */
  caKeyType?: 'rsa' | 'ec';
}

/** PEM text ending in a newline, as files and the real service have it. */
function pemWithNewline(data: { toString(format: 'pem'): string }): string {
  return `${data.toString('pem').trimEnd()}\n`;
}

function escapeDnValue(value: string): string {
  return value.replace(/([,+"\\<>;=])/g, '\\$1');
}

export async function createTestCa(opts: TestCaOptions = {}): Promise<TestCa> {
  const baseName = opts.commonName ?? 'Emulator Test CA';
  const now = Date.now();
  const caSigning = opts.caKeyType === 'rsa' ? RSA_SIGNING : EC_SIGNING;
  const [rootKeys, intermediateKeys] = await Promise.all([
    generateSigningKeys(caSigning),
    generateSigningKeys(caSigning),
  ]);
  const rootName = `CN=${escapeDnValue(`${baseName} Root`)}, O=CAS Emulator`;
  const intermediateName = `CN=${escapeDnValue(`${baseName} Intermediate`)}, O=CAS Emulator`;

  const root = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: randomSerialHex(),
    name: rootName,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 3650 * DAY_MS),
    keys: rootKeys,
    signingAlgorithm: caSigning,
    extensions: [
      new x509.BasicConstraintsExtension(true, undefined, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });

  const intermediate = await x509.X509CertificateGenerator.create({
    serialNumber: randomSerialHex(),
    subject: intermediateName,
    issuer: root.subject,
    notBefore: new Date(now - DAY_MS),
    notAfter: new Date(now + 1825 * DAY_MS),
    publicKey: intermediateKeys.publicKey,
    signingKey: rootKeys.privateKey,
    signingAlgorithm: caSigning,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(
        x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign | x509.KeyUsageFlags.digitalSignature,
        true,
      ),
      await x509.SubjectKeyIdentifierExtension.create(intermediateKeys.publicKey),
      await x509.AuthorityKeyIdentifierExtension.create(rootKeys.publicKey),
    ],
  });

  const intermediatePem = pemWithNewline(intermediate);

  async function issueLeaf(leafOpts: IssueLeafOptions): Promise<IssuedLeaf> {
    const [firstName] = leafOpts.names;
    if (firstName === undefined) throw new Error('issueLeaf: at least one name is required');
    let spkiPem = leafOpts.publicKeyPem;
    let privateKeyPem: string | undefined;
    if (spkiPem === undefined) {
      const key = await takeLeafKey(leafOpts.recycleKey ?? false);
      spkiPem = key.spkiPem;
      privateKeyPem = key.pkcs1Pem;
    }
    const leafPublicKey = new x509.PublicKey(spkiPem);
    const issuedAt = Date.now();
    const leaf = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerialHex(),
      subject: `CN=${escapeDnValue(firstName)}`,
      issuer: intermediate.subject,
      notBefore: leafOpts.notBefore ?? new Date(issuedAt - 60_000),
      notAfter: leafOpts.notAfter ?? new Date(issuedAt + 90 * DAY_MS),
      publicKey: leafPublicKey,
      signingKey: intermediateKeys.privateKey,
      signingAlgorithm: caSigning,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(
          x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.keyEncipherment,
          true,
        ),
        new x509.ExtendedKeyUsageExtension([x509.ExtendedKeyUsage.serverAuth]),
        new x509.SubjectAlternativeNameExtension(
          leafOpts.names.map((value) => ({ type: 'dns' as const, value })),
        ),
        await x509.SubjectKeyIdentifierExtension.create(leafPublicKey),
        await x509.AuthorityKeyIdentifierExtension.create(intermediateKeys.publicKey),
      ],
    });
    const issued: IssuedLeaf = { certificatePem: pemWithNewline(leaf), chainPem: intermediatePem };
    if (privateKeyPem !== undefined) issued.privateKeyPem = privateKeyPem;
    return issued;
  }

  return { rootPem: pemWithNewline(root), intermediatePem, issueLeaf };
}

/** Parses and verifies a PKCS#10 CSR; throws on malformed input or a bad self-signature. */
export async function parseCsr(pem: string): Promise<ParsedCsr> {
  let csr: x509.Pkcs10CertificateRequest;
  try {
    csr = new x509.Pkcs10CertificateRequest(pem.trim());
  } catch (error) {
    throw new Error(`CSR is not a valid PKCS#10 request: ${(error as Error).message}`);
  }
  let signatureValid = false;
  try {
    signatureValid = await csr.verify();
  } catch (error) {
    throw new Error(`CSR signature cannot be verified: ${(error as Error).message}`);
  }
  if (!signatureValid) throw new Error('CSR signature is invalid');

  const commonName = csr.subjectName.getField('CN')[0];
  const names: string[] = [];
  const addName = (name: string) => {
    if (name !== '' && !names.includes(name)) names.push(name);
  };
  if (commonName !== undefined) addName(commonName);
  for (const extensionRequest of csr.getExtensions(SUBJECT_ALT_NAME_OID)) {
    const san = new x509.SubjectAlternativeNameExtension(extensionRequest.rawData);
    for (const generalName of san.names.items) if (generalName.type === 'dns') addName(generalName.value);
  }

  const publicKeyPem = csr.publicKey.toString('pem');
  const keyObject = createPublicKey(publicKeyPem);
  const parsed: ParsedCsr = { names, publicKeyPem, keyAlgorithm: 'EC' };
  if (commonName !== undefined) parsed.commonName = commonName;
  if (keyObject.asymmetricKeyType === 'rsa') {
    parsed.keyAlgorithm = 'RSA';
    const bits = keyObject.asymmetricKeyDetails?.modulusLength;
    if (bits !== undefined) parsed.rsaBits = bits;
  } else if (keyObject.asymmetricKeyType !== 'ec') {
    throw new Error(`CSR key type ${keyObject.asymmetricKeyType ?? 'unknown'} is not supported`);
  }
  return parsed;
}

/** Test helper: a fresh key and a CSR for `names` (CN = first name, SAN = all). Key as PKCS#8 PEM. */
export async function createCsr(opts: {
  names: string[];
  keyType?: 'rsa' | 'ec';
  /** RSA modulus size; default 2048 (smaller ones let tests check the service refuses them). */
  rsaBits?: number;
}): Promise<{ csrPem: string; privateKeyPem: string }> {
  const [firstName] = opts.names;
  if (firstName === undefined) throw new Error('createCsr: at least one name is required');
  const algorithm =
    opts.keyType === 'ec' ? EC_SIGNING : { ...RSA_SIGNING, modulusLength: opts.rsaBits ?? 2048 };
  const keys = (await webcrypto.subtle.generateKey(algorithm, true, ['sign', 'verify'])) as CryptoKeyPair;
  const csr = await x509.Pkcs10CertificateRequestGenerator.create({
    name: `CN=${escapeDnValue(firstName)}`,
    keys,
    signingAlgorithm: algorithm,
    extensions: [
      new x509.SubjectAlternativeNameExtension(opts.names.map((value) => ({ type: 'dns' as const, value }))),
    ],
  });
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey));
  const privateKeyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8
    .toString('base64')
    .replace(/(.{64})/g, '$1\n')
    .replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
  return { csrPem: pemWithNewline(csr), privateKeyPem };
}
