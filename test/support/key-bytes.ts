// Finds a private key in files "in clear": its secret numbers as raw bytes, in binary files or inside any PEM
// block of a text file. Public parts (the modulus, also in the certificate) are deliberately not looked for.
import { createPrivateKey } from 'node:crypto';

/** The secret numbers of a key (RSA: d, p, q; EC: d), big-endian bytes as DER carries them. */
export function secretNumbers(privateKeyPem: string): Buffer[] {
  const jwk = createPrivateKey(privateKeyPem).export({ format: 'jwk' });
  return [jwk.d, jwk.p, jwk.q]
    .filter((value): value is string => typeof value === 'string')
    .map((value) => Buffer.from(value, 'base64url'));
}

/** The bytes to search: the file itself, and the decoded body of every PEM block in it. */
function searchableForms(bytes: Buffer): Buffer[] {
  const text = bytes.toString('latin1');
  const blocks = [...text.matchAll(/-----BEGIN [A-Z0-9 ]+-----([\s\S]*?)-----END [A-Z0-9 ]+-----/g)];
  return [bytes, ...blocks.map((block) => Buffer.from((block[1] ?? '').replace(/\s+/g, ''), 'base64'))];
}

/** Why `bytes` holds the key in clear, or undefined when it does not. */
export function clearKeyIn(bytes: Buffer, privateKeyPem: string): string | undefined {
  if (/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(bytes.toString('latin1')))
    return 'an unencrypted PEM key';
  const secrets = secretNumbers(privateKeyPem);
  for (const form of searchableForms(bytes)) {
    if (secrets.some((secret) => form.includes(secret))) return "the key's secret numbers";
  }
  return undefined;
}
