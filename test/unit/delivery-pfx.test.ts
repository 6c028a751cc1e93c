// cert.pfx and the encrypted PEM key, opened with the openssl CLI: the same key and certificates come out.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCa, type TestCa } from '../../emulator/ca.js';
import { type CheckedCertificate, checkIssuedCertificate } from '../../src/core/certificate.js';
import { encryptPrivateKeyPem, rehashSha256 } from '../../src/deliver/key-derivation.js';
import { createPfx, protectPrivateKey, unusedKeyInputs } from '../../src/deliver/pfx.js';
import { privateKeyLines } from '../support/run-action.js';

let ca: TestCa;
let rsa: CheckedCertificate;
let work: string;

/** Runs openssl with the password in an environment variable (never on the command line). */
function openssl(args: string[], password?: string): string {
  return execFileSync('openssl', args, {
    env: { PATH: process.env.PATH ?? '', PASS: password ?? '' },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** openssl's report (`pkcs12 -info` writes it to stderr), stdout and stderr together. */
function opensslReport(args: string[], password: string): string {
  const run = spawnSync('openssl', args, {
    env: { PATH: process.env.PATH ?? '', PASS: password },
    encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`openssl ${args[0]} failed: ${run.stderr}`);
  return `${run.stderr}${run.stdout}`;
}

function writeTemp(name: string, data: string | Buffer): string {
  const path = join(work, name);
  writeFileSync(path, data);
  return path;
}

/** SubjectPublicKeyInfo PEM, as openssl prints it. */
function publicKeyOfKey(keyPem: string): string {
  return openssl(['pkey', '-pubout', '-in', writeTemp('key-for-pub.pem', keyPem)]);
}
function publicKeyOfCertificate(certPem: string): string {
  return openssl(['x509', '-pubkey', '-noout', '-in', writeTemp('cert-for-pub.pem', certPem)]);
}
const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

async function issue(names: string[], publicKeyPem?: string, privateKeyPem?: string) {
  const leaf = await ca.issueLeaf({ names, ...(publicKeyPem ? { publicKeyPem } : {}) });
  return checkIssuedCertificate({
    certificatePem: leaf.certificatePem,
    chainPem: leaf.chainPem,
    privateKeyPem: privateKeyPem ?? leaf.privateKeyPem,
    domains: names,
    now: new Date(),
  });
}

/** Opens a .pfx with openssl: its key (as PKCS#8 PEM) and its certificates, leaf first. */
function openPfx(pfx: Buffer, password: string): { keyPem: string; certificatePems: string[]; info: string } {
  const path = writeTemp('cert.pfx', pfx);
  const keyPem = openssl(['pkcs12', '-in', path, '-passin', 'env:PASS', '-nocerts', '-nodes'], password);
  const certs = openssl(['pkcs12', '-in', path, '-passin', 'env:PASS', '-nokeys'], password);
  const info = opensslReport(['pkcs12', '-in', path, '-passin', 'env:PASS', '-info', '-nokeys'], password);
  const certificatePems =
    certs.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----\n/g) ?? [];
  const key = /-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----\n/.exec(keyPem)?.[0] ?? '';
  return { keyPem: key, certificatePems, info: `${info}${certs}` };
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'delivery-pfx-'));
  ca = await createTestCa({ commonName: 'Pfx' });
  rsa = await issue(['pfx.example.com', 'www.pfx.example.com']);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('createPfx', () => {
  it('holds the key and the chain, leaf first, readable by openssl with the password', async () => {
    const pfx = await createPfx(rsa, 'pfx secret, long');
    const opened = openPfx(pfx, 'pfx secret, long');
    expect(publicKeyOfKey(opened.keyPem)).toBe(publicKeyOfKey(rsa.privateKeyPem ?? ''));
    expect(publicKeyOfKey(opened.keyPem)).toBe(publicKeyOfCertificate(rsa.leafPem));
    expect(opened.certificatePems.map(fingerprint)).toEqual([rsa.leafPem, ...rsa.chainPems].map(fingerprint));
    // The same RSA key: the moduli agree too.
    const modulus = (args: string[], pem: string) =>
      openssl([...args, '-modulus', '-noout', '-in', writeTemp('modulus.pem', pem)]);
    expect(modulus(['rsa'], opened.keyPem)).toBe(modulus(['x509'], rsa.leafPem));
  });

  it('encrypts key and certificates with PBES2/AES-256 and protects the whole with an HMAC-SHA256', async () => {
    const { info } = openPfx(await createPfx(rsa, 'pfx secret, long'), 'pfx secret, long');
    expect(info).toContain('MAC: sha256, Iteration 600000');
    expect(info).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/);
    expect(info).toMatch(
      /PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/,
    );
    // The leaf is named and paired with the key, as Windows and Java keystores expect.
    expect(info).toContain('friendlyName: pfx.example.com');
    expect(info).toMatch(/localKeyID: [0-9A-F ]+/);
  });

  it('does not open with a wrong password', async () => {
    const pfx = await createPfx(rsa, 'the right password');
    expect(() => openPfx(pfx, 'the wrong password')).toThrow(/mac verify failure|invalid password/i);
  });

  it('takes an EC key too, and a password with non-ASCII characters', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const ecKeyPem = privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    const ec = await issue(
      ['ec.example.com'],
      publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      ecKeyPem,
    );
    const opened = openPfx(await createPfx(ec, 'pässwörd-密码'), 'pässwörd-密码');
    expect(publicKeyOfKey(opened.keyPem)).toBe(publicKeyOfCertificate(ec.leafPem));
    expect(opened.certificatePems.map(fingerprint)).toEqual([ec.leafPem, ...ec.chainPems].map(fingerprint));
  });

  it('refuses a certificate without its key', async () => {
    const { privateKeyPem: _, ...withoutKey } = rsa;
    await expect(createPfx(withoutKey, 'any password, long')).rejects.toThrow(/needs the private key/);
  });
});

