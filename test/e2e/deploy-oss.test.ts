// Deploying to an OSS bucket's custom domain, as GitHub runs the action (`node dist/index.js` against the
// emulator, `oss-endpoint` pointing at it): PutCname with the CAS identifier, ListCname read back, the domain's
// front serving it; a second run changes nothing; superseded certificates deleted unless another domain of the
// bucket serves them; a domain not bound or a missing bucket refused before the order; faults retried or reported.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

const LINE = 'oss: my-bucket/static.example.com@cn-shanghai';
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({
    zones: ['example.com'],
    ossBuckets: [
      {
        bucket: 'my-bucket',
        region: 'cn-shanghai',
        domains: ['static.example.com', 'img.example.com', 'other.example.com'],
      },
    ],
  });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'oss-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const puts = () => emulator.callsTo('PutCname').filter((c) => c.status === 200);
const orders = () => emulator.callsTo('CreateCertificateForPackageRequest').length;
const pemOf = (id: string) => emulator.cas.certificates.get(id)?.certificatePem ?? '';
async function heldCertificate(domains: string[]): Promise<string> {
  const order = await emulator.cas.seedOrder({ domains });
  return order.certificate?.certId ?? '';
}

describe('deploy to an OSS custom domain', () => {
  it('issues, sets it with PutCname, reads it back, and the domain serves it; a second run changes nothing', async () => {
    const front = await emulator.served.listen('oss:my-bucket/static.example.com');
    const verify = {
      'verify-url': 'https://static.example.com',
      'verify-connect-to': `static.example.com:443:127.0.0.1:${front.port}`,
    };
    const run = await runAction(inputs({ domains: 'static.example.com', deploy: LINE, ...verify }));
    expect(run.exitCode, run.stdout).toBe(0);
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.stdout).toContain(`https://static.example.com serves certificate ${certId}`);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'oss',
        resource: 'my-bucket/static.example.com@cn-shanghai',
        region: 'cn-shanghai',
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    expect(run.outputs['deployed-domains']).toBe('my-bucket/static.example.com@cn-shanghai');
    expect(run.outputs.changed).toBe('true');
    expect(puts().at(-1)?.params).toEqual({
      Bucket: 'my-bucket',
      cname: '',
      comp: 'add',
      'Cname.Domain': 'static.example.com',
      'Cname.CertificateConfiguration.CertId': `${certId}-cn-hangzhou`,
      'Cname.CertificateConfiguration.Force': 'true',
    });
    expect(emulator.oss.cname('my-bucket', 'static.example.com')?.certificate?.certId).toBe(
      `${certId}-cn-hangzhou`,
    );
    expect(emulator.callsTo('ListCname').length).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toContain(
      `OSS domain static.example.com of bucket my-bucket serves certificate ${certId}.`,
    );
    expect(await servedFingerprint(front.port, 'static.example.com')).toBe(
      new X509Certificate(pemOf(certId)).fingerprint256,
    );
    const setsBefore = puts().length;
    const again = await runAction(inputs({ domains: 'static.example.com', deploy: LINE, ...verify }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(puts()).toHaveLength(setsBefore);
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain('already serves certificate');
    await front.close();
  }, 60_000);

  it('delete-superseded deletes the old certificate, and keeps one another domain of the bucket still serves', async () => {
    const oldImg = await heldCertificate(['img.example.com']);
    const shared = await heldCertificate(['*.example.com']);
    const certId = await heldCertificate(['img.example.com', 'other.example.com', 'static.example.com']);
    emulator.oss.setCertificate('my-bucket', 'img.example.com', oldImg);
    emulator.oss.setCertificate('my-bucket', 'static.example.com', shared);
    // Not listed: OSS says it serves the shared certificate still, so that one stays.
    emulator.oss.setCertificate('my-bucket', 'other.example.com', shared);
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'oss: my-bucket/img.example.com@cn-shanghai\noss: my-bucket/static.example.com@cn-shanghai',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['superseded-cert-ids']).toBe(oldImg);
    expect(emulator.cas.certificates.get(oldImg)).toBeUndefined();
    expect(emulator.cas.certificates.get(shared)).toBeDefined();
    for (const domain of ['img.example.com', 'static.example.com'])
      expect(emulator.oss.servedSet(`my-bucket/${domain}`)).toEqual({ default: certId });
  }, 60_000);

  it('a domain not bound to the bucket, or a missing bucket, fails naming deploy before any order', async () => {
    const before = orders();
    const unbound = await runAction(
      inputs({ domains: 'gone.example.com', deploy: 'oss: my-bucket/gone.example.com@cn-shanghai' }),
    );
    expect(unbound.exitCode, unbound.stdout).toBe(1);
    expect(unbound.stdout).toContain(
      "input 'deploy' names my-bucket/gone.example.com@cn-shanghai, but bucket my-bucket has no custom domain gone.example.com: bind it in the OSS console first",
    );
    const missing = await runAction(
      inputs({ domains: 'static.example.com', deploy: 'oss: no-bucket/static.example.com@cn-shanghai' }),
    );
    expect(missing.exitCode, missing.stdout).toBe(1);
    expect(missing.stdout).toContain('bucket no-bucket is not in this account (NoSuchBucket)');
    const region = await runAction(
      inputs({ domains: 'static.example.com', deploy: 'oss: my-bucket/static.example.com@cn-beijing' }),
    );
    expect(region.exitCode, region.stdout).toBe(1);
    expect(region.stdout).toContain('bucket my-bucket is not in cn-beijing');
    expect(orders()).toBe(before);
    expect(
      emulator.callsTo('PutCname').filter((c) => c.params['Cname.Domain'] === 'gone.example.com'),
    ).toHaveLength(0);
  }, 60_000);

  it('a dropped ListCname answer is retried; a 503 on PutCname is reported naming the domain', async () => {
    const certId = await heldCertificate(['static.example.com']);
    emulator.faults.add({ action: 'ListCname', kind: 'drop-before' });
    emulator.faults.add({ action: 'ListCname', kind: 'unavailable' });
    const retried = await runAction(inputs({ mode: 'deploy', 'cert-id': certId, deploy: LINE }));
    expect(retried.exitCode, retried.stdout).toBe(0);
    expect(emulator.oss.servedSet('my-bucket/static.example.com')).toEqual({ default: certId });

    const next = await heldCertificate(['static.example.com']);
    emulator.faults.add({ action: 'PutCname', kind: 'unavailable' });
    const failed = await runAction(inputs({ mode: 'deploy', 'cert-id': next, deploy: LINE }));
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toMatch(
      /::error::.*OSS domain static\.example\.com of bucket my-bucket: PutCname failed: ServiceUnavailable/,
    );
  }, 60_000);
});
