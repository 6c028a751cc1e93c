// Deploying to CDN and DCDN, as GitHub runs the action: the domains switch after a per-domain delay (old
// certificate `checking`, then the new one `success`), and the action waits until every one serves it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faultPhase } from '../../emulator/faults.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

// A paid product of the emulator's default packages: only a paid order renews in place.
const PAID = 'symantec-dv-1-starter';
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com', 'example.net', 'example.org'] });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'dcdn-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const setCalls = (action: string, domain?: string) =>
  emulator.callsTo(action).filter((c) => c.status === 200 && (!domain || c.params.DomainName === domain));

/** An issued certificate at the service (an older one a domain serves before the deployment). */
async function heldCertificate(domains: string[]): Promise<string> {
  const order = await emulator.cas.seedOrder({ domains });
  return order.certificate?.certId ?? '';
}

describe('issue, then deploy to CDN', () => {
  it('waits until both domains (one wildcard) serve the new certificate, each after its own delay', async () => {
    emulator.cdn.addDomain('.example.com', { deployDelayMs: 600 });
    emulator.cdn.addDomain('static.example.com', { deployDelayMs: 2500 });
    const started = Date.now();
    const run = await runAction(
      inputs({ domains: '*.example.com', 'cdn-domains': '*.example.com, static.example.com' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('*.example.com,static.example.com');
    expect(run.outputs.changed).toBe('true');
    // The wildcard domain is named as the service names it, with CertRegion from region.
    expect(setCalls('SetCdnDomainSSLCertificate').map((c) => c.params)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          DomainName: '.example.com',
          CertType: 'cas',
          CertId: certId,
          SSLProtocol: 'on',
          CertRegion: 'cn-hangzhou',
        }),
        expect.objectContaining({ DomainName: 'static.example.com', CertId: certId }),
      ]),
    );
    expect(emulator.callsTo('SetDomainServerCertificate')).toHaveLength(0);
    // Seen waiting: the old state ("checking") was logged, and the run lasted until the slow domain switched.
    expect(run.stdout).toMatch(
      /CDN domain static\.example\.com still serves no certificate, checking: waiting\./,
    );
    expect(run.stdout).toMatch(/CDN domain static\.example\.com serves certificate \d+\./);
    const slow = emulator.cdn.domain('static.example.com')?.certificate;
    const fast = emulator.cdn.domain('.example.com')?.certificate;
    expect([slow?.certId, fast?.certId]).toEqual([certId, certId]);
    // Each served its own delay after the set that took (under chaos a set may be retried, so not in call order),
    // and the run ended only once the slow one served.
    const setAt = (name: string) =>
      emulator
        .callsTo('SetCdnDomainSSLCertificate')
        .filter(
          (c) =>
            c.params.DomainName === name &&
            (c.status === 200 || (c.fault !== undefined && faultPhase(c.fault) === 'after')),
        )
        .at(-1)?.at ?? Number.NaN;
    expect((fast?.updatedAt ?? 0) - setAt('.example.com')).toBeGreaterThanOrEqual(600);
    expect((slow?.updatedAt ?? 0) - setAt('static.example.com')).toBeGreaterThanOrEqual(2500);
    const ended = Date.now();
    expect(ended).toBeGreaterThanOrEqual(slow?.updatedAt ?? Number.POSITIVE_INFINITY);
    expect(ended - started).toBeGreaterThan(2500);
    // Summary: per domain before, after and when served.
    expect(run.summary).toContain(`#### Deployment of certificate ${certId}`);
    expect(run.summary).toMatch(
      new RegExp(
        `\\| CDN \\| static\\.example\\.com \\| none \\| ${certId} \\| \\d{4}-\\d\\d-\\d\\dT[\\d:]+Z \\| deployed \\|`,
      ),
    );
  }, 60_000);

  it('deploy: one resource a line deploys as the shorthands do; a bad line fails naming deploy before any call', async () => {
    emulator.cdn.addDomain('lines.example.com');
    emulator.dcdn.addDomain('edge.example.com');
    const run = await runAction(
      inputs({
        domains: 'lines.example.com, edge.example.com',
        deploy: 'cdn: lines.example.com\ndcdn: edge.example.com',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['deployed-domains']).toBe('lines.example.com,edge.example.com');
    const before = emulator.calls.length;
    const bad = await runAction(inputs({ domains: 'lines.example.com', deploy: 'cnd: lines.example.com' }));
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain(
      "input 'deploy' names the unknown target 'cnd' ('cnd: lines.example.com'); did you mean cdn?",
    );
    expect(emulator.calls.length).toBe(before);
  });

  it('an unchanged certificate is checked on each domain and set again only where someone switched it', async () => {
    const other = await heldCertificate(['static.example.com']);
    const before = setCalls('SetCdnDomainSSLCertificate').length;
    emulator.cdn.setCertificate('static.example.com', {
      certificatePem: `${emulator.cas.orders().at(-1)?.certificate?.certificatePem}`,
      certId: other,
    });
    const run = await runAction(
      inputs({ domains: '*.example.com', 'cdn-domains': '*.example.com, static.example.com' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('unchanged');
    const newSets = setCalls('SetCdnDomainSSLCertificate').slice(before);
    expect(newSets.map((c) => c.params.DomainName)).toEqual(['static.example.com']);
    expect(run.stdout).toContain('CDN domain *.example.com already serves certificate');
    expect(run.outputs.changed).toBe('true');
    expect(run.summary).toMatch(new RegExp(`\\| CDN \\| static\\.example\\.com \\| ${other} \\| \\d+ \\|`));
    // A third run finds both served: no set at all, nothing changed.
    const again = await runAction(
      inputs({ domains: '*.example.com', 'cdn-domains': '*.example.com, static.example.com' }),
    );
    expect(again.exitCode, again.stdout).toBe(0);
    expect(setCalls('SetCdnDomainSSLCertificate')).toHaveLength(before + 1);
    expect(again.outputs.changed).toBe('false');
  }, 60_000);

  it('refuses a CDN domain the certificate does not cover before any CDN call but the pre-flight read', async () => {
    // In the account, so the pre-flight read before ordering passes (test/e2e/preflight.test.ts).
    emulator.cdn.addDomain('a.b.example.com');
    const cdnCallsBefore = emulator.calls.filter((c) => c.product === 'cdn').length;
    const run = await runAction(inputs({ domains: '*.example.com', 'cdn-domains': 'a.b.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*Certificate \d+ \(\*\.example\.com\) does not cover CDN domain a\.b\.example\.com \(input 'cdn-domains'\)/,
    );
    // The one read before ordering; nothing after the certificate was found not to cover the domain.
    expect(
      emulator.calls
        .filter((c) => c.product === 'cdn')
        .slice(cdnCallsBefore)
        .map((c) => `${c.action} ${c.params.DomainName}`),
    ).toEqual(['DescribeDomainCertificateInfo a.b.example.com']);
    // The certificate itself was delivered first.
    expect(run.outputs.certificate).toContain('BEGIN CERTIFICATE');
  }, 60_000);

  it('a domain that times out fails the run naming it and the timeout; the outputs and the others are reported', async () => {
    emulator.cdn.addDomain('slow.example.net', { deployDelayMs: 30_000 });
    emulator.cdn.addDomain('quick.example.net', { deployDelayMs: 0 });
    const run = await runAction(
      inputs({
        domains: 'slow.example.net,quick.example.net',
        'cdn-domains': 'slow.example.net,quick.example.net',
        'deploy-timeout': '1.5',
      }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*CDN domain slow\.example\.net did not serve certificate \d+ within deploy-timeout 1\.5s \(it still serves no certificate, checking\); CDN quick\.example\.net serves it/,
    );
    expect(run.outputs.status).toBe('issued');
    expect(run.outputs.certificate).toContain('BEGIN CERTIFICATE');
    expect(run.outputs['private-key']).toContain('PRIVATE KEY');
    expect(run.outputs['deployed-domains']).toBe('quick.example.net');
    // A short result cell; the sentence below the table (test/e2e/summaries.test.ts).
    expect(run.summary).toMatch(/\| CDN \| slow\.example\.net \| none \| none \| {2}\| timed out \|/);
    expect(run.summary).toMatch(
      /^- CDN slow\.example\.net: CDN domain slow\.example\.net did not serve certificate \d+ within deploy-timeout/m,
    );
    expect(run.summary).toMatch(/\| CDN \| quick\.example\.net \| none \| \d+ \| \S+ \| deployed \|/);
  }, 60_000);

  it('fails at once on a domain status that waiting cannot fix, saying what it means', async () => {
    emulator.cdn.addDomain('broken.example.org', { failStatus: 'cname_error' });
    const started = Date.now();
    const run = await runAction(
      inputs({ domains: 'broken.example.org', 'cdn-domains': 'broken.example.org', 'deploy-timeout': '60' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*CDN domain broken\.example\.org reports cname_error: no valid CNAME record points the domain at the CDN/,
    );
    expect(Date.now() - started).toBeLessThan(30_000);
  }, 60_000);
});

describe('mode: deploy', () => {
  it('deploys a held certificate, waits within deploy-timeout, and deletes what was superseded only after the slowest domain', async () => {
    const oldA = await heldCertificate(['one.example.org']);
    const oldB = await heldCertificate(['two.example.org']);
    const certId = await heldCertificate(['one.example.org', 'two.example.org']);
    const pemOf = (id: string) =>
      emulator.cas.orders().find((o) => o.certificate?.certId === id)?.certificate?.certificatePem ?? '';
    emulator.cdn.addDomain('one.example.org', { deployDelayMs: 200 });
    emulator.cdn.addDomain('two.example.org', { deployDelayMs: 2000 });
    emulator.cdn.setCertificate('one.example.org', { certificatePem: pemOf(oldA), certId: oldA });
    emulator.cdn.setCertificate('two.example.org', { certificatePem: pemOf(oldB), certId: oldB });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        'cdn-domains': 'one.example.org\ntwo.example.org',
        'deploy-timeout': '30',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('deployed');
    expect(run.outputs['cert-id']).toBe(certId);
    expect(run.outputs['deployed-domains']).toBe('one.example.org,two.example.org');
    expect(run.outputs['superseded-cert-ids']?.split(',').sort()).toEqual([oldA, oldB].sort());
    // The names came from the service without the key.
    expect(emulator.callsTo('GetUserCertificateDetail').at(-1)?.params).toMatchObject({
      CertId: certId,
      CertFilter: 'true',
    });
    const deletes = emulator.callsTo('DeleteUserCertificate');
    const slowServedAt = emulator.cdn.domain('two.example.org')?.certificate?.updatedAt ?? Infinity;
    expect(deletes.map((c) => c.params.CertId).sort()).toEqual([oldA, oldB].sort());
    for (const call of deletes) expect(call.at).toBeGreaterThanOrEqual(slowServedAt);
    for (const old of [oldA, oldB]) expect(emulator.cas.certificates.get(old)).toBeUndefined();
    expect(run.summary).toMatch(new RegExp(`\\| CDN \\| two\\.example\\.org \\| ${oldB} \\| ${certId} \\|`));
    expect(run.summary).toContain('Deleted as superseded:');
  }, 60_000);

  it('deletes what was superseded in the api-version the run names (the store of mode: delete)', async () => {
    const old = await heldCertificate(['four.example.org']);
    const certId = await heldCertificate(['four.example.org']);
    const pem =
      emulator.cas.orders().find((o) => o.certificate?.certId === old)?.certificate?.certificatePem ?? '';
    emulator.cdn.addDomain('four.example.org', { deployDelayMs: 100 });
    emulator.cdn.setCertificate('four.example.org', { certificatePem: pem, certId: old });
    const deletesBefore = emulator.callsTo('DeleteUserCertificate').length;
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        'cdn-domains': 'four.example.org',
        'delete-superseded': 'true',
        'api-version': '2018-07-13',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['superseded-cert-ids']).toBe(old);
    const deletes = emulator.callsTo('DeleteUserCertificate').slice(deletesBefore);
    expect(deletes.map((c) => [c.params.CertId, c.version])).toEqual([[old, '2018-07-13']]);
    expect(emulator.cas.certificates.get(old)).toBeUndefined();
  }, 60_000);

  it('deletes nothing when a domain times out', async () => {
    const oldC = await heldCertificate(['three.example.org']);
    const certId = await heldCertificate(['three.example.org']);
    const pem =
      emulator.cas.orders().find((o) => o.certificate?.certId === oldC)?.certificate?.certificatePem ?? '';
    emulator.cdn.addDomain('three.example.org', { deployDelayMs: 20_000 });
    emulator.cdn.setCertificate('three.example.org', { certificatePem: pem, certId: oldC });
    const deletesBefore = emulator.callsTo('DeleteUserCertificate').length;
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        'cdn-domains': 'three.example.org',
        'deploy-timeout': '1',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      new RegExp(
        `::error::.*CDN domain three\\.example\\.org did not serve certificate ${certId} within deploy-timeout 1s \\(it still serves certificate ${oldC}, checking\\)`,
      ),
    );
    expect(emulator.callsTo('DeleteUserCertificate')).toHaveLength(deletesBefore);
    expect(run.outputs['cert-id']).toBe(certId);
  }, 60_000);

  it('refuses a mismatched domain before any CDN call', async () => {
    const certId = await heldCertificate(['four.example.org']);
    const before = emulator.calls.filter((c) => c.product === 'cdn').length;
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, 'cdn-domains': 'five.example.org' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /does not cover CDN domain five\.example\.org \(input 'cdn-domains'\); nothing was deployed/,
    );
    expect(emulator.calls.filter((c) => c.product === 'cdn').length).toBe(before);
  }, 30_000);
});

describe('renew, then deploy to CDN', () => {
  it('deploys the renewed certificate where the old one is served, and deletes the old one after', async () => {
    const day = 86_400_000;
    const now = emulator.clock.now();
    const order = await emulator.cas.seedOrder({
      domains: ['renewed.example.net'],
      productCode: PAID,
      notBefore: now - 80 * day,
      notAfter: now + 10 * day,
    });
    const oldCertId = order.certificate?.certId ?? '';
    emulator.cdn.addDomain('renewed.example.net', { deployDelayMs: 800 });
    emulator.cdn.setCertificate('renewed.example.net', {
      certificatePem: order.certificate?.certificatePem ?? '',
      certId: oldCertId,
    });
    const run = await runAction(
      inputs({
        mode: 'renew',
        'order-id': order.orderId.toString(),
        'cdn-domains': 'renewed.example.net',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'renewed', changed: 'true' });
    const certId = run.outputs['cert-id'] ?? '';
    expect(certId).not.toBe(oldCertId);
    expect(run.outputs['deployed-domains']).toBe('renewed.example.net');
    expect(run.outputs['superseded-cert-ids']).toBe(oldCertId);
    expect(emulator.cdn.domain('renewed.example.net')?.certificate?.certId).toBe(certId);
    expect(setCalls('DeleteUserCertificate').map((c) => c.params.CertId)).toContain(oldCertId);
  }, 60_000);
});

describe('upload, then deploy to CDN', () => {
  it('deploys the certificate it uploaded, and on the same upload again only where it is not served', async () => {
    emulator.cdn.addDomain('up.example.net', { deployDelayMs: 300 });
    const leaf = await emulator.ca.issueLeaf({ names: ['up.example.net'] });
    const upload = {
      mode: 'upload',
      certificate: `${leaf.certificatePem}${leaf.chainPem}`,
      'private-key': leaf.privateKeyPem ?? '',
      'certificate-name': 'up_example_net',
      'cdn-domains': 'up.example.net',
    };
    const first = await runAction(inputs(upload));
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.status).toBe('uploaded');
    const certId = first.outputs['cert-id'] ?? '';
    expect(first.outputs['deployed-domains']).toBe('up.example.net');
    expect(emulator.cdn.domain('up.example.net')?.certificate?.certId).toBe(certId);
    expect(setCalls('SetCdnDomainSSLCertificate', 'up.example.net').map((c) => c.params.CertId)).toEqual([
      certId,
    ]);

    const again = await runAction(inputs(upload));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs['cert-id']).toBe(certId);
    expect(setCalls('SetCdnDomainSSLCertificate', 'up.example.net')).toHaveLength(1);
  }, 60_000);
});

describe('DCDN, the same rules', () => {
  it('issue deploys to a wildcard and a plain DCDN domain with their own delays; delete-superseded after both', async () => {
    const old = await heldCertificate(['api.example.net']);
    const pem =
      emulator.cas.orders().find((o) => o.certificate?.certId === old)?.certificate?.certificatePem ?? '';
    emulator.dcdn.addDomain('.example.net', { deployDelayMs: 300 });
    emulator.dcdn.addDomain('api.example.net', { deployDelayMs: 1800 });
    emulator.dcdn.setCertificate('api.example.net', { certificatePem: pem, certId: old });
    const run = await runAction(
      inputs({
        domains: '*.example.net',
        'dcdn-domains': '*.example.net,api.example.net',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('*.example.net,api.example.net');
    expect(setCalls('SetDcdnDomainSSLCertificate').map((c) => c.params.DomainName)).toEqual(
      expect.arrayContaining(['.example.net', 'api.example.net']),
    );
    expect(run.stdout).toMatch(
      new RegExp(`DCDN domain api\\.example\\.net still serves certificate ${old}, checking: waiting\\.`),
    );
    expect(run.outputs['superseded-cert-ids']).toBe(old);
    const slowAt = emulator.dcdn.domain('api.example.net')?.certificate?.updatedAt ?? Infinity;
    expect(emulator.callsTo('DeleteUserCertificate').at(-1)?.at).toBeGreaterThanOrEqual(slowAt);
    expect(emulator.dcdn.domain('.example.net')?.certificate?.certId).toBe(certId);
    expect(run.summary).toMatch(new RegExp(`\\| DCDN \\| api\\.example\\.net \\| ${old} \\| ${certId} \\|`));
  }, 60_000);

  it('mode deploy to DCDN: a timeout fails naming the domain, a mismatch is refused before any call', async () => {
    const certId = await heldCertificate(['edge.example.org']);
    emulator.dcdn.addDomain('edge.example.org', { deployDelayMs: 20_000 });
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        'dcdn-domains': 'edge.example.org',
        'deploy-timeout': '1',
      }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /DCDN domain edge\.example\.org did not serve certificate \d+ within deploy-timeout 1s/,
    );
    const before = emulator.calls.filter((c) => c.product === 'dcdn').length;
    const refused = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, 'dcdn-domains': '*.example.org' }),
    );
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(/does not cover DCDN domain \*\.example\.org \(input 'dcdn-domains'\)/);
    expect(emulator.calls.filter((c) => c.product === 'dcdn').length).toBe(before);
  }, 60_000);
});
