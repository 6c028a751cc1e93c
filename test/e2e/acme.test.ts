// certificate-api acme through the built action (`node dist/index.js`) against a real ACME server, Pebble
// (test/support/pebble.ts): DNS-01 through the emulated Alidns (whose zones Pebble resolves through the emulator's DNS
// server), HTTP-01 into file-validation-root served on loopback, a wildcard, and the upload to CAS a CDN deployment
// takes. Skipped with one line where Pebble is not installed.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs, expectNoSecretsLeaked } from '../support/fixtures.js';
import {
  PEBBLE_AVAILABLE,
  PEBBLE_MISSING,
  type Pebble,
  startPebble,
  startWebRoot,
  type WebRoot,
} from '../support/pebble.js';
import { eventually, runAction } from '../support/run-action.js';

const accountKey = execFileSync('openssl', [
  'genpkey',
  '-algorithm',
  'EC',
  '-pkeyopt',
  'ec_paramgen_curve:P-256',
]).toString();

/** The leaf verifies through the chain the action handed out to Pebble's root. */
function expectChainToPebbleRoot(fullchain: string, pebble: Pebble): X509Certificate {
  const blocks = fullchain.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  const [leaf, ...chain] = blocks.map((pem) => new X509Certificate(pem));
  if (!leaf) throw new Error('no leaf');
  const root = new X509Certificate(pebble.rootPem);
  const path = [leaf, ...chain, root];
  for (let i = 0; i + 1 < path.length; i++) {
    const [cert, issuer] = [path[i], path[i + 1]];
    if (!cert || !issuer) throw new Error('short chain');
    expect(cert.checkIssued(issuer)).toBe(true);
    expect(cert.verify(issuer.publicKey)).toBe(true);
  }
  return leaf;
}

