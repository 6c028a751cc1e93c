// Delivery end to end: cert.pfx and the encrypted key under output-dir, and artifacts (with no artifact service,
// and with a local stand-in for it), as `node dist/index.js` runs against the emulator.
import { execFileSync, spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCsr } from '../../emulator/ca.js';
import {
  type FakeArtifactService,
  readZip,
  startFakeArtifactService,
} from '../support/fake-artifact-service.js';
import {
  createEmulator,
  createValidationRecordsByHand,
  type Emulator,
  emulatorInputs,
  expectDeliveredCertificate,
  expectNoSecretsLeaked,
} from '../support/fixtures.js';
import { clearKeyIn, secretNumbers } from '../support/key-bytes.js';
import { type ActionRun, runAction } from '../support/run-action.js';

const PFX_PASSWORD = 'pfx-Pa55word!';
const KEY_PASSPHRASE = 'key-Pa55phrase!';

let emulator: Emulator;
let counter = 0;
const manual = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'dns-provider': 'manual', ...extra });
/** A fresh domain per test, so that no run reuses another's certificate. */
const freshDomain = (label: string) => `${label}-${++counter}.example.com`;

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
beforeEach(() => {
  emulator.faults.clear();
  emulator.calls.length = 0;
});
afterAll(async () => {
  await emulator.close();
});

