// Deploying to NLB TCPSSL listeners, as GitHub runs the action (`node dist/index.js`): a `deploy` line per listener
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
    nlbListeners: [
      { listenerId: 'lsn-web@443', region: 'cn-hangzhou', settleMs: 400 },
      { listenerId: 'lsn-tcp@80', region: 'cn-hangzhou', protocol: 'TCP' },
    ],
  });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'nlb-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const tookEffect = (action: string, listenerId: string) =>
  emulator.callsTo(action).filter((c) => c.status === 200 && c.params.ListenerId === listenerId);
const orders = () =>
  emulator.callsTo('CreateCertificateForPackageRequest').length +
  emulator.callsTo('CreateCertificateRequest').length;

async function heldCertificate(domains: string[]): Promise<{ certId: string; fingerprint: string }> {
  const certificate = (await emulator.cas.seedOrder({ domains })).certificate;
  return {
    certId: certificate?.certId ?? '',
    fingerprint: new X509Certificate(certificate?.certificatePem ?? '').fingerprint256,
  };
}

describe('deploy to NLB', () => {
  it('issue sets the default certificate and waits until it is served; a second run changes nothing', async () => {
    const front = await emulator.served.listen('nlb:lsn-web@443');
    const line = { domains: 'tcp.example.com', deploy: 'nlb: lsn-web@443@cn-hangzhou' };
    // The TLS check of what clients get goes to the listener's front.
    const run = await runAction(
      inputs({
        ...line,
        'verify-url': 'https://tcp.example.com',
        'verify-connect-to': `tcp.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('lsn-web@443@cn-hangzhou');
    expect(run.outputs.changed).toBe('true');
    expect(tookEffect('UpdateListenerAttribute', 'lsn-web@443').map((c) => c.params)).toEqual([
      expect.objectContaining({ RegionId: 'cn-hangzhou', 'CertificateIds.1': `${certId}-cn-hangzhou` }),
    ]);
    expect(emulator.nlb.listener('lsn-web@443')?.certificateIds).toEqual([`${certId}-cn-hangzhou`]);
    expect(run.stdout).toMatch(
      /NLB listener lsn-web@443 in cn-hangzhou still serves no certificate, Configuring: waiting\./,
    );
    expect(run.stdout).toContain(`NLB listener lsn-web@443 in cn-hangzhou serves certificate ${certId}.`);
    // What clients get: the front of the listener shows the new certificate.
    const pem = emulator.cas.certificates.get(certId)?.certificatePem ?? '';
    expect(await servedFingerprint(front.port, 'tcp.example.com')).toBe(
      new X509Certificate(pem).fingerprint256,
    );
    expect(run.summary).toMatch(new RegExp(`\\| NLB \\| lsn-web@443@cn-hangzhou \\| none \\| ${certId} \\|`));
    expect(run.stdout).toContain(`https://tcp.example.com serves certificate ${certId}`);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      {
        target: 'nlb',
        resource: 'lsn-web@443@cn-hangzhou',
        region: 'cn-hangzhou',
        'cert-id-before': null,
        'cert-id-after': certId,
        'served-since': expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
        outcome: 'deployed',
      },
    ]);

    const again = await runAction(inputs(line));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(tookEffect('UpdateListenerAttribute', 'lsn-web@443')).toHaveLength(1);
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain(
      `NLB listener lsn-web@443 in cn-hangzhou already serves certificate ${certId}`,
    );
    await front.close();
  }, 60_000);

  it('a TCP listener and a listener not in the account fail before any order, each named', async () => {
    const before = orders();
    const run = await runAction(
      inputs({ domains: 'tcp.example.com', deploy: 'nlb: lsn-tcp@80@cn-hangzhou\nnlb: lsn-gone@443' }),
    );
    expect(run.exitCode).toBe(1);
    expect(orders()).toBe(before);
    expect(run.stdout).toContain(
      'names NLB listener lsn-tcp@80 in cn-hangzhou, which is a TCP listener, not TCPSSL: only a TCPSSL listener serves a certificate',
    );
    expect(run.stdout).toContain(
      'names NLB listener lsn-gone@443 in cn-hangzhou, which is not a listener of this account there (ResourceNotFound.listener)',
    );
    expect(
      emulator.callsTo('UpdateListenerAttribute').filter((c) => c.params.ListenerId === 'lsn-tcp@80'),
    ).toHaveLength(0);
  }, 60_000);

  it('a lost answer to the set is looked up, not sent blindly again; a 503 on the read is retried', async () => {
    const cert = await heldCertificate(['lost.example.com']);
    emulator.nlb.addListener({ listenerId: 'lsn-lost@443', settleMs: 300 });
    emulator.faults.add({ action: 'UpdateListenerAttribute', kind: 'drop-after' });
    emulator.faults.add({ action: 'GetListenerAttribute', kind: 'unavailable' });
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': cert.certId, deploy: 'nlb: lsn-lost@443' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lsn-lost@443');
    expect(
      emulator
        .callsTo('GetListenerAttribute')
        .some((c) => c.status === 503 && c.params.ListenerId === 'lsn-lost@443'),
    ).toBe(true);
    // The one set took effect (its answer was dropped); the listener, Configuring, was not set again.
    expect(
      emulator.callsTo('UpdateListenerAttribute').filter((c) => c.params.ListenerId === 'lsn-lost@443'),
    ).toHaveLength(1);
    expect(emulator.nlb.listener('lsn-lost@443')?.certificateIds).toEqual([`${cert.certId}-cn-hangzhou`]);
  }, 60_000);

  it('a refused set fails the run naming the listener', async () => {
    const cert = await heldCertificate(['refused.example.com']);
    emulator.nlb.addListener({ listenerId: 'lsn-refused@443' });
    emulator.faults.add({ action: 'UpdateListenerAttribute', kind: 'internal', times: 10 });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': cert.certId,
        deploy: 'nlb: lsn-refused@443',
        'deploy-timeout': '5',
      }),
    );
    emulator.faults.clear();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*NLB listener lsn-refused@443 in cn-hangzhou: UpdateListenerAttribute failed/,
    );
  }, 60_000);
});
