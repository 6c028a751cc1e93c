// The files under output-dir and the file set staged for an artifact: the artifact never holds the key in clear.
import { createPrivateKey } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa } from '../../emulator/ca.js';
import { type CheckedCertificate, checkIssuedCertificate } from '../../src/core/certificate.js';
import { ArtifactUploadError, deliverArtifact, uploadArtifact } from '../../src/deliver/artifact.js';
import {
  FILE_NAMES,
  type ProtectedKeyFiles,
  stageArtifactFiles,
  writeCertificateFiles,
} from '../../src/deliver/files.js';
import { protectPrivateKey } from '../../src/deliver/pfx.js';
import { clearKeyIn, secretNumbers } from '../support/key-bytes.js';

let work: string;
let cert: CheckedCertificate;
let withoutKey: CheckedCertificate;
let keys: ProtectedKeyFiles;

async function expectNoClearKey(dir: string, privateKeyPem: string): Promise<void> {
  expect(secretNumbers(privateKeyPem).length).toBeGreaterThan(0);
  for (const name of await readdir(dir)) {
    expect(clearKeyIn(await readFile(join(dir, name)), privateKeyPem), name).toBeUndefined();
  }
}

const mode = async (path: string) => (await stat(path)).mode & 0o777;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'delivery-files-'));
  const ca = await createTestCa({ commonName: 'Files' });
  const leaf = await ca.issueLeaf({ names: ['files.example.com'] });
  cert = checkIssuedCertificate({
    certificatePem: leaf.certificatePem,
    chainPem: leaf.chainPem,
    privateKeyPem: leaf.privateKeyPem,
    domains: ['files.example.com'],
    now: new Date(),
  });
  const { privateKeyPem: _, ...rest } = cert;
  withoutKey = rest;
  keys = await protectPrivateKey(cert, {
    privateKeyPassphrase: 'a passphrase, long',
    pfxPassword: 'a pfx password, long',
  });
});
afterAll(() => rm(work, { recursive: true, force: true }));

describe('the clear-key detector these tests rely on', () => {
  it('finds the key as PEM, as DER, and inside a PEM block of any label', () => {
    const pem = cert.privateKeyPem ?? '';
    const key = createPrivateKey(pem);
    expect(clearKeyIn(Buffer.from(pem), pem)).toBe('an unencrypted PEM key');
    expect(clearKeyIn(key.export({ type: 'pkcs8', format: 'der' }), pem)).toBe("the key's secret numbers");
    const relabelled = pem.replace(/RSA PRIVATE KEY/g, 'SOMETHING ELSE');
    expect(clearKeyIn(Buffer.from(`text before\n${relabelled}`), pem)).toBe("the key's secret numbers");
    expect(clearKeyIn(Buffer.from(cert.fullchainPem), pem)).toBeUndefined();
    expect(clearKeyIn(Buffer.from(keys.encryptedPrivateKeyPem ?? ''), pem)).toBeUndefined();
  });
});

