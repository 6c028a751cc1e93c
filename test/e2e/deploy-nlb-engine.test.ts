// Deploying to NLB TCPSSL listeners, the engine's parts (delete-superseded asking alsoInUse, an sni line's
// extensions and detach), as GitHub runs the action (`node dist/index.js`): a `deploy` line per listener
// (`nlb: lsn-…@443@cn-hangzhou`, ` sni` for an additional certificate), nlb-endpoint at the emulator. Every write
// settles after a delay (Configuring / Associating first), and the action waits until the listener serves it.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({
    zones: ['example.com'],
    recycleLeafKeys: true,
  });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'nlb-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const tookEffect = (action: string, listenerId: string) =>
  emulator.callsTo(action).filter((c) => c.status === 200 && c.params.ListenerId === listenerId);

async function heldCertificate(domains: string[]): Promise<{ certId: string; fingerprint: string }> {
  const certificate = (await emulator.cas.seedOrder({ domains })).certificate;
  return {
    certId: certificate?.certId ?? '',
    fingerprint: new X509Certificate(certificate?.certificatePem ?? '').fingerprint256,
  };
}

describe('deploy to NLB: superseded certificates', () => {
  it('delete-superseded deletes the old certificate, and keeps one a listener not listed still serves', async () => {
    const oldA = await heldCertificate(['a.example.com']);
    const oldB = await heldCertificate(['b.example.com']);
    const next = await heldCertificate(['a.example.com', 'b.example.com']);
    emulator.nlb.addListener({
      listenerId: 'lsn-dela@443',
      certificateIds: [`${oldA.certId}-cn-hangzhou`],
      settleMs: 200,
    });
    emulator.nlb.addListener({
      listenerId: 'lsn-delb@443',
      certificateIds: [`${oldB.certId}-cn-hangzhou`],
      settleMs: 200,
    });
    // Not listed: it still serves oldA as an additional certificate.
    emulator.nlb.addListener({
      listenerId: 'lsn-peer@443',
      additionalCertificateIds: [`${oldA.certId}-cn-hangzhou`],
    });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': next.certId,
        region: 'cn-hangzhou',
        deploy: 'nlb: lsn-dela@443\nnlb: lsn-delb@443',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lsn-dela@443,lsn-delb@443');
    expect(run.outputs['superseded-cert-ids']).toBe(oldB.certId);
    expect(emulator.cas.certificates.get(oldB.certId)).toBeUndefined();
    expect(emulator.cas.certificates.get(oldA.certId)).toBeDefined();
    expect(run.stdout).toContain(`Certificate ${oldA.certId} is kept: another NLB resource uses it.`);
    expect(emulator.callsTo('ListListeners').at(-1)?.params).toMatchObject({
      RegionId: 'cn-hangzhou',
      ListenerProtocol: 'TCPSSL',
    });
  }, 60_000);

  it('an sni line associates the certificate as an additional one and dissociates the one it superseded', async () => {
    const base = await heldCertificate(['shop.example.com']);
    const old = await heldCertificate(['*.shop.example.com']);
    const next = await heldCertificate(['*.shop.example.com']);
    emulator.nlb.addListener({
      listenerId: 'lsn-sni@443',
      certificateIds: [`${base.certId}-cn-hangzhou`],
      additionalCertificateIds: [`${old.certId}-cn-hangzhou`],
      settleMs: 300,
    });
    const front = await emulator.served.listen('nlb:lsn-sni@443');
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).toBe(old.fingerprint);
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': next.certId,
        deploy: 'nlb: lsn-sni@443@cn-hangzhou sni',
        'deploy-timeout': '20',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lsn-sni@443@cn-hangzhou sni');
    expect(
      tookEffect('AssociateAdditionalCertificatesWithListener', 'lsn-sni@443').map((c) => c.params),
    ).toEqual([expect.objectContaining({ 'AdditionalCertificateIds.1': `${next.certId}-cn-hangzhou` })]);
    expect(await servedFingerprint(front.port, 'a.shop.example.com')).toBe(next.fingerprint);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'nlb',
        resource: 'lsn-sni@443@cn-hangzhou sni',
        'cert-id-before': old.certId,
        'cert-id-after': next.certId,
        detached: [old.certId],
      }),
    ]);
    // The superseded one is dissociated once the new one is served; the default certificate is untouched.
    expect(
      tookEffect('DisassociateAdditionalCertificatesWithListener', 'lsn-sni@443').map((c) => c.params),
    ).toEqual([expect.objectContaining({ 'AdditionalCertificateIds.1': `${old.certId}-cn-hangzhou` })]);
    await new Promise((resolve) => setTimeout(resolve, 350));
    const listener = emulator.nlb.listener('lsn-sni@443');
    expect(listener?.additional.map((a) => a.certificateId)).toEqual([`${next.certId}-cn-hangzhou`]);
    expect(listener?.certificateIds).toEqual([`${base.certId}-cn-hangzhou`]);
    expect(tookEffect('UpdateListenerAttribute', 'lsn-sni@443')).toHaveLength(0);
    await front.close();
  }, 60_000);
  it('a lost answer to an association is looked up, not sent again', async () => {
    const cert = await heldCertificate(['*.lost.example.com']);
    emulator.nlb.addListener({ listenerId: 'lsn-assoc@443', settleMs: 200 });
    emulator.faults.add({ action: 'AssociateAdditionalCertificatesWithListener', kind: 'drop-after' });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': cert.certId,
        deploy: 'nlb: lsn-assoc@443 sni',
        'deploy-timeout': '20',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const calls = emulator
      .callsTo('AssociateAdditionalCertificatesWithListener')
      .filter((c) => c.params.ListenerId === 'lsn-assoc@443');
    expect(calls.map((c) => c.fault)).toEqual(['drop-after']);
    expect(emulator.nlb.listener('lsn-assoc@443')?.additional).toEqual([
      expect.objectContaining({ certificateId: `${cert.certId}-cn-hangzhou`, status: 'Associated' }),
    ]);
  }, 60_000);
});
