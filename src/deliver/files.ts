// output-dir: the files web servers expect, the key readable by its owner only.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { CheckedCertificate } from '../certificate.js';

/** Writes cert.pem, chain.pem, fullchain.pem and privkey.pem (0600); returns the file outputs. */
export async function writeCertificateFiles(
  dir: string,
  cert: CheckedCertificate,
): Promise<Record<string, string>> {
  const root = resolve(dir);
  await mkdir(root, { recursive: true });
  const path = (name: string) => join(root, name);
  await writeFile(path('cert.pem'), cert.leafPem);
  await writeFile(path('chain.pem'), cert.chainPems.join(''));
  await writeFile(path('fullchain.pem'), cert.fullchainPem);
  const files: Record<string, string> = {
    'certificate-file': path('cert.pem'),
    'fullchain-file': path('fullchain.pem'),
  };
  if (cert.privateKeyPem) {
    // Created with 0600 and chmod-ed again, in case the file existed with wider permissions.
    await writeFile(path('privkey.pem'), cert.privateKeyPem, { mode: 0o600 });
    await chmod(path('privkey.pem'), 0o600);
    files['private-key-file'] = path('privkey.pem');
  }
  return files;
}
