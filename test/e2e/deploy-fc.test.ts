// Deploying to Function Compute 3.0 custom domains, as GitHub runs the action (`node dist/index.js` against the
// emulator, `fc-endpoint` pointed at it). FC holds the certificate itself: the run sends the PEM chain and the
// private key (masked), names it `cas-<certId>`, and reads it back by the leaf's fingerprint.
import { X509Certificate } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type ActionRun, privateKeyLines, runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
});
afterAll(() => emulator.close());

const TLS = { minVersion: 'TLSv1.2', cipherSuites: ['TLS_AES_128_GCM_SHA256'] };
const ROUTES = { routes: [{ functionName: 'api', path: '/v1/*', qualifier: 'prod' }] };

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'fc-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const okCalls = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200);
const puts = (domain: string) => okCalls('UpdateCustomDomain').filter((c) => c.params.domainName === domain);
const orders = () => emulator.callsTo('CreateCertificateForPackageRequest').length;
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

/** A domain that serves a CAS certificate, as an earlier run left it: named `cas-<certId>`. */
function servingHeld(domainName: string, certId: string, certName = `cas-${certId}`) {
  const held = emulator.cas.certificates.get(certId);
  emulator.fc.addDomain({
    domainName,
    protocol: 'HTTP,HTTPS',
    tlsConfig: TLS,
    certificate: {
      certName,
      certificatePem: `${held?.certificatePem}${held?.chainPem}`,
      privateKeyPem: held?.privateKeyPem ?? '',
    },
  });
}

/** Every file the run left in its work directory (the runner's files among them), recursively. */
async function filesOf(dir: string): Promise<Array<{ path: string; text: string }>> {
  const out: Array<{ path: string; text: string }> = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesOf(path)));
    else out.push({ path, text: await readFile(path, 'utf8') });
  }
  return out;
}

