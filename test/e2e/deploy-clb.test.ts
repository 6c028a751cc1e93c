// Deploying to a Classic Load Balancer listener, as GitHub runs the action (`node dist/index.js`, `deploy: clb: …`
// lines, clb-endpoint at the emulator): SLB's own server certificate is made from the CAS one (no key leaves
// CAS) and set on the HTTPS listener, or on the domain extensions the certificate covers; the listener is
// `configuring` for a while, and the run waits until clients get it (the emulator's served front shows it).
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type ActionRun, runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com', 'example.net'], recycleLeafKeys: true });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'clb-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const ok = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200);
const orders = () => emulator.callsTo('CreateCertificateForPackageRequest').length;
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));

async function held(domains: string[]): Promise<{ certId: string; pem: string }> {
  const order = await emulator.cas.seedOrder({ domains });
  return { certId: order.certificate?.certId ?? '', pem: order.certificate?.certificatePem ?? '' };
}
const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;
const pemOf = (certId: string) => emulator.cas.certificates.get(certId)?.certificatePem ?? '';
const servedCasId = (lb: string, port: number) =>
  emulator.clb.casIdOf(emulator.clb.listener(lb, port)?.certificates.serverCertificateId);

describe('issue, then deploy to a CLB listener', () => {
  it('sets the listener, waits until it is served, and a second run finds it served and changes nothing', async () => {
    // Another name's, so the run orders a new one rather than reusing it.
    const old = await held(['before.example.com']);
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-issue',
      deployDelayMs: 800,
      listeners: [{ port: 443, protocol: 'https', casCertId: old.certId }],
    });
    const front = await emulator.served.listen('clb:lb-issue:443');
    const run = await runAction(
      inputs({
        domains: 'www.example.com',
        deploy: 'clb: lb-issue:443@cn-hangzhou',
        // The TLS handshake with SNI at the listener's front must show the new certificate.
        'verify-url': 'https://www.example.com/',
        'verify-connect-to': `www.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('lb-issue:443@cn-hangzhou');
    expect(run.outputs.changed).toBe('true');
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'clb',
        resource: 'lb-issue:443@cn-hangzhou',
        region: 'cn-hangzhou',
        'cert-id-before': old.certId,
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    // The listener names SLB's copy of the new CAS certificate, made without its key, and clients get it.
    expect(servedCasId('lb-issue', 443)).toBe(certId);
    expect(ok('UploadServerCertificate').map((c) => c.params)).toEqual([
      expect.objectContaining({ AliCloudCertificateId: certId, AliCloudCertificateRegionId: 'cn-hangzhou' }),
    ]);
    expect(ok('UploadServerCertificate')[0]?.params).not.toHaveProperty('PrivateKey');
    expect(run.stdout).toMatch(
      /CLB listener lb-issue:443 \(cn-hangzhou\) still serves .*configuring: waiting\./,
    );
    expect(await servedFingerprint(front.port, 'www.example.com')).toBe(fingerprint(pemOf(certId)));
    expect(run.stdout).toContain(`https://www.example.com serves certificate ${certId}`);
    expect(run.summary).toMatch(
      new RegExp(
        `\\| CLB \\| lb-issue:443@cn-hangzhou \\| ${old.certId} \\| ${certId} \\| [\\d-]+T[\\d:]+Z \\| deployed \\|`,
      ),
    );
    await front.close();

    const sets = ok('SetLoadBalancerHTTPSListenerAttribute').length;
    const uploads = ok('UploadServerCertificate').length;
    const again = await runAction(inputs({ domains: 'www.example.com', deploy: 'clb: lb-issue:443' }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({ status: 'unchanged', 'cert-id': certId, changed: 'false' });
    expect(again.outputs['deployed-domains']).toBe('lb-issue:443');
    expect(again.stdout).toContain(
      `CLB listener lb-issue:443 (cn-hangzhou) already serves certificate ${certId}`,
    );
    expect(ok('SetLoadBalancerHTTPSListenerAttribute')).toHaveLength(sets);
    expect(ok('UploadServerCertificate')).toHaveLength(uploads);
  }, 90_000);

  it('sni: sets the domain extensions the certificate covers, leaves the others, and clients get it by name', async () => {
    const oldApi = await held(['api.example.com']);
    const other = await held(['other.example.net']);
    const fallback = await held(['default.example.com']);
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-sni',
      listeners: [
        {
          port: 443,
          protocol: 'https',
          casCertId: fallback.certId,
          domainExtensions: [
            { domain: 'api.example.com', casCertId: oldApi.certId },
            { domain: 'other.example.net', casCertId: other.certId },
          ],
        },
      ],
    });
    const next = await held(['api.example.com']);
    const front = await emulator.served.listen('clb:lb-sni:443');
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': next.certId, deploy: 'clb: lb-sni:443 sni' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lb-sni:443 sni');
    // The one it superseded is the resource's "before", and gone from the listener.
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        'cert-id-before': oldApi.certId,
        'cert-id-after': next.certId,
        detached: [oldApi.certId],
      }),
    ]);
    const extensions = emulator.clb.listener('lb-sni', 443)?.certificates.extensions ?? [];
    expect(extensions.map((e) => [e.domain, emulator.clb.casIdOf(e.serverCertificateId)])).toEqual([
      ['api.example.com', next.certId],
      ['other.example.net', other.certId],
    ]);
    // The listener's default certificate is not touched.
    expect(servedCasId('lb-sni', 443)).toBe(fallback.certId);
    expect(
      ok('SetLoadBalancerHTTPSListenerAttribute').filter((c) => c.params.LoadBalancerId === 'lb-sni'),
    ).toEqual([]);
    expect(await servedFingerprint(front.port, 'api.example.com')).toBe(fingerprint(next.pem));
    expect(await servedFingerprint(front.port, 'other.example.net')).toBe(fingerprint(other.pem));
    await front.close();
  }, 60_000);

  it('delete-superseded deletes the old CAS certificate and its SLB copy, and keeps one another listener uses', async () => {
    const shared = await held(['shared.example.com']);
    const alone = await held(['alone.example.com']);
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-old',
      listeners: [
        { port: 443, protocol: 'https', casCertId: shared.certId },
        { port: 8443, protocol: 'https', casCertId: alone.certId },
      ],
    });
    // Not listed: a listener of the same region still serving the shared one.
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-other',
      listeners: [{ port: 443, protocol: 'https', casCertId: shared.certId }],
    });
    const next = await held(['shared.example.com', 'alone.example.com']);
    const aloneCopy = emulator.clb.listener('lb-old', 8443)?.certificates.serverCertificateId;
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': next.certId,
        deploy: 'clb: lb-old:443\nclb: lb-old:8443',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['superseded-cert-ids']).toBe(alone.certId);
    expect(emulator.cas.certificates.get(alone.certId)).toBeUndefined();
    expect(emulator.cas.certificates.get(shared.certId)).toBeDefined();
    expect(emulator.clb.serverCertificate(aloneCopy)).toBeUndefined();
    expect(servedCasId('lb-other', 443)).toBe(shared.certId);
  }, 60_000);
});

