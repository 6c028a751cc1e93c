// Deploying to WAF 3.0, as GitHub runs the action (`node dist/index.js` against the emulator, `waf-endpoint` pointed
// at it): a CNAME-access domain (`waf: www.example.com`, ModifyDomain keeping its other settings) and a cloud
// resource's access port (`waf: lb-…:443 [sni]`, ModifyCloudResourceCert). A write is `Status 3` for a while, then
// `1`; the served front (emulator/served.ts) shows what clients get.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type ActionRun, runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>, on = emulator) =>
  emulatorInputs(on, { 'waf-endpoint': on.url, 'dns-provider': 'alidns', ...extra });
const okCalls = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200);
const orders = (on = emulator) => on.callsTo('CreateCertificateForPackageRequest').length;
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const fingerprintOf = (certId: string) =>
  new X509Certificate(emulator.cas.certificates.get(certId)?.certificatePem ?? '').fingerprint256;

async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

describe('issue, then deploy to a WAF CNAME-access domain', () => {
  it('sets Listen.CertId keeping every other Listen and Redirect setting, waits out Status 3, clients get it; a second run changes nothing', async () => {
    const old = await heldCertificate(['old.example.com']);
    emulator.waf.addDomain({
      domain: 'waf.example.com',
      certId: old,
      httpsPorts: [443, 8443],
      listen: { Http2Enabled: true, TLSVersion: 'tlsv1.2', EnableTLSv3: true, XffHeaderMode: 1 },
      backends: ['10.0.0.1', 'origin.example.com'],
      redirect: { Loadbalance: 'roundRobin', ReadTimeout: 30, BackupBackends: [{ Backend: '10.0.0.9' }] },
      settleDelayMs: 1500,
    });
    const front = await emulator.served.listen('waf:waf.example.com');
    const deploy = 'waf: waf.example.com';
    const run = await runAction(
      inputs({
        domains: 'waf.example.com',
        deploy,
        'verify-url': 'https://waf.example.com',
        'verify-connect-to': `waf.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('waf.example.com');
    expect(run.outputs.changed).toBe('true');
    expect(okCalls('ModifyDomain')).toHaveLength(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `WAF domain waf\\.example\\.com \\(cn-hangzhou\\) still serves certificate ${certId}, being modified: waiting\\.`,
      ),
    );
    // The product's state: the new certificate, and every other setting as it was.
    const domain = emulator.waf.domain('waf.example.com');
    expect(domain?.listen).toMatchObject({
      CertId: `${certId}-cn-hangzhou`,
      HttpsPorts: [443, 8443],
      HttpPorts: [80],
      Http2Enabled: true,
      TLSVersion: 'tlsv1.2',
      EnableTLSv3: true,
      XffHeaderMode: 1,
    });
    expect(domain?.redirect).toMatchObject({
      Backends: [{ Backend: '10.0.0.1' }, { Backend: 'origin.example.com' }],
      BackupBackends: [{ Backend: '10.0.0.9' }],
      Loadbalance: 'roundRobin',
      ReadTimeout: 30,
    });
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'waf',
        resource: 'waf.example.com',
        region: 'cn-hangzhou',
        'cert-id-before': old,
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    // What clients get, by TLS.
    expect(run.stdout).toContain(`https://waf.example.com serves certificate ${certId}`);
    expect(await servedFingerprint(front.port, 'waf.example.com')).toBe(run.outputs['fingerprint-sha256']);
    await front.close();

    const again = await runAction(inputs({ domains: 'waf.example.com', deploy }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain(
      `WAF domain waf.example.com (cn-hangzhou) already serves certificate ${certId}`,
    );
    expect(okCalls('ModifyDomain')).toHaveLength(1);
  }, 90_000);
});

describe('mode: deploy to WAF', () => {
  it('delete-superseded deletes the old certificate, and keeps one another domain of the instance still uses', async () => {
    const oldOne = await heldCertificate(['one.example.com']);
    const oldShared = await heldCertificate(['two.example.com']);
    const certId = await heldCertificate(['one.example.com', 'two.example.com']);
    emulator.waf.addDomain({ domain: 'one.example.com', certId: oldOne, settleDelayMs: 300 });
    emulator.waf.addDomain({ domain: 'two.example.com', certId: oldShared });
    // Not listed: the certificate it serves is kept.
    emulator.waf.addDomain({ domain: 'unlisted.example.com', certId: oldShared });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'waf: one.example.com@cn-hangzhou\nwaf: two.example.com',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('one.example.com@cn-hangzhou,two.example.com');
    expect(run.outputs['superseded-cert-ids']).toBe(oldOne);
    expect(emulator.cas.certificates.get(oldOne)).toBeUndefined();
    expect(emulator.cas.certificates.get(oldShared)).toBeDefined();
    for (const name of ['one.example.com', 'two.example.com'])
      expect(emulator.waf.servedSet(name)?.default).toBe(certId);
    expect(emulator.waf.servedSet('unlisted.example.com')?.default).toBe(oldShared);
    expect(run.stdout).toContain(`Certificate ${oldShared} is kept: another WAF resource uses it.`);
    expect(okCalls('DescribeDomains').at(-1)?.params).toMatchObject({ RegionId: 'cn-hangzhou' });
  }, 60_000);

  it('a cloud resource port: the default certificate replaced keeping its extensions; sni adds one and drops the one it supersedes', async () => {
    const base = await heldCertificate(['www.example.com']);
    const oldShop = await heldCertificate(['shop.example.com']);
    const blog = await heldCertificate(['blog.example.com']);
    const shop = await heldCertificate(['shop.example.com']);
    const newBase = await heldCertificate(['www.example.com']);
    emulator.waf.addPort({
      resourceInstanceId: 'lb-sni',
      port: 443,
      defaultCertId: base,
      extensionCertIds: [oldShop, blog],
      settleDelayMs: 400,
    });
    const front = await emulator.served.listen('waf:lb-sni:443');
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': shop,
        deploy: 'waf: lb-sni:443 sni',
        'deploy-timeout': '20',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lb-sni:443 sni');
    expect(run.outputs['superseded-cert-ids']).toBe(oldShop);
    expect(emulator.cas.certificates.get(oldShop)).toBeUndefined();
    for (const id of [base, blog]) expect(emulator.cas.certificates.get(id)).toBeDefined();
    expect(JSON.parse(run.outputs.deployed ?? '[]')[0]).toMatchObject({
      target: 'waf',
      'cert-id-after': shop,
      detached: [oldShop],
    });
    const writes = okCalls('ModifyCloudResourceCert').map((c) => c.params);
    expect(writes).toHaveLength(2);
    // Added beside the others, then the superseded one dropped from the whole list.
    expect(writes[0]).toMatchObject({
      CloudResourceId: 'lb-sni-443-clb7',
      'Certificates.1.AppliedType': 'default',
      'Certificates.1.CertificateId': `${base}-cn-hangzhou`,
      'Certificates.4.AppliedType': 'extension',
      'Certificates.4.CertificateId': `${shop}-cn-hangzhou`,
    });
    expect(writes[1]).not.toHaveProperty('Certificates.4.CertificateId');
    emulator.setClockOffset(1000);
    expect(emulator.waf.servedSet('lb-sni:443')).toEqual({ default: base, extensions: [blog, shop] });
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(fingerprintOf(shop));
    emulator.setClockOffset(0);

    // Again, once the port is Status 1 (the detach settles 400 ms after it is sent): nothing superseded, nothing sent.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const again = await runAction(inputs({ mode: 'deploy', 'cert-id': shop, deploy: 'waf: lb-sni:443 sni' }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(okCalls('ModifyCloudResourceCert')).toHaveLength(2);

    // The default certificate: replaced, the extensions kept.
    const byDefault = await runAction(
      inputs({ mode: 'deploy', 'cert-id': newBase, deploy: 'waf: lb-sni:443', 'deploy-timeout': '20' }),
    );
    expect(byDefault.exitCode, byDefault.stdout).toBe(0);
    emulator.setClockOffset(1000);
    expect(emulator.waf.servedSet('lb-sni:443')).toEqual({ default: newBase, extensions: [blog, shop] });
    expect(await servedFingerprint(front.port, 'www.example.com')).toBe(fingerprintOf(newBase));
    emulator.setClockOffset(0);
    await front.close();
  }, 90_000);
});

describe('WAF pre-flight: before anything is ordered', () => {
  it('a domain not in WAF, one without HTTPS, a port not connected, an HTTP port and the other site each fail naming it; no order', async () => {
    emulator.waf.addDomain({ domain: 'plain.example.com', httpsPorts: [] });
    emulator.waf.addPort({ resourceInstanceId: 'lb-http', port: 80, protocol: 'http' });
    const before = orders();
    const run = await runAction(
      inputs({
        domains: 'pre.example.com',
        deploy: [
          'waf: pre.example.com',
          'waf: plain.example.com',
          'waf: lb-gone:443',
          'waf: lb-http:80',
          'waf: pre.example.com@ap-southeast-1',
        ].join('\n'),
      }),
    );
    expect(run.exitCode).toBe(1);
    const error = errorsOf(run).join('\n');
    expect(error).toMatch(
      /input 'deploy' names WAF domain pre\.example\.com \(cn-hangzhou\), which is not a CNAME-access domain of WAF instance \S+ \(DescribeDomainDetail finds none\)/,
    );
    expect(error).toContain(
      'names WAF domain plain.example.com (cn-hangzhou), which has no HTTPS port (Listen.HttpsPorts is empty)',
    );
    expect(error).toContain(
      'names WAF cloud resource lb-gone:443 (cn-hangzhou), which is not a cloud resource port connected to WAF instance',
    );
    expect(error).toContain('names WAF cloud resource lb-http:80 (cn-hangzhou), an HTTP port, not HTTPS');
    expect(error).toMatch(
      /names WAF domain pre\.example\.com \(ap-southeast-1\), on the international site, but the certificate is held at Certificate Management Service in cn-hangzhou/,
    );
    expect(orders()).toBe(before);
    expect(run.outputs['order-id']).toBeUndefined();
    expect(
      emulator.callsTo('ModifyDomain').filter((c) => c.params.Domain === 'plain.example.com'),
    ).toHaveLength(0);
  }, 60_000);

  it('an account without a WAF instance in the region fails naming it; no order', async () => {
    const bare = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
    try {
      const run = await runAction(
        inputs({ domains: 'pre.example.com', deploy: 'waf: pre.example.com' }, bare),
      );
      expect(run.exitCode).toBe(1);
      expect(errorsOf(run).join('\n')).toContain(
        "input 'deploy' names WAF domain pre.example.com (cn-hangzhou), but this account has no WAF 3.0 instance in cn-hangzhou (DescribeInstance names none)",
      );
      expect(orders(bare)).toBe(0);
    } finally {
      await bare.close();
    }
  }, 60_000);
});

describe('WAF faults', () => {
  it('a set refused twice (503) fails naming the domain; once, it is read back and sent again; a lost answer is read back, not resent; a read refused once is retried', async () => {
    const certId = await heldCertificate(['fault.example.com']);
    emulator.waf.addDomain({ domain: 'fault.example.com' });
    emulator.faults.add({ action: 'ModifyDomain', kind: 'unavailable', times: 2 });
    const refused = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'waf: fault.example.com' }),
    );
    expect(refused.exitCode).toBe(1);
    expect(errorsOf(refused).join('\n')).toMatch(
      /WAF domain fault\.example\.com \(cn-hangzhou\): ModifyDomain failed: ServiceUnavailable/,
    );
    expect(emulator.waf.domain('fault.example.com')?.listen.CertId).toBeUndefined();

    const other = await heldCertificate(['fault.example.com']);
    emulator.faults.add({ action: 'ModifyDomain', kind: 'unavailable' });
    const resent = await runAction(
      inputs({ mode: 'deploy', 'cert-id': other, deploy: 'waf: fault.example.com' }),
    );
    expect(resent.exitCode, resent.stdout).toBe(0);
    expect(emulator.waf.servedSet('fault.example.com')?.default).toBe(other);

    const setsBefore = emulator.callsTo('ModifyDomain').length;
    emulator.faults.add({ action: 'ModifyDomain', kind: 'drop-after' });
    emulator.faults.add({ action: 'DescribeDomainDetail', kind: 'unavailable', times: 2 });
    const lost = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'waf: fault.example.com' }),
    );
    expect(lost.exitCode, lost.stdout).toBe(0);
    expect(lost.outputs['deployed-domains']).toBe('fault.example.com');
    expect(emulator.callsTo('ModifyDomain')).toHaveLength(setsBefore + 1);
    expect(emulator.waf.servedSet('fault.example.com')?.default).toBe(certId);
  }, 60_000);
});
