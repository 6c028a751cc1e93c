// Reading a user's CSR: its names and key. The X.509 library is loaded only on this path.
import { checkDomain, normaliseDomain } from './domains.js';

export interface CsrSummary {
  names: string[];
  keyAlgorithm: string;
  rsaBits?: number;
}

/** Parses and verifies the CSR's self-signature; returns a problem sentence instead of throwing. */
export async function inspectCsr(pem: string): Promise<CsrSummary | string> {
  // @peculiar/x509 resolves its services through tsyringe, which needs the reflect-metadata polyfill first.
  await import('reflect-metadata');
  const x509 = await import('@peculiar/x509');
  const { webcrypto } = await import('node:crypto');
  x509.cryptoProvider.set(webcrypto as Crypto);
  let csr: InstanceType<typeof x509.Pkcs10CertificateRequest>;
  try {
    csr = new x509.Pkcs10CertificateRequest(pem.trim());
  } catch {
    return 'is not a readable PEM certificate request';
  }
  if (!(await csr.verify())) return 'has a signature that does not verify';
  const commonNames = csr.subjectName.getField('CN');
  const sanExtension = csr.getExtension('2.5.29.17');
  const san = sanExtension ? new x509.SubjectAlternativeNameExtension(sanExtension.rawData) : undefined;
  const sanNames = san?.names.items.filter((n) => n.type === 'dns').map((n) => n.value) ?? [];
  const names = [...new Set([...commonNames, ...sanNames].map(normaliseDomain))];
  if (names.length === 0) return 'names no domain (no CN and no DNS subject alternative name)';
  const bad = names.find((n) => checkDomain(n));
  if (bad) return `names '${bad}': ${checkDomain(bad)}`;
  const algorithm = csr.publicKey.algorithm as { name: string; modulusLength?: number };
  if (algorithm.name.startsWith('RSA') && (algorithm.modulusLength ?? 0) < 2048) {
    return `has an RSA key of ${algorithm.modulusLength} bits; the service needs at least 2048`;
  }
  return { names, keyAlgorithm: algorithm.name, rsaBits: algorithm.modulusLength };
}
