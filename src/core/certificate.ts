// Checks a certificate before it is handed out: it parses, names the requested domains, matches the key,
// chains, and is valid now. node:crypto only.
import { createPrivateKey, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';
import { certificateCovers } from './domains.js';
import { DAY_MS } from './time.js';

const CERTIFICATE_BLOCK = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g;
const CSR_BLOCK =
  /-----BEGIN (?:NEW )?CERTIFICATE REQUEST-----([\s\S]*?)-----END (?:NEW )?CERTIFICATE REQUEST-----/;
const PRIVATE_KEY_BLOCK = /-----BEGIN ((?:RSA |EC )?PRIVATE KEY)-----([\s\S]*?)-----END \1-----/;

export class CertificateCheckError extends Error {
  override name = 'CertificateCheckError';
}

export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  /** SAN DNS names, else the subject CN. */
  names: string[];
  notBefore: Date;
  notAfter: Date;
  /** Colon-separated upper-case hex, as X509Certificate gives it. */
  fingerprintSha256: string;
}

export interface CheckedCertificate {
  leafPem: string;
  /** Issuer of the leaf first, each followed by its own issuer; may stop before the root. */
  chainPems: string[];
  fullchainPem: string;
  /** The private key that was checked, rewrapped as standard PEM; only when one was given. */
  privateKeyPem?: string;
  info: CertificateInfo;
}

export interface IssuedCertificateInput {
  /** Leaf, possibly followed by its chain, as the service returns it. */
  certificatePem: string;
  chainPem?: string;
  privateKeyPem?: string;
  /** The user's CSR: the leaf must carry its public key (the private key stays with the user). */
  csrPem?: string;
  domains: string[];
  now: Date;
}

/** Rewraps a PEM body at 64 columns, whatever whitespace (none, spaces, CRLF) it came with. */
function rewrapPem(label: string, body: string): string {
  const base64 = body.replace(/\s+/g, '');
  const lines = base64.match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/** Every certificate block of a bundle, as standard PEM; text between blocks is ignored. */
export function splitPemBundle(pem: string): string[] {
  return [...pem.matchAll(CERTIFICATE_BLOCK)].map((match) => rewrapPem('CERTIFICATE', match[1] ?? ''));
}

function dnsNames(certificate: X509Certificate): string[] {
  // Node lists SANs as `DNS:a, DNS:b, IP Address:…`, quoting (JSON) values with unusual characters.
  const matches = (certificate.subjectAltName ?? '').matchAll(/(?:^|, )DNS:("(?:[^"\\]|\\.)*"|[^,]*)/g);
  const sanNames = [...matches].map(([, value = '']) => (value.startsWith('"') ? JSON.parse(value) : value));
  if (sanNames.length > 0) return sanNames.map((name: string) => name.toLowerCase());
  const commonName = /^CN=(.*)$/m.exec(certificate.subject)?.[1];
  return commonName === undefined ? [] : [commonName.toLowerCase()];
}

function describeParsed(certificate: X509Certificate): CertificateInfo {
  return {
    subject: certificate.subject.replace(/\n/g, ', '),
    issuer: certificate.issuer.replace(/\n/g, ', '),
    serialNumber: certificate.serialNumber,
    names: dnsNames(certificate),
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    fingerprintSha256: certificate.fingerprint256,
  };
}

export function describeCertificate(pem: string): CertificateInfo {
  return describeParsed(new X509Certificate(pem));
}

/** Whole days from `now` until `notAfter`, rounded down; negative once expired. */
export function daysRemaining(notAfter: Date, now: Date): number {
  return Math.floor((notAfter.getTime() - now.getTime()) / DAY_MS);
}

/**
 * How many days before expiry a certificate is due, as cert-manager decides: a `renew-before-days` at or above
 * the certificate's lifetime would make every run order anew, so it becomes a third of the lifetime.
 */
export function renewalWindowDays(
  renewBeforeDays: number,
  validity: { notBefore: Date; notAfter: Date },
): { days: number; capped: boolean } {
  const lifetimeDays = (validity.notAfter.getTime() - validity.notBefore.getTime()) / DAY_MS;
  if (lifetimeDays <= 0 || renewBeforeDays < lifetimeDays) return { days: renewBeforeDays, capped: false };
  return { days: Math.floor(lifetimeDays / 3), capped: true };
}

interface ParsedPem {
  pem: string;
  certificate: X509Certificate;
}

function parseBundle(pems: string[]): ParsedPem[] {
  const parsed: ParsedPem[] = [];
  for (const [index, pem] of pems.entries()) {
    let certificate: X509Certificate;
    try {
      certificate = new X509Certificate(pem);
    } catch (error) {
      throw new CertificateCheckError(
        `Certificate ${index + 1} of the bundle cannot be parsed (${(error as Error).message}).`,
      );
    }
    // The service may repeat the leaf or an intermediate in the chain: keep the first copy only.
    if (!parsed.some((seen) => seen.certificate.fingerprint256 === certificate.fingerprint256)) {
      parsed.push({ pem, certificate });
    }
  }
  return parsed;
}

function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  return child.checkIssued(parent) && child.verify(parent.publicKey);
}