describe('encryptPrivateKeyPem', () => {
  it('gives encrypted PKCS#8 PEM that openssl opens with the passphrase to the same key', async () => {
    const encrypted = await encryptPrivateKeyPem(rsa.privateKeyPem ?? '', 'key passphrase, long');
    expect(encrypted).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----\n/);
    const path = writeTemp('privkey.encrypted.pem', encrypted);
    const decrypted = openssl(['pkey', '-in', path, '-passin', 'env:PASS'], 'key passphrase, long');
    expect(publicKeyOfKey(decrypted)).toBe(publicKeyOfCertificate(rsa.leafPem));
    const modulus = openssl(
      ['rsa', '-in', path, '-passin', 'env:PASS', '-modulus', '-noout'],
      'key passphrase, long',
    );
    expect(modulus).toBe(openssl(['x509', '-modulus', '-noout', '-in', writeTemp('leaf.pem', rsa.leafPem)]));
    const details = openssl(['asn1parse', '-in', path]);
    expect(details).toContain('aes-256-cbc');
    // PBKDF2-HMAC-SHA256 at 600000 (0x927C0) rounds; Node reads it too.
    expect(details).toContain(':hmacWithSHA256');
    expect(details).toMatch(/INTEGER\s+:0927C0/);
    const reread = createPrivateKey({ key: encrypted, passphrase: 'key passphrase, long' });
    expect(reread.export({ type: 'pkcs8', format: 'pem' })).toBe(
      createPrivateKey(rsa.privateKeyPem ?? '').export({ type: 'pkcs8', format: 'pem' }),
    );
    expect(() => openssl(['pkey', '-in', path, '-passin', 'env:PASS'], 'wrong')).toThrow();
    // No line of the clear key, as the service gave it (PKCS#1) or as PKCS#8, appears in it.
    const clearPkcs8 = createPrivateKey(rsa.privateKeyPem ?? '').export({ type: 'pkcs8', format: 'pem' });
    for (const line of [
      ...privateKeyLines(rsa.privateKeyPem ?? ''),
      ...privateKeyLines(String(clearPkcs8)),
    ]) {
      expect(encrypted).not.toContain(line);
    }
  });
});

describe('protectPrivateKey', () => {
  it('makes only the forms asked for, and none without a key', async () => {
    expect(await protectPrivateKey(rsa, {})).toEqual({});
    const onlyPem = await protectPrivateKey(rsa, { privateKeyPassphrase: 'passphrase, long' });
    expect(Object.keys(onlyPem)).toEqual(['encryptedPrivateKeyPem']);
    const both = await protectPrivateKey(rsa, {
      privateKeyPassphrase: 'passphrase, long',
      pfxPassword: 'pfx password, long',
    });
    expect(Object.keys(both).sort()).toEqual(['encryptedPrivateKeyPem', 'pfx']);
    const { privateKeyPem: _, ...csrIssued } = rsa;
    expect(
      await protectPrivateKey(csrIssued, {
        privateKeyPassphrase: 'passphrase, long',
        pfxPassword: 'pfx password, long',
      }),
    ).toEqual({});
  });
});

describe('unusedKeyInputs', () => {
  it('warns about a password that can do nothing: no key (csr), or no file to write', () => {
    const both = { pfxPassword: 'pfx password, long', privateKeyPassphrase: 'passphrase, long' };
    expect(unusedKeyInputs(rsa, both, true)).toEqual([]);
    expect(unusedKeyInputs(rsa, {}, false)).toEqual([]);
    expect(unusedKeyInputs(rsa, both, false)).toEqual([
      'pfx-password is ignored without output-dir or artifact-name: no cert.pfx is written.',
      'private-key-passphrase is ignored without output-dir or artifact-name: no privkey.encrypted.pem is written.',
    ]);
    const { privateKeyPem: _, ...csrIssued } = rsa;
    expect(unusedKeyInputs(csrIssued, { privateKeyPassphrase: 'passphrase, long' }, true)).toEqual([
      'private-key-passphrase is ignored: this certificate comes without a private key (csr), so no privkey.encrypted.pem.',
    ]);
  });
});

describe('rehashSha256', () => {
  it('is SHA-256 applied again and again, as createHash computes it', () => {
    let expected = createHash('sha256').update('seed').digest();
    const seed = expected;
    for (let round = 1; round <= 1000; round++) {
      expected = createHash('sha256').update(expected).digest();
      if (round === 1 || round === 1000)
        expect(rehashSha256(seed, round).equals(expected), `${round}`).toBe(true);
    }
    expect(rehashSha256(seed, 0).equals(seed)).toBe(true);
  });
});