/** Runs openssl with a password in an environment variable (never on the command line). */
function openssl(args: string[], password = ''): string {
  return execFileSync('openssl', args, {
    env: { PATH: process.env.PATH ?? '', PASS: password },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}
const publicKeyOfKeyFile = (path: string, password = '') =>
  openssl(['pkey', '-pubout', '-in', path, '-passin', 'env:PASS'], password);
const publicKeyOfCertificateFile = (path: string) => openssl(['x509', '-pubkey', '-noout', '-in', path]);

/** Opens cert.pfx with openssl: the public key of its key, and its certificates' public keys and subjects. */
function openPfx(path: string, password: string): { keyPublic: string; certificates: string; info: string } {
  const keyPem = openssl(['pkcs12', '-in', path, '-passin', 'env:PASS', '-nocerts', '-nodes'], password);
  const keyPublic = execFileSync('openssl', ['pkey', '-pubout'], { input: keyPem, encoding: 'utf8' });
  const certificates = openssl(['pkcs12', '-in', path, '-passin', 'env:PASS', '-nokeys'], password);
  const report = spawnSync('openssl', ['pkcs12', '-in', path, '-passin', 'env:PASS', '-info', '-noout'], {
    env: { PATH: process.env.PATH ?? '', PASS: password },
    encoding: 'utf8',
  });
  return { keyPublic, certificates, info: `${report.stderr}${report.stdout}` };
}

/** Neither password may appear in the logs, the summary or the state; both are registered as secrets. */
function expectPasswordsMasked(run: ActionRun): void {
  const masks = run.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
  expect(masks).toContain(`::add-mask::${PFX_PASSWORD}`);
  expect(masks).toContain(`::add-mask::${KEY_PASSPHRASE}`);
  const logs = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  for (const text of [logs, run.stderr, run.files.summary, run.files.state, run.files.output]) {
    expect(text).not.toContain(PFX_PASSWORD);
    expect(text).not.toContain(KEY_PASSPHRASE);
  }
}

async function issueWith(extra: Record<string, string>, options: { env?: Record<string, string> } = {}) {
  const domain = freshDomain(extra.label ?? 'delivery');
  const { label: _, ...inputs } = extra;
  const run = await runAction(manual({ domains: domain, ...inputs }), {
    ...options,
    whileRunning: () => createValidationRecordsByHand(emulator, [domain]),
  });
  return { run, domain };
}

describe('output-dir with pfx-password and private-key-passphrase', () => {
  it('writes cert.pfx and privkey.encrypted.pem that openssl opens to the same key and certificate', async () => {
    const { run, domain } = await issueWith({
      label: 'pfx',
      'output-dir': 'certs',
      'pfx-password': PFX_PASSWORD,
      'private-key-passphrase': KEY_PASSPHRASE,
    });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expectDeliveredCertificate(run, emulator, [domain]);
    const dir = join(run.workDir, 'certs');
    expect(run.outputs['pfx-file']).toBe(join(dir, 'cert.pfx'));
    for (const name of ['privkey.pem', 'privkey.encrypted.pem', 'cert.pfx']) {
      expect((await stat(join(dir, name))).mode & 0o777, name).toBe(0o600);
    }

    const certPublic = publicKeyOfCertificateFile(join(dir, 'cert.pem'));
    expect(publicKeyOfKeyFile(join(dir, 'privkey.pem'))).toBe(certPublic);
    // The encrypted PEM: the same key, behind the passphrase.
    const encrypted = await readFile(join(dir, 'privkey.encrypted.pem'), 'utf8');
    expect(encrypted).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    expect(publicKeyOfKeyFile(join(dir, 'privkey.encrypted.pem'), KEY_PASSPHRASE)).toBe(certPublic);
    expect(() => publicKeyOfKeyFile(join(dir, 'privkey.encrypted.pem'), 'wrong')).toThrow();
    // The .pfx: the same key, and the leaf then the intermediate, behind the password.
    const pfx = openPfx(join(dir, 'cert.pfx'), PFX_PASSWORD);
    expect(pfx.keyPublic).toBe(certPublic);
    const inPfx =
      pfx.certificates.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
    expect(inPfx.map((pem) => new X509Certificate(pem).fingerprint256)).toEqual(
      [run.outputs.certificate ?? '', emulator.ca.intermediatePem].map(
        (pem) => new X509Certificate(pem).fingerprint256,
      ),
    );
    expect(pfx.info).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC/);
    const modulus = (args: string[]) => openssl([...args, '-modulus', '-noout'], KEY_PASSPHRASE);
    expect(modulus(['rsa', '-in', join(dir, 'privkey.encrypted.pem'), '-passin', 'env:PASS'])).toBe(
      modulus(['x509', '-in', join(dir, 'cert.pem')]),
    );

    expectPasswordsMasked(run);
    expectNoSecretsLeaked(run, run.outputs['private-key']);
    expect(await readFile(join(dir, 'privkey.pem'), 'utf8')).toBe(run.outputs['private-key']);
  });

  it('warns that pfx-password does nothing for a csr (no key), and writes no cert.pfx', async () => {
    const domain = freshDomain('csr');
    const { csrPem } = await createCsr({ names: [domain] });
    const run = await runAction(
      manual({ csr: csrPem, 'output-dir': 'certs', 'pfx-password': PFX_PASSWORD }),
      { whileRunning: () => createValidationRecordsByHand(emulator, [domain]) },
    );
    expect(run.exitCode).toBe(0);
    expect(run.outputs['pfx-file']).toBeUndefined();
    expect(run.stdout).toContain(
      '::warning::pfx-password is ignored: this certificate comes without a private key (csr), so no cert.pfx.',
    );
    await expect(stat(join(run.workDir, 'certs', 'cert.pfx'))).rejects.toThrow(/ENOENT/);
  });
});

describe('artifact-name', () => {
  it('refuses artifact-name without a passphrase before any call', async () => {
    const run = await runAction(manual({ domains: freshDomain('nopass'), 'artifact-name': 'certs' }));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "::error::Alibaba Cloud SSL certificate: input 'artifact-name' needs private-key-passphrase or pfx-password",
    );
    expect(emulator.calls).toHaveLength(0);
  });

  it('without the artifact service (a shell), delivers outputs and files first, then fails clearly', async () => {
    const { run, domain } = await issueWith({
      label: 'noservice',
      'output-dir': 'certs',
      'private-key-passphrase': KEY_PASSPHRASE,
      'artifact-name': 'certificate',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      '::error::Alibaba Cloud SSL certificate: artifact-name needs the GitHub Actions artifact service, which ' +
        'this run does not have (ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL not set)',
    );
    // Nothing is lost: the certificate, its key and the files were delivered before the failure.
    expect(run.outputs.status).toBe('issued');
    expectDeliveredCertificate(run, emulator, [domain]);
    expect(run.outputs['private-key']).toContain('PRIVATE KEY');
    expect(await readFile(join(run.workDir, 'certs', 'fullchain.pem'), 'utf8')).toBe(run.outputs.fullchain);
    expect(run.summary).toContain(run.outputs['order-id']);
    expect(run.stdout.indexOf('::error::')).toBeGreaterThan(run.stdout.indexOf('issued: order'));
  });

  describe('with a local stand-in for the artifact service', () => {
    let service: FakeArtifactService;
    beforeAll(async () => {
      service = await startFakeArtifactService();
    });
    afterAll(async () => {
      await service.close();
    });

    it('uploads cert.pem, chain.pem, fullchain.pem and the key only encrypted, never in clear', async () => {
      const { run } = await issueWith(
        {
          label: 'artifact',
          'pfx-password': PFX_PASSWORD,
          'private-key-passphrase': KEY_PASSPHRASE,
          'artifact-name': 'certificate-files',
          'artifact-retention-days': '5',
        },
        { env: service.env },
      );
      expect(run.exitCode).toBe(0);
      const artifact = service.artifacts.find((a) => a.name === 'certificate-files');
      expect(artifact?.finalized).toBe(true);
      // artifact-retention-days reaches the service as the expiry date.
      const days = (Date.parse(artifact?.expiresAt ?? '') - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(4.9);
      expect(days).toBeLessThanOrEqual(5);
      expect(run.stdout).toContain(
        `Uploaded artifact certificate-files (artifact id ${artifact?.id}): cert.pem, chain.pem, ` +
          'fullchain.pem, privkey.encrypted.pem, cert.pfx.',
      );
      expect(run.summary).toContain('Artifact `certificate-files`');

      const entries = readZip(artifact?.zip ?? Buffer.alloc(0));
      expect([...entries.keys()].sort()).toEqual([
        'cert.pem',
        'cert.pfx',
        'chain.pem',
        'fullchain.pem',
        'privkey.encrypted.pem',
      ]);
      expect(entries.get('fullchain.pem')?.toString('utf8')).toBe(run.outputs.fullchain);
      expect(entries.get('cert.pem')?.toString('utf8')).toBe(run.outputs.certificate);
      // The key is in none of the files in clear: no clear PEM key, nor its secret numbers in any form.
      const clearKey = run.outputs['private-key'] ?? '';
      expect(secretNumbers(clearKey)).toHaveLength(3);
      for (const [name, bytes] of entries) expect(clearKeyIn(bytes, clearKey), name).toBeUndefined();
      // And the encrypted forms open to the key of the certificate.
      const dir = run.workDir;
      await writeFile(join(dir, 'from-artifact.pfx'), entries.get('cert.pfx') ?? Buffer.alloc(0));
      await writeFile(
        join(dir, 'from-artifact.key'),
        entries.get('privkey.encrypted.pem') ?? Buffer.alloc(0),
      );
      await writeFile(join(dir, 'from-artifact.crt'), entries.get('cert.pem') ?? Buffer.alloc(0));
      const certPublic = publicKeyOfCertificateFile(join(dir, 'from-artifact.crt'));
      expect(openPfx(join(dir, 'from-artifact.pfx'), PFX_PASSWORD).keyPublic).toBe(certPublic);
      expect(publicKeyOfKeyFile(join(dir, 'from-artifact.key'), KEY_PASSPHRASE)).toBe(certPublic);
      expectPasswordsMasked(run);
    });
  });
});
