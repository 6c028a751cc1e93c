// `verify-url`, as GitHub runs the action: after the product says a resource serves the certificate, a TLS handshake
// with SNI must show it. The emulator's front for a resource serves whatever its product says it serves now, with
// an edge delay, so these tests prove the loop closes: set through the API, seen in the handshake.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
afterAll(() => emulator.close());

/** A certificate uploaded earlier (not an order, which the run would take as its own) that a domain serves. */
async function servedBefore(domain: string): Promise<string> {
  const leaf = await emulator.ca.issueLeaf({ names: [domain], recycleKey: true });
  const held = emulator.cas.certificates.add({
    name: `earlier-${domain}`,
    pem: `${leaf.certificatePem}${leaf.chainPem}`,
    privateKeyPem: leaf.privateKeyPem ?? '',
    source: 'upload',
  });
  const certId = String(held.certId);
  await emulator.cdn.setDomainCertificate(domain, {
    certificatePem: `${leaf.certificatePem}${leaf.chainPem}`,
    certId,
    certType: 'cas',
  });
  return certId;
}

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'dns-provider': 'alidns', ...extra });

describe('verify-url: the served leaf must be the new certificate', () => {
  it('waits through the edge delay until the handshake shows it, then reports it in deployed and the summary', async () => {
    emulator.cdn.addDomain('static.example.com', { deployDelayMs: 300 });
    const old = await servedBefore('static.example.com');
    const front = await emulator.served.listen('cdn:static.example.com');
    emulator.served.delayMs = 2500;
    try {
      const run = await runAction(
        inputs({
          domains: 'static.example.com',
          'cdn-domains': 'static.example.com',
          'verify-url': 'https://static.example.com/',
          'verify-connect-to': `static.example.com:443:127.0.0.1:${front.port}`,
          'delete-superseded': 'true',
        }),
      );
      expect(run.exitCode, run.stdout).toBe(0);
      const certId = run.outputs['cert-id'] ?? '';
      const leaf = new X509Certificate(run.outputs.certificate ?? '');
      // The handshake saw the old certificate first (the edge lags), then the new one.
      expect(run.stdout).toMatch(/https:\/\/static\.example\.com still serves a different certificate/);
      expect(run.stdout).toContain(
        `https://static.example.com serves certificate ${certId} (SHA-256 ${leaf.fingerprint256.replace(/:/g, '').slice(0, 16)}`,
      );
      const deployed = JSON.parse(run.outputs.deployed ?? '[]');
      expect(deployed).toEqual([
        {
          target: 'cdn',
          resource: 'static.example.com',
          region: null,
          'cert-id-before': old,
          'cert-id-after': certId,
          'served-since': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
          outcome: 'deployed',
        },
      ]);
      expect(run.summary).toMatch(
        /\| https:\/\/static\.example\.com \| \d{4}-\d\d-\d\dT[\d:]+Z \| serves it \|/,
      );
      // Deleted only after the handshake showed the new one.
      expect(run.outputs['superseded-cert-ids']).toBe(old);
      const deletedAt = emulator.callsTo('DeleteUserCertificate').at(-1)?.at ?? 0;
      expect(deletedAt).toBeGreaterThan(0);

      // A second run finds it served and verified, and changes nothing.
      const again = await runAction(
        inputs({
          mode: 'deploy',
          'cert-id': certId,
          'cdn-domains': 'static.example.com',
          'verify-url': 'https://static.example.com',
          'verify-connect-to': `static.example.com:443:127.0.0.1:${front.port}`,
        }),
      );
      expect(again.exitCode, again.stdout).toBe(0);
      expect(again.outputs.changed).toBe('false');
      expect(JSON.parse(again.outputs.deployed ?? '[]')[0].outcome).toBe('already-served');
      expect(again.stdout).toContain(`https://static.example.com serves certificate ${certId}`);
    } finally {
      emulator.served.delayMs = 0;
      await front.close();
    }
  });

  it('fails naming the URL and what it serves when clients reach something else, and deletes nothing', async () => {
    emulator.cdn.addDomain('shop.example.com');
    emulator.cdn.addDomain('elsewhere.example.com');
    const old = await servedBefore('shop.example.com');
    // The URL's traffic lands on another resource, whose certificate never changes.
    const other = await emulator.served.listen('cdn:elsewhere.example.com');
    try {
      const run = await runAction(
        inputs({
          domains: 'shop.example.com',
          'cdn-domains': 'shop.example.com',
          'verify-url': 'https://shop.example.com',
          'verify-connect-to': `shop.example.com:443:127.0.0.1:${other.port}`,
          'delete-superseded': 'true',
          'deploy-timeout': '3',
        }),
      );
      expect(run.exitCode).not.toBe(0);
      expect(run.stdout).toMatch(
        /::error::Alibaba Cloud SSL certificate: https:\/\/shop\.example\.com did not serve certificate \d+ within deploy-timeout \(it serves a different certificate \(CN=placeholder\.emulator\.invalid/,
      );
      expect(run.stdout).toContain('Nothing was deleted.');
      expect(emulator.cas.certificates.get(old)).toBeDefined();
      expect(run.outputs['cert-id']).toMatch(/^\d+$/);
    } finally {
      await other.close();
    }
  });

  it('refuses a URL that is not https, or a connect-to no URL names, before any call', async () => {
    const before = emulator.calls.length;
    const run = await runAction(
      inputs({
        domains: 'static.example.com',
        'cdn-domains': 'static.example.com',
        'verify-url': 'http://static.example.com',
        'verify-connect-to': 'other.example.com:443:127.0.0.1:1',
      }),
    );
    expect(run.exitCode).not.toBe(0);
    expect(run.stdout).toContain('verify-url');
    expect(run.stdout).toMatch(/only https:\/\/ URLs serve a certificate/);
    expect(run.stdout).toMatch(/verify-connect-to.*maps other\.example\.com:443, which no verify-url names/);
    expect(emulator.calls.length).toBe(before);
  });
});
