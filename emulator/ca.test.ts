import { execFileSync } from 'node:child_process';
import { createPrivateKey, createPublicKey, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCsr, createTestCa, parseCsr, type TestCa } from './ca.js';

function hasOpenssl(): boolean {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

describe('test CA', () => {
  let ca: TestCa;
  beforeAll(async () => {
    ca = await createTestCa({ commonName: 'Unit' });
  });

  it('issues a leaf with a generated PKCS#1 key that chains to the root', async () => {
    const leaf = await ca.issueLeaf({ names: ['example.com', 'www.example.com'] });
    expect(leaf.privateKeyPem).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    const cert = new X509Certificate(leaf.certificatePem);
    const intermediate = new X509Certificate(leaf.chainPem);
    const root = new X509Certificate(ca.rootPem);
    expect(cert.verify(intermediate.publicKey)).toBe(true);
    expect(cert.checkIssued(intermediate)).toBe(true);
    expect(intermediate.verify(root.publicKey)).toBe(true);
    expect(intermediate.ca).toBe(true);
    expect(cert.ca).toBe(false);
    expect(cert.subject).toBe('CN=example.com');
    expect(cert.subjectAltName).toBe('DNS:example.com, DNS:www.example.com');
    expect(cert.checkPrivateKey(createPrivateKey(leaf.privateKeyPem ?? ''))).toBe(true);
    const lifetimeDays = (Date.parse(cert.validTo) - Date.parse(cert.validFrom)) / 86_400_000;
    expect(Math.round(lifetimeDays)).toBe(90);

    if (hasOpenssl()) {
      const dir = mkdtempSync(join(tmpdir(), 'ca-test-'));
      try {
        writeFileSync(join(dir, 'root.pem'), ca.rootPem);
        writeFileSync(join(dir, 'int.pem'), leaf.chainPem);
        writeFileSync(join(dir, 'leaf.pem'), leaf.certificatePem);
        const out = execFileSync('openssl', [
          'verify',
          '-purpose',
          'sslserver',
          '-CAfile',
          join(dir, 'root.pem'),
          '-untrusted',
          join(dir, 'int.pem'),
          join(dir, 'leaf.pem'),
        ]).toString();
        expect(out).toContain(': OK');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });

  it('generates a fresh key per leaf unless recycling is allowed', async () => {
    const a = await ca.issueLeaf({ names: ['a.example.com'] });
    const b = await ca.issueLeaf({ names: ['b.example.com'] });
    expect(a.privateKeyPem).not.toBe(b.privateKeyPem);
    const recycled = await Promise.all(
      [1, 2, 3, 4, 5, 6].map((n) => ca.issueLeaf({ names: [`r${n}.example.com`], recycleKey: true })),
    );
    expect(new Set(recycled.map((leaf) => leaf.privateKeyPem)).size).toBeLessThanOrEqual(4);
    for (const leaf of recycled) {
      expect(
        new X509Certificate(leaf.certificatePem).checkPrivateKey(createPrivateKey(leaf.privateKeyPem ?? '')),
      ).toBe(true);
    }
  });

  it('can use RSA keys for the CA too', async () => {
    const rsaCa = await createTestCa({ caKeyType: 'rsa' });
    const leaf = await rsaCa.issueLeaf({ names: ['rsa.example.com'], recycleKey: true });
    const cert = new X509Certificate(leaf.certificatePem);
    expect(cert.verify(new X509Certificate(leaf.chainPem).publicKey)).toBe(true);
    expect(new X509Certificate(rsaCa.rootPem).publicKey.asymmetricKeyType).toBe('rsa');
  });

  it('issues for a CSR key (wildcard, EC) without returning a key, honouring dates', async () => {
    const csr = await createCsr({ names: ['*.example.org', 'example.org', '*.example.org'], keyType: 'ec' });
    const parsed = await parseCsr(csr.csrPem);
    expect(parsed).toMatchObject({
      commonName: '*.example.org',
      names: ['*.example.org', 'example.org'],
      keyAlgorithm: 'EC',
    });
    const notAfter = new Date(Date.now() + 5 * 86_400_000);
    const leaf = await ca.issueLeaf({ names: parsed.names, publicKeyPem: parsed.publicKeyPem, notAfter });
    expect(leaf.privateKeyPem).toBeUndefined();
    const cert = new X509Certificate(leaf.certificatePem);
    expect(cert.publicKey.equals(createPublicKey(createPrivateKey(csr.privateKeyPem)))).toBe(true);
    expect(Math.abs(Date.parse(cert.validTo) - notAfter.getTime())).toBeLessThan(1000);
  });

  it('parses RSA CSRs and rejects garbage and tampered signatures', async () => {
    const csr = await createCsr({ names: ['a.example.com'] });
    expect(csr.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n/);
    await expect(parseCsr(csr.csrPem)).resolves.toMatchObject({ keyAlgorithm: 'RSA', rsaBits: 2048 });
    await expect(parseCsr('not a csr')).rejects.toThrow(Error);
    const body = csr.csrPem
      .split('\n')
      .filter((line) => !line.startsWith('-----'))
      .join('');
    const der = Buffer.from(body, 'base64');
    der[der.length - 5] = (der[der.length - 5] ?? 0) ^ 0xff; // flip a signature byte
    const tampered = `-----BEGIN CERTIFICATE REQUEST-----\n${der.toString('base64')}\n-----END CERTIFICATE REQUEST-----`;
    await expect(parseCsr(tampered)).rejects.toThrow(/signature/);
  });
});
