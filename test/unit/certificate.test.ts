import { execFileSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, X509Certificate } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCsr, createTestCa, type IssuedLeaf, type TestCa } from '../../emulator/ca.js';
import {
  CertificateCheckError,
  checkIssuedCertificate,
  daysRemaining,
  describeCertificate,
  splitPemBundle,
} from '../../src/core/certificate.js';

const DAY_MS = 86_400_000;
const now = () => new Date();

/** The same certificate PEM on one line, its base64 lines joined directly or by spaces. */
function singleLine(pem: string, separator: '' | ' '): string {
  const body = /-----BEGIN CERTIFICATE-----([\s\S]*?)-----END/.exec(pem)?.[1] ?? '';
  return `-----BEGIN CERTIFICATE-----${body.trim().split('\n').join(separator)}-----END CERTIFICATE-----`;
}

function expectCheckError(run: () => unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(CertificateCheckError);
  expect((thrown as Error).message).toMatch(message);
}

let ca: TestCa;
let otherCa: TestCa;
let issued: IssuedLeaf;
// The same certificates as standard PEM ends with a newline (the test CA gives none).
let leafPem: string;
let intermediatePem: string;
let rootPem: string;

beforeAll(async () => {
  [ca, otherCa] = await Promise.all([
    createTestCa({ commonName: 'Unit' }),
    createTestCa({ commonName: 'Other' }),
  ]);
  issued = await ca.issueLeaf({ names: ['example.com', 'www.example.com'] });
  const standardPem = (pem: string) => `${pem.trim()}\n`;
  leafPem = standardPem(issued.certificatePem);
  intermediatePem = standardPem(issued.chainPem);
  rootPem = standardPem(ca.rootPem);
});

describe('splitPemBundle', () => {
  it('returns every certificate block in order, ignoring text between them', () => {
    const bundle = `subject=CN=example.com\n${issued.certificatePem}\nissuer: the intermediate\n${issued.chainPem}trailing`;
    expect(splitPemBundle(bundle)).toEqual([leafPem, intermediatePem]);
  });

  it('normalises CRLF line endings and surrounding spaces', () => {
    const crlf = `  ${issued.certificatePem.replace(/\n/g, '\r\n')}  `;
    expect(splitPemBundle(crlf)).toEqual([leafPem]);
  });

  it('rewraps a PEM whose body is on one line', () => {
    const oneLine = singleLine(issued.certificatePem, '');
    expect(oneLine).not.toContain('\n');
    expect(splitPemBundle(oneLine)).toEqual([leafPem]);
  });

  it('rewraps a PEM whose body lines are separated by spaces', () => {
    const spaced = `${singleLine(issued.certificatePem, ' ')} ${singleLine(issued.chainPem, ' ')}`;
    expect(spaced).not.toContain('\n');
    expect(splitPemBundle(spaced)).toEqual([leafPem, intermediatePem]);
  });

  it('finds nothing in text without certificates', () => {
    expect(splitPemBundle('')).toEqual([]);
    expect(splitPemBundle(issued.privateKeyPem ?? '')).toEqual([]);
  });
});

