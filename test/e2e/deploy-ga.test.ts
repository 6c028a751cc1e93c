// Deploying to Global Accelerator listeners, as GitHub runs the action (`node dist/index.js` against the emulator,
// `ga-endpoint` pointed at it): a listener is `updating` for a while after a write, then `active`; an additional
// certificate is bound per domain. The served front (emulator/served.ts) shows what clients get.
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

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'ga-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const okCalls = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200);
const orders = () => emulator.callsTo('CreateCertificateForPackageRequest').length;
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const COMMON = [
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
  'SecurityToken',
];
const operationParams = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON.includes(name)));
const fingerprintOf = (certId: string) =>
  new X509Certificate(emulator.cas.certificates.get(certId)?.certificatePem ?? '').fingerprint256;

async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

describe('issue, then deploy to a GA listener', () => {
  it('sets the default certificate alone (the listener keeps its other settings), waits while it is updating, and clients get it; a second run changes nothing', async () => {
    const old = await heldCertificate(['old.example.com']);
    const listener = emulator.ga.addListener({
      listenerId: 'lsr-issue',
      acceleratorId: 'ga-issue',
      defaultCertificate: old,
      settleDelayMs: 1500,
    });
    const settings = { ...listener, additional: [] };
    const front = await emulator.served.listen('ga:lsr-issue');
    const deploy = 'ga: lsr-issue';
    const run = await runAction(
      inputs({
        domains: 'ga.example.com',
        deploy,
        'verify-url': 'https://ga.example.com',
        'verify-connect-to': `ga.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('lsr-issue');
    expect(run.outputs.changed).toBe('true');
    // Only the certificate and the call's own token: every other setting is left out, so the listener keeps it.
    expect(okCalls('UpdateListener').map((c) => operationParams(c.params))).toEqual([
      {
        ListenerId: 'lsr-issue',
        RegionId: 'cn-hangzhou',
        'Certificates.1.Id': `${certId}-cn-hangzhou`,
        ClientToken: expect.stringMatching(/^certdeploy-[0-9a-f]{40}$/),
      },
    ]);
    expect(run.stdout).toContain(
      `GA listener lsr-issue still serves certificate ${certId}, updating: waiting.`,
    );
    expect(run.stdout).toContain(`GA listener lsr-issue serves certificate ${certId}.`);
    // The product's state (every other setting as it was), and what clients get, by TLS.
    const after = emulator.ga.listener('lsr-issue');
    expect(after?.defaultCertificate).toBe(`${certId}-cn-hangzhou`);
    for (const setting of [
      'name',
      'description',
      'port',
      'idleTimeout',
      'requestTimeout',
      'httpVersion',
      'securityPolicyId',
      'clientAffinity',
    ] as const)
      expect(after?.[setting], setting).toEqual(settings[setting]);
    expect(emulator.ga.servedSet('lsr-issue')?.default).toBe(certId);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'ga',
        resource: 'lsr-issue',
        'cert-id-before': old,
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    expect(run.stdout).toContain(`https://ga.example.com serves certificate ${certId}`);
    expect(await servedFingerprint(front.port, 'ga.example.com')).toBe(run.outputs['fingerprint-sha256']);
    expect(run.summary).toMatch(
      new RegExp(`\\| GA \\| lsr-issue \\| ${old} \\| ${certId} \\| \\S+ \\| deployed \\|`),
    );
    await front.close();

    const again = await runAction(inputs({ domains: 'ga.example.com', deploy }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs.changed).toBe('false');
    expect(again.outputs['deployed-domains']).toBe('lsr-issue');
    expect(again.stdout).toContain(`GA listener lsr-issue already serves certificate ${certId}`);
    expect(okCalls('UpdateListener')).toHaveLength(1);
  }, 90_000);
});

describe('mode: deploy to GA', () => {
  it('delete-superseded deletes the old certificate, and keeps one another listener of the accelerator still uses', async () => {
    const oldOne = await heldCertificate(['one.example.com']);
    const oldShared = await heldCertificate(['two.example.com']);
    const certId = await heldCertificate(['one.example.com', 'two.example.com']);
    emulator.ga.addListener({ listenerId: 'lsr-one', acceleratorId: 'ga-pair', defaultCertificate: oldOne });
    emulator.ga.addListener({
      listenerId: 'lsr-two',
      acceleratorId: 'ga-pair',
      defaultCertificate: oldShared,
    });
    // Not listed, on the same accelerator: the certificate it serves (as an additional one) is kept.
    emulator.ga.addListener({
      listenerId: 'lsr-unlisted',
      acceleratorId: 'ga-pair',
      additional: [{ domain: 'two.example.com', certId: oldShared }],
    });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'ga: lsr-one\nga: lsr-two',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lsr-one,lsr-two');
    expect(run.outputs['superseded-cert-ids']).toBe(oldOne);
    expect(emulator.cas.certificates.get(oldOne)).toBeUndefined();
    expect(emulator.cas.certificates.get(oldShared)).toBeDefined();
    for (const listener of ['lsr-one', 'lsr-two'])
      expect(emulator.ga.servedSet(listener)?.default).toBe(certId);
    expect(run.stdout).toContain(`Certificate ${oldShared} is kept: another GA resource uses it.`);
    expect(okCalls('ListListeners').at(-1)?.params).toMatchObject({ AcceleratorId: 'ga-pair' });
  }, 60_000);

  it('sni: replaces the bound domain, associates the new one, and dissociates the domain of the one it superseded', async () => {
    const base = await heldCertificate(['www.example.com']);
    const oldShop = await heldCertificate(['*.shop.example.com']);
    const oldPlain = await heldCertificate(['x.shop.example.com']);
    const blog = await heldCertificate(['blog.example.com']);
    const certId = await heldCertificate(['*.shop.example.com', '*.api.example.com']);
    emulator.ga.addListener({
      listenerId: 'lsr-sni',
      acceleratorId: 'ga-sni',
      defaultCertificate: base,
      additional: [
        { domain: '*.shop.example.com', certId: oldShop },
        { domain: 'x.shop.example.com', certId: oldPlain },
        { domain: 'blog.example.com', certId: blog },
      ],
      // Each write keeps the accelerator busy a while: the next one waits for it.
      settleDelayMs: 300,
    });
    const front = await emulator.served.listen('ga:lsr-sni');
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'ga: lsr-sni sni',
        'deploy-timeout': '30',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lsr-sni sni');
    expect(run.outputs['superseded-cert-ids']?.split(',').sort()).toEqual([oldShop, oldPlain].sort());
    for (const id of [oldShop, oldPlain]) expect(emulator.cas.certificates.get(id)).toBeUndefined();
    for (const id of [base, blog]) expect(emulator.cas.certificates.get(id)).toBeDefined();
    expect(JSON.parse(run.outputs.deployed ?? '[]')[0]).toMatchObject({
      target: 'ga',
      'cert-id-after': certId,
      detached: expect.arrayContaining([oldShop, oldPlain]),
    });
    const ids = { AcceleratorId: 'ga-sni', ListenerId: 'lsr-sni', RegionId: 'cn-hangzhou' };
    expect(okCalls('AssociateAdditionalCertificatesWithListener').at(-1)?.params).toMatchObject({
      ...ids,
      'Certificates.1.Id': `${certId}-cn-hangzhou`,
      'Certificates.1.Domain': '*.api.example.com',
    });
    expect(okCalls('UpdateAdditionalCertificateWithListener').at(-1)?.params).toMatchObject({
      ...ids,
      CertificateId: `${certId}-cn-hangzhou`,
      Domain: '*.shop.example.com',
    });
    expect(okCalls('DissociateAdditionalCertificatesFromListener').at(-1)?.params).toMatchObject({
      ...ids,
      'Domains.1': 'x.shop.example.com',
    });
    expect(okCalls('UpdateListener').filter((c) => c.params.ListenerId === 'lsr-sni')).toHaveLength(0);
    // The replacement came while the association still held the accelerator: refused as busy, sent again later.
    expect(
      emulator.callsTo('UpdateAdditionalCertificateWithListener').map((c) => c.code ?? String(c.status)),
    ).toEqual(['StateError.Accelerator', '200']);
    emulator.setClockOffset(1000);
    expect(emulator.ga.servedSet('lsr-sni')).toEqual({ default: base, extensions: [certId, blog, certId] });
    for (const host of ['a.shop.example.com', 'x.shop.example.com', 'b.api.example.com'])
      expect(await servedFingerprint(front.port, host), host).toBe(fingerprintOf(certId));
    expect(await servedFingerprint(front.port, 'blog.example.com')).toBe(fingerprintOf(blog));
    emulator.setClockOffset(0);
    await front.close();
    // Again: served, nothing superseded, nothing sent.
    const writes = emulator.ga.changes;
    const again = await runAction(inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'ga: lsr-sni sni' }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain(
      `GA listener lsr-sni (additional certificates) already serves certificate ${certId}`,
    );
    expect(emulator.ga.changes).toBe(writes);
  }, 90_000);
});

describe('GA: a certificate bound on some of its names only (an earlier run cut short)', () => {
  it('binds the rest before detaching what it supersedes, so no domain loses its certificate', async () => {
    const oldShop = await heldCertificate(['*.shop.example.com']);
    const certId = await heldCertificate(['*.shop.example.com', '*.api.example.com']);
    emulator.ga.addListener({
      listenerId: 'lsr-partial',
      acceleratorId: 'ga-partial',
      additional: [
        { domain: '*.shop.example.com', certId: oldShop },
        // The earlier run associated this one, then failed before replacing *.shop.example.com.
        { domain: '*.api.example.com', certId },
      ],
    });
    const run = await runAction(inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'ga: lsr-partial sni' }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(emulator.ga.listener('lsr-partial')?.additional.map((a) => [a.domain, a.certificateId])).toEqual([
      ['*.shop.example.com', `${certId}-cn-hangzhou`],
      ['*.api.example.com', `${certId}-cn-hangzhou`],
    ]);
    expect(
      okCalls('DissociateAdditionalCertificatesFromListener').filter(
        (c) => c.params.ListenerId === 'lsr-partial',
      ),
    ).toHaveLength(0);
  }, 60_000);
});

describe('GA pre-flight: before anything is ordered', () => {
  it('a listener not in the account and a TCP listener each fail naming it; no order', async () => {
    emulator.ga.addListener({ listenerId: 'lsr-tcp', protocol: 'TCP' });
    const before = orders();
    const run = await runAction(
      inputs({ domains: 'pre.example.com', deploy: 'ga: lsr-gone\nga: lsr-tcp sni' }),
    );
    expect(run.exitCode).toBe(1);
    const error = errorsOf(run).join('\n');
    expect(error).toContain(
      "input 'deploy' names GA listener lsr-gone, which is not in this account (NotExist.Listener): check the listener id, or ga-endpoint",
    );
    expect(error).toContain(
      'names GA listener lsr-tcp, a TCP listener, not HTTPS: GA serves certificates on HTTPS listeners only',
    );
    expect(orders()).toBe(before);
    expect(run.outputs['order-id']).toBeUndefined();
  }, 60_000);
});

describe('GA faults', () => {
  it('a lost answer is sent again with the same ClientToken and changes the listener once; a read fault is retried; a write refused twice fails naming the listener', async () => {
    const certId = await heldCertificate(['fault.example.com']);
    emulator.ga.addListener({ listenerId: 'lsr-fault', acceleratorId: 'ga-fault' });
    const calls = emulator.callsTo('UpdateListener').length;
    const changes = emulator.ga.changes;
    emulator.faults.add({ action: 'UpdateListener', kind: 'drop-after' });
    emulator.faults.add({ action: 'DescribeListener', kind: 'unavailable', times: 2 });
    const lost = await runAction(inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'ga: lsr-fault' }));
    expect(lost.exitCode, lost.stdout).toBe(0);
    expect(lost.outputs['deployed-domains']).toBe('lsr-fault');
    const sent = emulator.callsTo('UpdateListener').slice(calls);
    expect(sent.map((c) => c.status)).toEqual([0, 200]);
    expect(sent[1]?.params.ClientToken).toBe(sent[0]?.params.ClientToken);
    expect(emulator.ga.changes).toBe(changes + 1);
    expect(emulator.ga.servedSet('lsr-fault')?.default).toBe(certId);
    expect(
      emulator.callsTo('DescribeListener').filter((c) => c.status === 503).length,
    ).toBeGreaterThanOrEqual(2);

    const other = await heldCertificate(['fault.example.com']);
    emulator.faults.add({ action: 'UpdateListener', kind: 'unavailable', times: 2 });
    const refused = await runAction(inputs({ mode: 'deploy', 'cert-id': other, deploy: 'ga: lsr-fault' }));
    expect(refused.exitCode).toBe(1);
    expect(errorsOf(refused).join('\n')).toMatch(
      /GA listener lsr-fault: UpdateListener failed: ServiceUnavailable/,
    );
    expect(emulator.ga.servedSet('lsr-fault')?.default).toBe(certId);
  }, 60_000);
});