describe('stageArtifactFiles', () => {
  it('stages the certificates and the key only encrypted, in a folder of their own', async () => {
    const staged = await stageArtifactFiles(cert, keys, work);
    expect(staged.dir.startsWith(join(work, 'certificate-artifact-'))).toBe(true);
    const names = [
      FILE_NAMES.certificate,
      FILE_NAMES.chain,
      FILE_NAMES.fullchain,
      FILE_NAMES.encryptedPrivateKey,
      FILE_NAMES.pfx,
    ];
    expect(staged.files).toEqual(names.map((name) => join(staged.dir, name)));
    expect((await readdir(staged.dir)).sort()).toEqual([...names].sort());
    expect(names).not.toContain('privkey.pem');
    await expectNoClearKey(staged.dir, cert.privateKeyPem ?? '');

    expect(await readFile(join(staged.dir, 'fullchain.pem'), 'utf8')).toBe(cert.fullchainPem);
    expect(await readFile(join(staged.dir, 'privkey.encrypted.pem'), 'utf8')).toBe(
      keys.encryptedPrivateKeyPem,
    );
    expect(await readFile(join(staged.dir, 'cert.pfx'))).toEqual(keys.pfx);
    expect(await mode(join(staged.dir, 'privkey.encrypted.pem'))).toBe(0o600);
    expect(await mode(join(staged.dir, 'cert.pfx'))).toBe(0o600);
  });

  it('stages only the forms asked for', async () => {
    const pemOnly = await stageArtifactFiles(
      cert,
      { encryptedPrivateKeyPem: keys.encryptedPrivateKeyPem },
      work,
    );
    expect((await readdir(pemOnly.dir)).sort()).toEqual([
      'cert.pem',
      'chain.pem',
      'fullchain.pem',
      'privkey.encrypted.pem',
    ]);
    await expectNoClearKey(pemOnly.dir, cert.privateKeyPem ?? '');
    const pfxOnly = await stageArtifactFiles(cert, { pfx: keys.pfx }, work);
    expect((await readdir(pfxOnly.dir)).sort()).toEqual([
      'cert.pem',
      'cert.pfx',
      'chain.pem',
      'fullchain.pem',
    ]);
    await expectNoClearKey(pfxOnly.dir, cert.privateKeyPem ?? '');
  });

  it('stages no clear key even when the certificate holds one and no encrypted form was made', async () => {
    const staged = await stageArtifactFiles(cert, {}, work);
    expect((await readdir(staged.dir)).sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem']);
    await expectNoClearKey(staged.dir, cert.privateKeyPem ?? '');
  });
});

describe('writeCertificateFiles', () => {
  it('writes privkey.pem and, when made, privkey.encrypted.pem and cert.pfx, all 0600', async () => {
    const dir = join(work, 'out');
    const outputs = await writeCertificateFiles(dir, cert, keys);
    expect(outputs).toEqual({
      'certificate-file': join(dir, 'cert.pem'),
      'chain-file': join(dir, 'chain.pem'),
      'fullchain-file': join(dir, 'fullchain.pem'),
      'private-key-file': join(dir, 'privkey.pem'),
      'pfx-file': join(dir, 'cert.pfx'),
    });
    expect((await readdir(dir)).sort()).toEqual([
      'cert.pem',
      'cert.pfx',
      'chain.pem',
      'fullchain.pem',
      'privkey.encrypted.pem',
      'privkey.pem',
    ]);
    for (const name of ['privkey.pem', 'privkey.encrypted.pem', 'cert.pfx']) {
      expect(await mode(join(dir, name)), name).toBe(0o600);
    }
    expect(await readFile(join(dir, 'privkey.pem'), 'utf8')).toBe(cert.privateKeyPem);
  });

  it('writes only the certificates for a certificate without a key (csr)', async () => {
    const dir = join(work, 'csr-out');
    const outputs = await writeCertificateFiles(dir, withoutKey);
    expect(Object.keys(outputs).sort()).toEqual(['certificate-file', 'chain-file', 'fullchain-file']);
    expect((await readdir(dir)).sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem']);
  });
});

describe('deliverArtifact and uploadArtifact', () => {
  it('refuses a key without an encrypted form before staging anything', async () => {
    const parent = join(work, 'refuse');
    await expect(deliverArtifact('certs', cert, {}, 0, { RUNNER_TEMP: parent })).rejects.toThrow(
      new ArtifactUploadError(
        'artifact-name needs private-key-passphrase or pfx-password: the private key goes into an artifact ' +
          'only encrypted, never in clear.',
      ),
    );
    expect(existsSync(parent)).toBe(false);
  });

  it.skipIf(Boolean(process.env.ACTIONS_RUNTIME_TOKEN))(
    'says clearly that the artifact service is missing (as the real library finds), and cleans up',
    async () => {
      const staged = await stageArtifactFiles(withoutKey, {}, work);
      const upload = uploadArtifact('certs', staged, 0, {});
      await expect(upload).rejects.toBeInstanceOf(ArtifactUploadError);
      await expect(upload).rejects.toThrow(
        /^artifact-name needs the GitHub Actions artifact service, which this run does not have \(ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set\)/,
      );
      expect(existsSync(staged.dir)).toBe(false);
    },
  );
});