describe('describeCertificate', () => {
  it('reads names, dates, serial and fingerprint from the certificate', () => {
    const info = describeCertificate(issued.certificatePem);
    const parsed = new X509Certificate(issued.certificatePem);
    expect(info.names).toEqual(['example.com', 'www.example.com']);
    expect(info.subject).toBe('CN=example.com');
    expect(info.issuer).toBe('CN=Unit Intermediate, O=CAS Emulator');
    expect(info.serialNumber).toBe(parsed.serialNumber);
    expect(info.fingerprintSha256).toBe(parsed.fingerprint256);
    expect(info.fingerprintSha256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(info.notAfter.getTime()).toBe(Date.parse(parsed.validTo));
    expect(Math.round((info.notAfter.getTime() - info.notBefore.getTime()) / DAY_MS)).toBe(90);
  });

  it('falls back to the subject CN when there is no SAN extension', () => {
    // openssl req -x509 adds no SAN unless asked; the key is thrown away with the temp dir.
    const dir = mkdtempSync(join(tmpdir(), 'cert-test-'));
    try {
      const legacyPem = execFileSync(
        'openssl',
        [
          'req',
          '-x509',
          '-newkey',
          'ec',
          '-pkeyopt',
          'ec_paramgen_curve:P-256',
          '-nodes',
          '-days',
          '1',
        ].concat(['-subj', '/O=Old/CN=Legacy.Example', '-keyout', join(dir, 'key.pem')]),
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      expect(describeCertificate(legacyPem).names).toEqual(['legacy.example']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('daysRemaining', () => {
  const notAfter = new Date('2026-03-31T12:00:00Z');
  it.each([
    ['2026-03-01T12:00:00Z', 30],
    ['2026-03-01T12:00:01Z', 29],
    ['2026-03-31T11:59:59Z', 0],
    ['2026-03-31T12:00:01Z', -1],
    ['2026-04-10T12:00:00Z', -10],
  ])('at %s → %i', (at, days) => {
    expect(daysRemaining(notAfter, new Date(at))).toBe(days);
  });
});

describe('checkIssuedCertificate', () => {
  it('accepts a leaf, its chain and its PKCS#1 RSA key', () => {
    const checked = checkIssuedCertificate({
      certificatePem: issued.certificatePem,
      chainPem: issued.chainPem,
      privateKeyPem: issued.privateKeyPem ?? '',
      domains: ['example.com', 'WWW.example.com'],
      now: now(),
    });
    expect(checked.leafPem).toBe(leafPem);
    expect(checked.chainPems).toEqual([intermediatePem]);
    expect(checked.fullchainPem).toBe(leafPem + intermediatePem);
    expect(checked.privateKeyPem).toBe(issued.privateKeyPem);
    expect(checked.info.names).toEqual(['example.com', 'www.example.com']);
  });

  it('splits a certificate field that holds the leaf and its chain, as the service returns it', () => {
    const checked = checkIssuedCertificate({
      certificatePem: issued.certificatePem + issued.chainPem,
      domains: ['example.com'],
      now: now(),
    });
    expect(checked.leafPem).toBe(leafPem);
    expect(checked.chainPems).toEqual([intermediatePem]);
    expect(checked.privateKeyPem).toBeUndefined();
  });

  it('keeps one copy of a leaf or intermediate that the chain repeats', () => {
    const checked = checkIssuedCertificate({
      certificatePem: issued.certificatePem + issued.chainPem,
      chainPem: issued.certificatePem + issued.chainPem,
      domains: ['example.com'],
      now: now(),
    });
    expect(checked.chainPems).toEqual([intermediatePem]);
    expect(checked.fullchainPem.split('BEGIN CERTIFICATE').length - 1).toBe(2);
  });

  it('finds the leaf when it is not first, and orders the chain leaf → intermediate → root', () => {
    const checked = checkIssuedCertificate({
      certificatePem: ca.rootPem + issued.chainPem + issued.certificatePem,
      domains: ['www.example.com'],
      now: now(),
    });
    expect(checked.leafPem).toBe(leafPem);
    expect(checked.chainPems).toEqual([intermediatePem, rootPem]);
  });

  it('accepts a leaf without a chain', () => {
    const checked = checkIssuedCertificate({
      certificatePem: issued.certificatePem,
      chainPem: '',
      domains: ['example.com'],
      now: now(),
    });
    expect(checked.chainPems).toEqual([]);
    expect(checked.fullchainPem).toBe(leafPem);
  });

  it('accepts CRLF and single-line PEM from the service, and hands back standard PEM', () => {
    const keyCrlf = (issued.privateKeyPem ?? '').replace(/\n/g, '\r\n');
    const checked = checkIssuedCertificate({
      certificatePem: singleLine(issued.certificatePem, ' '),
      chainPem: issued.chainPem.replace(/\n/g, '\r\n'),
      privateKeyPem: keyCrlf,
      domains: ['example.com'],
      now: now(),
    });
    expect(checked.leafPem).toBe(leafPem);
    expect(checked.chainPems).toEqual([intermediatePem]);
    expect(checked.privateKeyPem).toBe(issued.privateKeyPem);
  });

  it('accepts a PKCS#8 key of a CSR, RSA or EC', async () => {
    for (const keyType of ['rsa', 'ec'] as const) {
      const csr = await createCsr({ names: ['api.example.com'], keyType });
      const publicKeyPem = createPublicKey(csr.privateKeyPem)
        .export({ type: 'spki', format: 'pem' })
        .toString();
      const leaf = await ca.issueLeaf({ names: ['api.example.com'], publicKeyPem });
      const checked = checkIssuedCertificate({
        certificatePem: leaf.certificatePem,
        chainPem: leaf.chainPem,
        privateKeyPem: csr.privateKeyPem,
        domains: ['api.example.com'],
        now: now(),
      });
      expect(checked.privateKeyPem).toBe(csr.privateKeyPem);
    }
  });

  it('accepts an EC key in SEC1 form', async () => {
    const pair = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
    const sec1Pem = pair.privateKey.export({ type: 'sec1', format: 'pem' }).toString();
    const leaf = await ca.issueLeaf({ names: ['ec.example.com'], publicKeyPem });
    const checked = checkIssuedCertificate({
      certificatePem: leaf.certificatePem,
      privateKeyPem: sec1Pem,
      domains: ['ec.example.com'],
      now: now(),
    });
    expect(checked.privateKeyPem).toMatch(/^-----BEGIN EC PRIVATE KEY-----\n/);
  });

  it('refuses a key that belongs to another certificate', () => {
    const otherKey = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expectCheckError(
      () =>
        checkIssuedCertificate({
          certificatePem: issued.certificatePem,
          privateKeyPem: otherKey,
          domains: ['example.com'],
          now: now(),
        }),
      /private key does not match/,
    );
  });

  it('refuses a key of another type', () => {
    const ecKey = generateKeyPairSync('ec', { namedCurve: 'P-256' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expectCheckError(
      () =>
        checkIssuedCertificate({
          certificatePem: issued.certificatePem,
          privateKeyPem: ecKey,
          domains: ['example.com'],
          now: now(),
        }),
      /private key does not match/,
    );
  });

  it.each([
    ['not PEM at all', 'secret'],
    [
      'an encrypted key',
      '-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIB\n-----END ENCRYPTED PRIVATE KEY-----\n',
    ],
    ['a damaged key', '-----BEGIN PRIVATE KEY-----\nMIIBgarbage\n-----END PRIVATE KEY-----\n'],
  ])('refuses %s as the private key, without echoing it', (_label, privateKeyPem) => {
    expectCheckError(
      () =>
        checkIssuedCertificate({
          certificatePem: issued.certificatePem,
          privateKeyPem,
          domains: ['example.com'],
          now: now(),
        }),
      /^The private key is not a readable unencrypted PEM private key/,
    );
  });

  it('refuses a certificate whose names do not cover a requested domain', () => {
    expectCheckError(
      () =>
        checkIssuedCertificate({
          certificatePem: issued.certificatePem,
          domains: ['example.com', 'api.example.com'],
          now: now(),
        }),
      /names \(example.com, www.example.com\) do not cover the requested api.example.com/,
    );
  });

  it('lets a wildcard certificate cover one level of subdomains and itself only', async () => {
    const wildcard = await ca.issueLeaf({ names: ['*.example.com'] });
    const check = (domains: string[]) =>
      checkIssuedCertificate({ certificatePem: wildcard.certificatePem, domains, now: now() });
    expect(check(['*.example.com', 'a.example.com', 'b.example.com']).info.names).toEqual(['*.example.com']);
    expectCheckError(() => check(['example.com']), /do not cover the requested example.com/);
    expectCheckError(() => check(['a.b.example.com']), /do not cover the requested a.b.example.com/);
    expectCheckError(() => check(['*.a.example.com']), /do not cover/);
  });

  it('matches internationalised domains against A-label certificate names', async () => {
    const leaf = await ca.issueLeaf({ names: ['xn--bcher-kva.example'] });
    const checked = checkIssuedCertificate({
      certificatePem: leaf.certificatePem,
      domains: ['bücher.example'],
      now: now(),
    });
    expect(checked.info.names).toEqual(['xn--bcher-kva.example']);
  });

  it('refuses a leaf from another CA than the chain', async () => {
    const foreign = await otherCa.issueLeaf({ names: ['example.com'] });
    expectCheckError(
      () =>
        checkIssuedCertificate({
          certificatePem: foreign.certificatePem,
          chainPem: issued.chainPem,
          domains: ['example.com'],
          now: now(),
        }),
      /chain is broken: "CN=Unit Intermediate, O=CAS Emulator" is not in the chain/,
    );
  });

  it('refuses a chain with its intermediate missing between leaf and root', () => {
    expectCheckError(
      () =>
        checkIssuedCertificate({
          certificatePem: issued.certificatePem,
          chainPem: ca.rootPem,
          domains: ['example.com'],
          now: now(),
        }),
      /chain is broken: "CN=Unit Root/,
    );
  });

  it('refuses an intermediate that has the right name but another key', async () => {
    const impostor = await createTestCa({ commonName: 'Unit' });
    expectCheckError(
      () =>
        checkIssuedCertificate({
          certificatePem: issued.certificatePem,
          chainPem: impostor.intermediatePem,
          domains: ['example.com'],
          now: now(),
        }),
      /chain is broken: "CN=Unit Intermediate/,
    );
  });

  it('refuses a certificate that is not yet valid or has expired', async () => {
    const leaf = await ca.issueLeaf({
      names: ['example.com'],
      notBefore: new Date('2030-01-01T00:00:00Z'),
      notAfter: new Date('2030-04-01T00:00:00Z'),
    });
    const checkAt = (at: string) =>
      checkIssuedCertificate({
        certificatePem: leaf.certificatePem,
        chainPem: leaf.chainPem,
        domains: ['example.com'],
        now: new Date(at),
      });
    expect(checkAt('2030-02-01T00:00:00Z').info.notAfter.toISOString()).toBe('2030-04-01T00:00:00.000Z');
    expectCheckError(() => checkAt('2029-12-31T23:59:59Z'), /not valid until 2030-01-01T00:00:00.000Z/);
    expectCheckError(() => checkAt('2030-04-01T00:00:01Z'), /expired on 2030-04-01T00:00:00.000Z/);
  });

  it('refuses input without a certificate', () => {
    expectCheckError(
      () => checkIssuedCertificate({ certificatePem: 'Access denied', domains: ['example.com'], now: now() }),
      /no PEM certificate/,
    );
  });

  it('refuses a certificate block that does not parse', () => {
    const damaged = issued.certificatePem.replace(/\n[A-Za-z0-9+/]{64}\n/, '\nAAAA\n');
    expectCheckError(
      () =>
        checkIssuedCertificate({
          certificatePem: damaged,
          domains: ['example.com'],
          now: now(),
        }),
      /Certificate 1 of the bundle cannot be parsed/,
    );
  });
});
