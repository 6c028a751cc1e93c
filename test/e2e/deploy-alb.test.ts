// Deploying to ALB listeners, as GitHub runs the action (`node dist/index.js` against the emulator, `alb-endpoint`
// pointed at it): a listener is `Configuring` for a while after a set, then `Running`; an extension certificate
// `Associating`, then `Associated`. The served front (emulator/served.ts) shows what clients get.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type ActionRun, runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'alb-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const okCalls = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200);
const orders = () => emulator.callsTo('CreateCertificateForPackageRequest').length;
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));

async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

describe('issue, then deploy to an ALB listener', () => {
  it('sets the default certificate, waits while the listener is Configuring, and clients get it; a second run changes nothing', async () => {
    // Another name: a held certificate for alb.example.com would be reused, not issued.
    const old = await heldCertificate(['old.example.com']);
    emulator.alb.addListener({ listenerId: 'lsn-issue', defaultCertificate: old, settleDelayMs: 1500 });
    const front = await emulator.served.listen('alb:lsn-issue');
    const deploy = 'alb: lsn-issue@cn-hangzhou';
    const run = await runAction(
      inputs({
        domains: 'alb.example.com',
        deploy,
        'verify-url': 'https://alb.example.com',
        'verify-connect-to': `alb.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('lsn-issue@cn-hangzhou');
    expect(run.outputs.changed).toBe('true');
    expect(okCalls('UpdateListenerAttribute').map((c) => c.params)).toEqual([
      expect.objectContaining({
        ListenerId: 'lsn-issue',
        RegionId: 'cn-hangzhou',
        'Certificates.1.CertificateId': `${certId}-cn-hangzhou`,
      }),
    ]);
    expect(run.stdout).toMatch(
      new RegExp(
        `ALB listener lsn-issue@cn-hangzhou still serves certificate ${certId}, Configuring: waiting\\.`,
      ),
    );
    expect(run.stdout).toContain(`ALB listener lsn-issue@cn-hangzhou serves certificate ${certId}.`);
    // The product's state, and what clients get, by TLS.
    expect(emulator.alb.listener('lsn-issue')?.defaultCertificate).toBe(`${certId}-cn-hangzhou`);
    expect(emulator.alb.servedSet('lsn-issue')?.default).toBe(certId);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'alb',
        resource: 'lsn-issue@cn-hangzhou',
        region: 'cn-hangzhou',
        'cert-id-before': old,
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    expect(run.stdout).toContain(`https://alb.example.com serves certificate ${certId}`);
    expect(await servedFingerprint(front.port, 'alb.example.com')).toBe(run.outputs['fingerprint-sha256']);
    expect(run.summary).toMatch(
      new RegExp(`\\| ALB \\| lsn-issue@cn-hangzhou \\| ${old} \\| ${certId} \\| \\S+ \\| deployed \\|`),
    );
    await front.close();

    const again = await runAction(inputs({ domains: 'alb.example.com', deploy }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs.changed).toBe('false');
    expect(again.outputs['deployed-domains']).toBe('lsn-issue@cn-hangzhou');
    expect(again.stdout).toContain(`ALB listener lsn-issue@cn-hangzhou already serves certificate ${certId}`);
    expect(okCalls('UpdateListenerAttribute')).toHaveLength(1);
  }, 90_000);
});

describe('mode: deploy to ALB', () => {
  it('delete-superseded deletes the old certificate, and keeps one another listener of the region still uses', async () => {
    const oldOne = await heldCertificate(['one.example.com']);
    const oldShared = await heldCertificate(['two.example.com']);
    const certId = await heldCertificate(['one.example.com', 'two.example.com']);
    emulator.alb.addListener({ listenerId: 'lsn-one', defaultCertificate: oldOne, settleDelayMs: 300 });
    emulator.alb.addListener({ listenerId: 'lsn-two', defaultCertificate: oldShared });
    // Not listed: the certificate it serves is kept.
    emulator.alb.addListener({ listenerId: 'lsn-unlisted', defaultCertificate: oldShared });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'alb: lsn-one@cn-hangzhou\nalb: lsn-two',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lsn-one@cn-hangzhou,lsn-two');
    expect(run.outputs['superseded-cert-ids']).toBe(oldOne);
    expect(emulator.cas.certificates.get(oldOne)).toBeUndefined();
    expect(emulator.cas.certificates.get(oldShared)).toBeDefined();
    for (const listener of ['lsn-one', 'lsn-two'])
      expect(emulator.alb.servedSet(listener)?.default).toBe(certId);
    expect(emulator.alb.servedSet('lsn-unlisted')?.default).toBe(oldShared);
    // The region's HTTPS listeners were listed to find it.
    expect(okCalls('ListListeners').at(-1)?.params).toMatchObject({ RegionId: 'cn-hangzhou' });
  }, 60_000);

  it('sni: associates an extension certificate, and dissociates the one it superseded once it is served', async () => {
    const base = await heldCertificate(['www.example.com']);
    const oldShop = await heldCertificate(['shop.example.com']);
    const blog = await heldCertificate(['blog.example.com']);
    const certId = await heldCertificate(['shop.example.com']);
    emulator.alb.addListener({
      listenerId: 'lsn-sni',
      defaultCertificate: base,
      extensions: [oldShop, blog],
      settleDelayMs: 400,
    });
    const front = await emulator.served.listen('alb:lsn-sni');
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'alb: lsn-sni@cn-hangzhou sni',
        'deploy-timeout': '20',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lsn-sni@cn-hangzhou sni');
    // The superseded extension is detached, then deleted; the default and the other name's stay held.
    expect(run.outputs['superseded-cert-ids']).toBe(oldShop);
    expect(emulator.cas.certificates.get(oldShop)).toBeUndefined();
    for (const id of [base, blog]) expect(emulator.cas.certificates.get(id)).toBeDefined();
    expect(JSON.parse(run.outputs.deployed ?? '[]')[0]).toMatchObject({
      target: 'alb',
      region: 'cn-hangzhou',
      'cert-id-after': certId,
      detached: [oldShop],
    });
    expect(okCalls('AssociateAdditionalCertificatesWithListener').at(-1)?.params).toMatchObject({
      ListenerId: 'lsn-sni',
      'Certificates.1.CertificateId': `${certId}-cn-hangzhou`,
    });
    // The default certificate is untouched; the superseded extension is dissociated, the unrelated one kept.
    expect(okCalls('UpdateListenerAttribute').filter((c) => c.params.ListenerId === 'lsn-sni')).toHaveLength(
      0,
    );
    expect(okCalls('DissociateAdditionalCertificatesFromListener').at(-1)?.params).toMatchObject({
      ListenerId: 'lsn-sni',
      'Certificates.1.CertificateId': `${oldShop}-cn-hangzhou`,
    });
    emulator.setClockOffset(1000);
    expect(emulator.alb.servedSet('lsn-sni')).toEqual({ default: base, extensions: [blog, certId] });
    const pem = emulator.cas.certificates.get(certId)?.certificatePem ?? '';
    const { X509Certificate } = await import('node:crypto');
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(
      new X509Certificate(pem).fingerprint256,
    );
    emulator.setClockOffset(0);
    await front.close();
    // Again: served, nothing superseded, nothing sent.
    const associations = okCalls('AssociateAdditionalCertificatesWithListener').length;
    const again = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'alb: lsn-sni@cn-hangzhou sni' }),
    );
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain(
      `ALB listener lsn-sni@cn-hangzhou (extension certificate) already serves certificate ${certId}`,
    );
    expect(okCalls('AssociateAdditionalCertificatesWithListener')).toHaveLength(associations);
  }, 60_000);
});

describe('ALB pre-flight: before anything is ordered', () => {
  it('a listener not in the account, an HTTP listener and a listener of the other site each fail naming it; no order', async () => {
    emulator.alb.addListener({ listenerId: 'lsn-http', protocol: 'HTTP' });
    emulator.alb.addListener({ listenerId: 'lsn-sg', regionId: 'ap-southeast-1' });
    const before = orders();
    const run = await runAction(
      inputs({
        domains: 'pre.example.com',
        deploy: 'alb: lsn-gone@cn-hangzhou\nalb: lsn-http@cn-hangzhou\nalb: lsn-sg@ap-southeast-1',
      }),
    );
    expect(run.exitCode).toBe(1);
    const error = errorsOf(run).join('\n');
    expect(error).toContain(
      "input 'deploy' names ALB listener lsn-gone@cn-hangzhou, which is not in this account in cn-hangzhou (ResourceNotFound.Listener)",
    );
    expect(error).toContain(
      'names ALB listener lsn-http@cn-hangzhou, an HTTP listener, not HTTPS or QUIC, so it serves no certificate',
    );
    expect(error).toMatch(
      /names ALB listener lsn-sg@ap-southeast-1, on the international site, while the certificate is held .* on the China site \(cn-hangzhou/,
    );
    expect(orders()).toBe(before);
    expect(run.outputs['order-id']).toBeUndefined();
    expect(
      emulator.callsTo('UpdateListenerAttribute').filter((c) => c.params.ListenerId === 'lsn-http'),
    ).toHaveLength(0);
  }, 60_000);
});

describe('ALB faults', () => {
  it('a set refused twice (503) fails naming the listener; once, it is read back and sent again; a lost answer is read back, not resent', async () => {
    const certId = await heldCertificate(['fault.example.com']);
    emulator.alb.addListener({ listenerId: 'lsn-fault' });
    emulator.faults.add({ action: 'UpdateListenerAttribute', kind: 'unavailable', times: 2 });
    const refused = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'alb: lsn-fault@cn-hangzhou' }),
    );
    expect(refused.exitCode).toBe(1);
    expect(errorsOf(refused).join('\n')).toMatch(
      /ALB listener lsn-fault@cn-hangzhou: UpdateListenerAttribute failed: ServiceUnavailable/,
    );
    expect(emulator.alb.listener('lsn-fault')?.defaultCertificate).toBeUndefined();

    const other = await heldCertificate(['fault.example.com']);
    emulator.faults.add({ action: 'UpdateListenerAttribute', kind: 'unavailable' });
    const resent = await runAction(
      inputs({ mode: 'deploy', 'cert-id': other, deploy: 'alb: lsn-fault@cn-hangzhou' }),
    );
    expect(resent.exitCode, resent.stdout).toBe(0);
    expect(emulator.alb.servedSet('lsn-fault')?.default).toBe(other);

    const setsBefore = emulator.callsTo('UpdateListenerAttribute').length;
    emulator.faults.add({ action: 'UpdateListenerAttribute', kind: 'drop-after' });
    emulator.faults.add({ action: 'GetListenerAttribute', kind: 'unavailable', times: 2 });
    const lost = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'alb: lsn-fault@cn-hangzhou' }),
    );
    expect(lost.exitCode, lost.stdout).toBe(0);
    expect(lost.outputs['deployed-domains']).toBe('lsn-fault@cn-hangzhou');
    expect(emulator.callsTo('UpdateListenerAttribute')).toHaveLength(setsBefore + 1);
    expect(emulator.alb.servedSet('lsn-fault')?.default).toBe(certId);
  }, 60_000);
});