describe('CLB problems are found before anything is ordered, and faults are ridden out', () => {
  beforeAll(() => {
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-kinds',
      listeners: [
        { port: 443, protocol: 'https' },
        { port: 80, protocol: 'http' },
      ],
    });
  });

  it.each([
    [
      'clb: lb-gone:443',
      /lb-gone is not a CLB instance of this account in cn-hangzhou \(InvalidLoadBalancerId\.NotFound\)/,
    ],
    ['clb: lb-kinds:80', /lb-kinds:80, whose listener is HTTP, not HTTPS/],
    ['clb: lb-kinds:8080', /CLB instance lb-kinds has no listener on port 8080 \(it listens on 443, 80\)/],
    ['clb: lb-kinds:443 sni', /that listener has no domain extensions/],
  ])(
    '%s fails naming deploy, before any order',
    async (line, message) => {
      const before = orders();
      const run = await runAction(inputs({ domains: 'kinds.example.com', deploy: line }));
      expect(run.exitCode, run.stdout).toBe(1);
      expect(errorsOf(run).join('\n')).toMatch(message);
      expect(errorsOf(run).join('\n')).toContain("'deploy'");
      expect(orders()).toBe(before);
    },
    60_000,
  );

  it('a China-site run refuses a listener outside the mainland (region mismatch) before any order', async () => {
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-sg',
      regionId: 'ap-southeast-1',
      listeners: [{ port: 443, protocol: 'https' }],
    });
    const before = orders();
    const run = await runAction(
      inputs({ domains: 'sg.example.com', deploy: 'clb: lb-sg:443@ap-southeast-1' }),
    );
    expect(run.exitCode, run.stdout).toBe(1);
    expect(errorsOf(run).join('\n')).toMatch(/region mismatch between CAS and CLB/);
    expect(orders()).toBe(before);
  }, 60_000);

  it('sni: a certificate that covers no domain extension is refused naming the listener and its domains', async () => {
    const ext = await held(['shop.example.net']);
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-nocover',
      listeners: [
        {
          port: 443,
          protocol: 'https',
          domainExtensions: [{ domain: 'shop.example.net', casCertId: ext.certId }],
        },
      ],
    });
    const unrelated = await held(['blog.example.com']);
    const setsBefore = ok('SetDomainExtensionAttribute').length;
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': unrelated.certId, deploy: 'clb: lb-nocover:443 sni' }),
    );
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).join('\n')).toContain(
      `CLB listener lb-nocover:443 (cn-hangzhou) domain extensions: certificate ${unrelated.certId} (blog.example.com) covers none of its domain extensions (shop.example.net)`,
    );
    expect(ok('SetDomainExtensionAttribute')).toHaveLength(setsBefore);
  }, 60_000);

  it('a 503 on the set is read back and sent again; a dropped read is retried', async () => {
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-fault',
      listeners: [{ port: 443, protocol: 'https' }],
    });
    const next = await held(['fault.example.com']);
    emulator.faults.add({ action: 'SetLoadBalancerHTTPSListenerAttribute', kind: 'unavailable' });
    emulator.faults.add({ action: 'DescribeLoadBalancerHTTPSListenerAttribute', kind: 'drop-after' });
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': next.certId, deploy: 'clb: lb-fault:443' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(servedCasId('lb-fault', 443)).toBe(next.certId);
    const sets = emulator
      .callsTo('SetLoadBalancerHTTPSListenerAttribute')
      .filter((c) => c.params.LoadBalancerId === 'lb-fault');
    expect(sets.map((c) => c.status)).toEqual([503, 200]);
  }, 60_000);

  it('a set that keeps failing is reported naming the listener', async () => {
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-broken',
      listeners: [{ port: 443, protocol: 'https' }],
    });
    const next = await held(['broken.example.com']);
    emulator.faults.add({ action: 'SetLoadBalancerHTTPSListenerAttribute', kind: 'unavailable', times: 2 });
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': next.certId, deploy: 'clb: lb-broken:443' }),
    );
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).join('\n')).toMatch(
      /CLB listener lb-broken:443 \(cn-hangzhou\): SetLoadBalancerHTTPSListenerAttribute failed: ServiceUnavailable/,
    );
  }, 60_000);
});