/** Orders the other certificates from the leaf's issuer upwards; every one of them must be on that path. */
function buildChain(leaf: ParsedPem, others: ParsedPem[]): ParsedPem[] {
  const chain: ParsedPem[] = [];
  const remaining = [...others];
  let current = leaf;
  for (;;) {
    const parentIndex = remaining.findIndex((candidate) =>
      issuedBy(current.certificate, candidate.certificate),
    );
    const parent = remaining[parentIndex];
    if (parent === undefined) break;
    chain.push(parent);
    remaining.splice(parentIndex, 1);
    current = parent;
  }
  const stray = remaining[0];
  if (stray !== undefined) {
    throw new CertificateCheckError(
      `The certificate chain is broken: "${stray.certificate.subject.replace(/\n/g, ', ')}" is not in the chain ` +
        `of issuers of the leaf (the chain stops at "${current.certificate.issuer.replace(/\n/g, ', ')}").`,
    );
  }
  return chain;
}

/** One DER element at `offset`: where its content starts and where the element ends. */
function derElement(der: Buffer, offset: number): { content: number; end: number } {
  const first = der[offset + 1] ?? 0;
  let length = first;
  let content = offset + 2;
  if (first & 0x80) {
    const bytes = first & 0x7f;
    length = 0;
    for (let i = 0; i < bytes; i++) length = length * 256 + (der[content + i] ?? 0);
    content += bytes;
  }
  if (content + length <= der.length) return { content, end: content + length };
  throw new CertificateCheckError('The csr is not a readable PEM certificate request.');
}

/**
 * The CSR's public key as canonical SPKI DER: CertificationRequest → CertificationRequestInfo → (version, subject,
 * subjectPKInfo); the CSR's own checks (signature, key size) are core/csr.ts's, before any order.
 */
function csrPublicKey(pem: string): Buffer {
  const der = Buffer.from(CSR_BLOCK.exec(pem)?.[1]?.replace(/\s+/g, '') ?? '', 'base64');
  try {
    const info = derElement(der, derElement(der, 0).content);
    const version = derElement(der, info.content);
    const subject = derElement(der, version.end);
    const spki = derElement(der, subject.end);
    const key = createPublicKey({ key: der.subarray(subject.end, spki.end), format: 'der', type: 'spki' });
    return key.export({ type: 'spki', format: 'der' });
  } catch (error) {
    if (error instanceof CertificateCheckError) throw error;
    throw new CertificateCheckError('The csr is not a readable PEM certificate request.');
  }
}

function readPrivateKey(pem: string): { key: KeyObject; pem: string } {
  const match = PRIVATE_KEY_BLOCK.exec(pem);
  if (match !== null) {
    const rewrapped = rewrapPem(match[1] ?? '', match[2] ?? '');
    try {
      return { key: createPrivateKey(rewrapped), pem: rewrapped };
    } catch {
      // Reported below, in the same words as a missing block.
    }
  }
  throw new CertificateCheckError(
    'The private key is not a readable unencrypted PEM private key (PKCS#1, PKCS#8 or SEC1).',
  );
}

/** Checks what the service issued and splits it into leaf and chain; throws CertificateCheckError. */
export function checkIssuedCertificate(input: IssuedCertificateInput): CheckedCertificate {
  const bundle = parseBundle([
    ...splitPemBundle(input.certificatePem),
    ...splitPemBundle(input.chainPem ?? ''),
  ]);
  const coversAll = (candidate: ParsedPem) =>
    input.domains.every((domain) => certificateCovers(dnsNames(candidate.certificate), domain));
  const leaf = bundle.find(coversAll) ?? bundle[0];
  if (leaf === undefined) throw new CertificateCheckError('The service returned no PEM certificate.');
  const info = describeParsed(leaf.certificate);

  const uncovered = input.domains.filter((domain) => !certificateCovers(info.names, domain));
  if (uncovered.length > 0) {
    throw new CertificateCheckError(
      `The certificate names (${info.names.join(', ')}) do not cover the requested ${uncovered.join(', ')}.`,
    );
  }

  let privateKeyPem: string | undefined;
  if (input.privateKeyPem !== undefined) {
    const privateKey = readPrivateKey(input.privateKeyPem);
    if (!leaf.certificate.checkPrivateKey(privateKey.key)) {
      throw new CertificateCheckError("The private key does not match the certificate's public key.");
    }
    privateKeyPem = privateKey.pem;
  }
  if (input.csrPem !== undefined) {
    const leafKey = leaf.certificate.publicKey.export({ type: 'spki', format: 'der' });
    if (!leafKey.equals(csrPublicKey(input.csrPem))) {
      throw new CertificateCheckError(
        "The certificate's public key is not the one in the csr input, so your private key cannot use it; " +
          'refusing it (check the endpoint inputs: the service, or something in between, sent another key).',
      );
    }
  }

  const chain = buildChain(
    leaf,
    bundle.filter((entry) => entry !== leaf),
  );

  if (input.now < info.notBefore) {
    throw new CertificateCheckError(`The certificate is not valid until ${info.notBefore.toISOString()}.`);
  }
  if (input.now > info.notAfter) {
    throw new CertificateCheckError(`The certificate expired on ${info.notAfter.toISOString()}.`);
  }

  const chainPems = chain.map((entry) => entry.pem);
  const checked: CheckedCertificate = {
    leafPem: leaf.pem,
    chainPems,
    fullchainPem: [leaf.pem, ...chainPems].join(''),
    info,
  };
  if (privateKeyPem !== undefined) checked.privateKeyPem = privateKeyPem;
  return checked;
}

/**
 * The moment inside a certificate's validity nearest to `now`: a certificate read as it is (status, revoke, the
 * reuse check) has its chain judged there, so that only its dates are left to report, not to refuse.
 */
export function momentInsideValidity(info: Pick<CertificateInfo, 'notBefore' | 'notAfter'>, now: Date): Date {
  return new Date(Math.min(Math.max(now.getTime(), info.notBefore.getTime()), info.notAfter.getTime()));
}