describe('issue, then deploy to an FC custom domain', () => {
  it('turns HTTPS on where the line asks, keeps tlsConfig and routes, clients get it; a second run sends nothing', async () => {
    emulator.fc.addDomain({
      domainName: 'fc.example.com',
      protocol: 'HTTP',
      tlsConfig: TLS,
      routeConfig: ROUTES,
    });
    const front = await emulator.served.listen('fc:fc.example.com');
    const deploy = 'fc: fc.example.com@cn-hangzhou https';
    const run = await runAction(
      inputs({
        domains: 'fc.example.com',
        deploy,
        'verify-url': 'https://fc.example.com',
        'verify-connect-to': `fc.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('fc.example.com@cn-hangzhou https');
    expect(run.outputs.changed).toBe('true');
    // The product's state: the CAS certificate and its key, HTTPS on, every other field as it was.
    const held = emulator.cas.certificates.get(certId);
    const domain = emulator.fc.domain('fc.example.com');
    expect(domain?.protocol).toBe('HTTP,HTTPS');
    expect(domain?.certConfig?.certName).toBe(`cas-${certId}`);
    expect(domain?.certConfig?.privateKey).toBe(held?.privateKeyPem);
    expect(fingerprintOf(domain?.certConfig?.certificate ?? '')).toBe(
      fingerprintOf(held?.certificatePem ?? ''),
    );
    expect(domain?.fields).toEqual({ tlsConfig: TLS, routeConfig: ROUTES });
    expect(puts('fc.example.com')).toHaveLength(1);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'fc',
        resource: 'fc.example.com@cn-hangzhou https',
        region: 'cn-hangzhou',
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    expect(run.stdout).toContain(`FC custom domain fc.example.com@cn-hangzhou serves certificate ${certId}.`);
    expect(run.stdout).toContain(`https://fc.example.com serves certificate ${certId}`);
    expect(await servedFingerprint(front.port, 'fc.example.com')).toBe(run.outputs['fingerprint-sha256']);
    expect(run.summary).toMatch(
      new RegExp(
        `\\| FC \\| fc\\.example\\.com@cn-hangzhou https \\| [^|]* \\| ${certId} \\| \\S+ \\| deployed \\|`,
      ),
    );
    await front.close();

    const again = await runAction(inputs({ domains: 'fc.example.com', deploy }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain(
      `FC custom domain fc.example.com@cn-hangzhou already serves certificate ${certId}`,
    );
    expect(puts('fc.example.com')).toHaveLength(1);
  }, 90_000);
});

describe('mode: deploy to FC', () => {
  it('the private key is masked before any word and appears in no other output line nor file', async () => {
    const certId = await heldCertificate(['key.example.com']);
    emulator.fc.addDomain({ domainName: 'key.example.com', protocol: 'HTTPS' });
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'fc: key.example.com', 'log-level': 'debug' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(emulator.fc.domain('key.example.com')?.certConfig?.certName).toBe(`cas-${certId}`);
    const lines = privateKeyLines(emulator.cas.certificates.get(certId)?.privateKeyPem ?? '');
    expect(lines.length).toBeGreaterThan(5);
    const stdout = run.stdout.split('\n');
    for (const line of lines) {
      expect(stdout).toContain(`::add-mask::${line}`);
      // The runner's masking commands (each line, and the whole key) are the only lines that may hold it.
      expect(stdout.filter((l) => l.includes(line) && !l.startsWith('::add-mask::'))).toEqual([]);
      expect(run.stderr).not.toContain(line);
    }
    // Masked before the run said a word about deploying it.
    const lastMask = Math.max(...lines.map((l) => stdout.indexOf(`::add-mask::${l}`)));
    expect(lastMask).toBeLessThan(stdout.findIndex((l) => l.includes('set certificate')));
    const files = await filesOf(run.workDir);
    expect(files.length).toBeGreaterThan(0);
    for (const { path, text } of files)
      for (const line of lines) expect(text.includes(line), path).toBe(false);
  }, 60_000);

  it('delete-superseded deletes the old CAS certificate, keeps one another domain still serves, and never one FC holds that is no CAS certificate', async () => {
    const oldOne = await heldCertificate(['one.example.com']);
    const oldShared = await heldCertificate(['two.example.com']);
    const foreign = await heldCertificate(['three.example.com']);
    const certId = await heldCertificate(['one.example.com', 'two.example.com', 'three.example.com']);
    servingHeld('one.example.com', oldOne);
    servingHeld('two.example.com', oldShared);
    // Not listed: the certificate it serves is kept.
    servingHeld('unlisted.example.com', oldShared);
    // Uploaded to FC by hand, named otherwise: no CAS certificate of this run's to delete.
    servingHeld('three.example.com', foreign, 'manual-upload');
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'fc: one.example.com@cn-hangzhou\nfc: two.example.com\nfc: three.example.com',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['superseded-cert-ids']).toBe(oldOne);
    expect(emulator.cas.certificates.get(oldOne)).toBeUndefined();
    expect(emulator.cas.certificates.get(oldShared)).toBeDefined();
    expect(emulator.cas.certificates.get(foreign)).toBeDefined();
    for (const name of ['one.example.com', 'two.example.com', 'three.example.com'])
      expect(emulator.fc.domain(name)?.certConfig?.certName).toBe(`cas-${certId}`);
    expect(emulator.fc.domain('unlisted.example.com')?.certConfig?.certName).toBe(`cas-${oldShared}`);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ resource: 'one.example.com@cn-hangzhou', 'cert-id-before': oldOne }),
        expect.not.objectContaining({ 'cert-id-before': foreign }),
      ]),
    );
    expect(run.stdout).toContain(`Certificate ${oldShared} is kept: another FC resource uses it.`);
    expect(okCalls('ListCustomDomains').length).toBeGreaterThan(0);
  }, 60_000);
});