describe.skipIf(!PEBBLE_AVAILABLE)('certificate-api acme against Pebble', () => {
  let emulator: Emulator;
  let pebble: Pebble;
  let web: WebRoot;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = await mkdtemp(join(tmpdir(), 'acme-webroot-'));
    web = await startWebRoot(webRoot);
    emulator = await createEmulator({
      zones: ['example.com'],
      dnsServer: { loopbackV6: false },
      cdnDomains: ['cdn.example.com'],
    });
    pebble = await startPebble({ dnsServer: emulator.dnsServer?.address ?? '', httpPort: web.port });
  });
  afterAll(async () => {
    await pebble?.close();
    await emulator?.close();
    await web?.close();
  });

  const acmeInputs = (extra: Record<string, string>) =>
    emulatorInputs(emulator, {
      'certificate-api': 'acme',
      'acme-directory': pebble.directoryUrl,
      'acme-account-key': accountKey,
      'acme-email': 'ops@example.com',
      ...extra,
    });
  const run = (inputs: Record<string, string>) => runAction(inputs, { env: pebble.actionEnv });

  it('DNS-01 through alidns: a certificate whose chain verifies to Pebble’s root, no TXT record left', async () => {
    const result = await run(acmeInputs({ domains: 'www.example.com', 'output-dir': 'certs' }));
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.status).toBe('issued');
    const leaf = expectChainToPebbleRoot(result.outputs.fullchain ?? '', pebble);
    expect(leaf.subjectAltName).toBe('DNS:www.example.com');
    expect(result.outputs.fullchain).toBe(
      `${result.outputs.certificate}${result.outputs['certificate-chain']}`,
    );
    expect(result.outputs['fingerprint-sha256']).toBe(leaf.fingerprint256);
    expect(
      leaf.checkPrivateKey(
        await import('node:crypto').then((c) => c.createPrivateKey(result.outputs['private-key'] ?? '')),
      ),
    ).toBe(true);
    expect(await readdir(join(result.workDir, 'certs'))).toEqual(expect.arrayContaining(['fullchain.pem']));
    // Pebble asked the emulator's DNS server for the record the action wrote through the Alidns API …
    expect(emulator.dnsServer?.questions).toContain('TXT _acme-challenge.www.example.com');
    expect(emulator.callsTo('AddDomainRecord')).toHaveLength(1);
    // … and the action removed it after.
    expect(emulator.dns.records().filter((r) => r.type === 'TXT')).toEqual([]);
    expect(result.outputs['cert-id'] ?? '').toBe('');
    expect(emulator.callsTo('UploadUserCertificate')).toHaveLength(0);
    // The account key and the certificate's key are secrets.
    expectNoSecretsLeaked(result, result.outputs['private-key']);
    expectNoSecretsLeaked(result, accountKey);
  });

  it('a wildcard with its base: two TXT values at one name, both proved, both removed', async () => {
    const before = emulator.callsTo('AddDomainRecord').length;
    const result = await run(
      acmeInputs({ domains: '*.example.com,example.com', 'key-algorithm': 'ECC_256' }),
    );
    expect(result.exitCode, result.stdout).toBe(0);
    const leaf = expectChainToPebbleRoot(result.outputs.fullchain ?? '', pebble);
    expect(leaf.subjectAltName?.split(', ').sort()).toEqual(['DNS:*.example.com', 'DNS:example.com']);
    expect(leaf.publicKey.asymmetricKeyType).toBe('ec');
    expect(emulator.callsTo('AddDomainRecord').length - before).toBe(2);
    expect(emulator.dns.records().filter((r) => r.type === 'TXT')).toEqual([]);
  });

  it('HTTP-01 through file-validation-root: Pebble reads the file from the web root, which is removed after', async () => {
    const result = await run(
      acmeInputs({
        domains: 'files.example.com',
        'validation-method': 'FILE',
        'file-validation-root': webRoot,
      }),
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expectChainToPebbleRoot(result.outputs.fullchain ?? '', pebble);
    expect(web.requests.some((p) => p.startsWith('/.well-known/acme-challenge/'))).toBe(true);
    expect(await readdir(join(webRoot, '.well-known/acme-challenge')).catch(() => [])).toEqual([]);
  });

  it('DNS-01 by hand (dns-provider manual): the run names the record, waits until it is visible, then the CA validates it', async () => {
    const addsBefore = emulator.calls.filter((c) => c.action === 'AddDomainRecord').length;
    const wanted = /create a TXT record _acme-challenge\.byhand\.example\.com with the value '([^']+)'/;
    const result = await runAction(
      acmeInputs({
        domains: 'byhand.example.com',
        'dns-provider': 'manual',
        'dns-resolvers': emulator.dnsServer?.address ?? '',
        'wait-timeout': '120',
      }),
      {
        env: pebble.actionEnv,
        // The person reads the notice and makes the record in the console while the run waits.
        whileRunning: async (stdout) => {
          await eventually(() => wanted.test(stdout()), 60_000);
          const value = wanted.exec(stdout())?.[1] ?? '';
          await new Promise((r) => setTimeout(r, 1_500));
          emulator.dns.addRecord({ fqdn: '_acme-challenge.byhand.example.com', type: 'TXT', value });
        },
      },
    );
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.outputs.status).toBe('issued');
    expect(result.stdout).toMatch(/::notice::.*create a TXT record _acme-challenge\.byhand\.example\.com/);
    expect(result.stdout).toMatch(/byhand\.example\.com proved \(dns-01\)/);
    expectChainToPebbleRoot(result.outputs.fullchain ?? '', pebble);
    // The action wrote nothing at Alidns: the record is the person's, and so is removing it.
    expect(emulator.calls.filter((c) => c.action === 'AddDomainRecord')).toHaveLength(addsBefore);
  });

  it('DNS-01 by hand, never made: fails within wait-timeout naming the record, and never asks the CA to look', async () => {
    const started = Date.now();
    const result = await run(
      acmeInputs({
        domains: 'forgotten.example.com',
        'dns-provider': 'manual',
        'dns-resolvers': emulator.dnsServer?.address ?? '',
        'wait-timeout': '12',
      }),
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).toMatch(
      /not asked to validate: the TXT record _acme-challenge\.forgotten\.example\.com with the value '[^']+' was not visible at 127\.0\.0\.1:\d+ within wait-timeout \(12s\)/,
    );
    expect(result.stdout).not.toContain('proved (dns-01)');
    expect(Date.now() - started).toBeLessThan(40_000);
  });

  it('dns-resolvers that are no addresses fail naming the input, before any order', async () => {
    const result = await run(
      acmeInputs({
        domains: 'www.example.com',
        'dns-provider': 'manual',
        'dns-resolvers': 'ns1.example.com',
      }),
    );
    expect(result.exitCode).not.toBe(0);
    expect(result.stdout).toMatch(/dns-resolvers.*ns1\.example\.com/);
    expect(result.stdout).not.toContain('ACME order');
  });

  it('refuses a wildcard with HTTP-01 before ordering, and a missing account key with the command to make one', async () => {
    const wildcard = await run(
      acmeInputs({ domains: '*.example.com', 'validation-method': 'FILE', 'file-validation-root': webRoot }),
    );
    expect(wildcard.exitCode).not.toBe(0);
    expect(wildcard.stdout).toMatch(/validation-method.*wildcard \*\.example\.com.*DNS-01/);
    const { 'acme-account-key': _, ...withoutKey } = acmeInputs({ domains: 'www.example.com' });
    const missing = await run(withoutKey);
    expect(missing.exitCode).not.toBe(0);
    expect(missing.stdout).toContain('acme-account-key');
    expect(missing.stdout).toContain('openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256');
  });

  it('upload: true puts it in CAS and deploys it to CDN; the next run reuses it, uploading nothing', async () => {
    const inputs = acmeInputs({ domains: 'cdn.example.com', 'cdn-domains': 'cdn.example.com' });
    const first = await run(inputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.status).toBe('issued');
    const certId = first.outputs['cert-id'] ?? '';
    expect(certId).toMatch(/^\d+$/);
    expect(emulator.callsTo('UploadUserCertificate')).toHaveLength(1);
    const held = emulator.cas.certificates.get(certId);
    expect(held?.certificatePem && new X509Certificate(held.certificatePem).fingerprint256).toBe(
      first.outputs['fingerprint-sha256'],
    );
    expect(first.outputs['deployed-domains']).toBe('cdn.example.com');
    expect(emulator.cdn.servedSet('cdn.example.com')).toBeDefined();
    const again = await run(inputs);
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs['cert-id']).toBe(certId);
    expect(emulator.callsTo('UploadUserCertificate')).toHaveLength(1);
  });

  it('plan: an ACME entry is found by its CAS upload and judged as issue judges it; a new one is due with its inputs', async () => {
    // After the upload test: cdn.example.com is in CAS. A renew-before-days past the lifetime is capped at a third
    // of it, as issue caps it (which reuses the certificate), so the plan says ok, not due.
    const entries = [
      {
        name: 'acme-cdn',
        domains: 'cdn.example.com',
        'certificate-api': 'acme',
        'renew-before-days': 100000,
      },
      { name: 'acme-new', domains: 'new.example.com', 'certificate-api': 'acme' },
    ];
    const planned = await run(
      emulatorInputs(emulator, { mode: 'plan', certificates: JSON.stringify(entries) }),
    );
    expect(planned.exitCode, planned.stdout).toBe(0);
    expect(planned.stdout).toMatch(/acme-cdn: ok \(/);
    expect(planned.outputs['due-count']).toBe('1');
    const matrix = JSON.parse(planned.outputs.matrix ?? '') as { include: Array<Record<string, unknown>> };
    expect(matrix.include).toEqual([
      expect.objectContaining({ name: 'acme-new', 'certificate-api': 'acme', plan: 'due' }),
    ]);
    const reused = await run(
      acmeInputs({
        domains: 'cdn.example.com',
        'cdn-domains': 'cdn.example.com',
        'renew-before-days': '100000',
      }),
    );
    expect(reused.outputs.status, reused.stdout).toBe('unchanged');
  });
});

describe.skipIf(PEBBLE_AVAILABLE)(PEBBLE_MISSING, () => {
  it.skip('needs Pebble', () => {});
});