describe('FC pre-flight: before anything is ordered', () => {
  it('a domain not in the account and an HTTP-only domain whose line does not ask for HTTPS fail naming them; no order', async () => {
    emulator.fc.addDomain({ domainName: 'plain.example.com', protocol: 'HTTP' });
    const before = orders();
    const run = await runAction(
      inputs({
        domains: 'pre.example.com',
        deploy: 'fc: gone.example.com@cn-hangzhou\nfc: plain.example.com@cn-hangzhou',
      }),
    );
    expect(run.exitCode).toBe(1);
    const error = errorsOf(run).join('\n');
    expect(error).toContain(
      "input 'deploy' names FC custom domain gone.example.com@cn-hangzhou, which is not in this account in cn-hangzhou (DomainNameNotFound)",
    );
    expect(error).toContain(
      "names FC custom domain plain.example.com@cn-hangzhou, whose protocol is HTTP only, so it serves no certificate: end its line with ' https' (fc: plain.example.com@cn-hangzhou https)",
    );
    expect(orders()).toBe(before);
    expect(run.outputs['order-id']).toBeUndefined();
    expect(puts('plain.example.com')).toHaveLength(0);
  }, 60_000);
});

describe('mode: deploy to an HTTP-only FC domain', () => {
  it('without https on its line fails naming the domain and what to add, and writes nothing', async () => {
    const certId = await heldCertificate(['http.example.com']);
    emulator.fc.addDomain({ domainName: 'http.example.com', protocol: 'HTTP' });
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'fc: http.example.com' }),
    );
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).join('\n')).toContain(
      "FC custom domain http.example.com@cn-hangzhou reports protocol HTTP only: add ' https' to its deploy line to turn HTTPS on",
    );
    expect(puts('http.example.com')).toHaveLength(0);
    expect(emulator.fc.domain('http.example.com')?.protocol).toBe('HTTP');
  }, 60_000);
});

describe('FC faults', () => {
  it('a PUT refused twice (503) fails naming the domain; once, it is read back and sent again; a lost answer is read back, not resent; a read refused is retried', async () => {
    const certId = await heldCertificate(['fault.example.com']);
    emulator.fc.addDomain({ domainName: 'fault.example.com', protocol: 'HTTPS', tlsConfig: TLS });
    emulator.faults.add({ action: 'UpdateCustomDomain', kind: 'unavailable', times: 2 });
    const refused = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'fc: fault.example.com@cn-hangzhou' }),
    );
    expect(refused.exitCode).toBe(1);
    expect(errorsOf(refused).join('\n')).toMatch(
      /FC custom domain fault\.example\.com@cn-hangzhou: UpdateCustomDomain failed: ServiceUnavailable/,
    );
    expect(emulator.fc.domain('fault.example.com')?.certConfig).toBeUndefined();

    emulator.faults.add({ action: 'UpdateCustomDomain', kind: 'unavailable' });
    const resent = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'fc: fault.example.com@cn-hangzhou' }),
    );
    expect(resent.exitCode, resent.stdout).toBe(0);
    expect(emulator.fc.domain('fault.example.com')?.certConfig?.certName).toBe(`cas-${certId}`);

    const other = await heldCertificate(['fault.example.com']);
    const sent = emulator.callsTo('UpdateCustomDomain').length;
    emulator.faults.add({ action: 'UpdateCustomDomain', kind: 'drop-after' });
    emulator.faults.add({ action: 'GetCustomDomain', kind: 'unavailable', times: 2 });
    const lost = await runAction(
      inputs({ mode: 'deploy', 'cert-id': other, deploy: 'fc: fault.example.com@cn-hangzhou' }),
    );
    expect(lost.exitCode, lost.stdout).toBe(0);
    expect(lost.outputs['deployed-domains']).toBe('fault.example.com@cn-hangzhou');
    expect(emulator.callsTo('UpdateCustomDomain')).toHaveLength(sent + 1);
    expect(emulator.fc.domain('fault.example.com')?.certConfig?.certName).toBe(`cas-${other}`);
    expect(emulator.fc.domain('fault.example.com')?.fields.tlsConfig).toEqual(TLS);
  }, 60_000);
});
