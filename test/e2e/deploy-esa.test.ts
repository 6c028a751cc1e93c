// Deploying to an ESA site, as GitHub runs the action: `deploy: esa: example.com` adds the CAS certificate to the
// site (SetCertificate), waits until ListCertificates lists it OK, and clients of the site's hostnames get it.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

const SITE_ID = '7000000000123';
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({
    zones: ['example.com', 'example.net'],
    esaSites: [
      { siteName: 'example.com', siteId: SITE_ID, deployDelayMs: 1500 },
      { siteName: 'example.net' },
      { siteName: 'pending.example.org', status: 'pending' },
    ],
  });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'esa-endpoint': emulator.url, 'dns-provider': 'alidns', ...extra });
const orders = () => emulator.callsTo('CreateCertificateForPackageRequest').length;
const sets = () => emulator.callsTo('SetCertificate');
const casIdsOn = (site: string) => emulator.esa.site(site)?.certificates.map((c) => c.casId) ?? [];
const fingerprintOf = (certId: string) =>
  new X509Certificate(emulator.cas.certificates.get(certId)?.certificatePem ?? '').fingerprint256;
async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

describe('deploy to an ESA site', () => {
  it('issue, then add the certificate to the site, wait until it is listed OK, and serve it', async () => {
    const front = await emulator.served.listen('esa:example.com');
    const run = await runAction(inputs({ domains: 'www.example.com', deploy: 'esa: example.com' }));
    expect(run.exitCode, run.stdout).toBe(0);
    const certId = run.outputs['cert-id'] ?? '';
    expect(run.outputs['deployed-domains']).toBe('example.com');
    expect(run.outputs.changed).toBe('true');
    const set = sets().filter((c) => c.status === 200);
    expect(set.map((c) => c.params)).toEqual([
      expect.objectContaining({ SiteId: SITE_ID, Type: 'cas', CasId: certId, Region: 'cn-hangzhou' }),
    ]);
    // The site was found by its name, exactly.
    expect(emulator.callsTo('ListSites').at(-1)?.params).toMatchObject({
      SiteName: 'example.com',
      SiteSearchType: 'exact',
    });
    // It waited while the site listed it Applying.
    expect(run.stdout).toMatch(/ESA site example\.com still serves .*Applying: waiting\./);
    expect(casIdsOn('example.com')).toEqual([certId]);
    expect(await servedFingerprint(front.port, 'www.example.com')).toBe(fingerprintOf(certId));
    await front.close();

    // A second run finds it served and changes nothing.
    const again = await runAction(inputs({ domains: 'www.example.com', deploy: 'esa: example.com' }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs).toMatchObject({ status: 'unchanged', 'cert-id': certId });
    expect(again.outputs['deployed-domains']).toBe('example.com');
    expect(again.outputs.changed).toBe('false');
    expect(sets()).toHaveLength(set.length);
    expect(again.stdout).toContain(`ESA site example.com already serves certificate ${certId}`);
  }, 60_000);

  it('a site given by its id is read with GetSite', async () => {
    const certId = await heldCertificate(['api.example.com']);
    const run = await runAction(inputs({ mode: 'deploy', 'cert-id': certId, deploy: `esa: ${SITE_ID}` }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(emulator.callsTo('GetSite').at(-1)?.params.SiteId).toBe(SITE_ID);
    expect(run.outputs['deployed-domains']).toBe(SITE_ID);
    expect(casIdsOn('example.com')).toContain(certId);
  }, 60_000);

  it('a lost answer to SetCertificate is looked up, not failed; a 503 on ListCertificates is retried', async () => {
    const certId = await heldCertificate(['shop.example.net']);
    emulator.faults.add({ action: 'SetCertificate', kind: 'drop-after' });
    emulator.faults.add({ action: 'ListCertificates', kind: 'unavailable' });
    const run = await runAction(inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'esa: example.net' }));
    expect(run.exitCode, run.stdout).toBe(0);
    expect(casIdsOn('example.net')).toEqual([certId]);
    expect(emulator.callsTo('ListCertificates').some((c) => c.status === 503)).toBe(true);
    emulator.faults.clear();
  }, 60_000);

  it('a refused set fails naming the site', async () => {
    const certId = await heldCertificate(['refused.example.net']);
    emulator.faults.add({ action: 'SetCertificate', kind: 'internal', times: Number.POSITIVE_INFINITY });
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'esa: example.net', 'deploy-timeout': '20' }),
    );
    emulator.faults.clear();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/ESA site example\.net: SetCertificate failed/);
  }, 60_000);
});

describe('delete-superseded on an ESA site', () => {
  it('removes from the site what the new certificate supersedes, deletes it, and keeps one another site holds', async () => {
    emulator.esa.addSite({ siteName: 'example.org' });
    emulator.esa.addSite({ siteName: 'example.info' });
    const oldWww = await heldCertificate(['www.example.org']);
    const oldApi = await heldCertificate(['api.example.org']);
    const certId = await heldCertificate(['www.example.org', 'api.example.org']);
    emulator.esa.attach('example.org', oldWww);
    emulator.esa.attach('example.org', oldApi);
    // Not listed in deploy: the account's other site still uses it.
    emulator.esa.attach('example.info', oldApi);
    const front = await emulator.served.listen('esa:example.org');
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'esa: example.org',
        'delete-superseded': 'true',
        'verify-url': 'https://api.example.org/',
        'verify-connect-to': `api.example.org:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.stdout).toContain(`https://api.example.org serves certificate ${certId}`);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'esa',
        resource: 'example.org',
        region: 'cn-hangzhou',
        'cert-id-before': `${oldWww}, ${oldApi}`,
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    expect(run.outputs['deployed-domains']).toBe('example.org');
    expect(casIdsOn('example.org')).toEqual([certId]);
    expect(casIdsOn('example.info')).toEqual([oldApi]);
    expect(run.outputs['superseded-cert-ids']).toBe(oldWww);
    expect(emulator.cas.certificates.get(oldWww)).toBeUndefined();
    expect(emulator.cas.certificates.get(oldApi)).toBeDefined();
    // Removed from the site only once the new one was listed OK, by ESA's own id.
    const removals = emulator.callsTo('DeleteCertificate').filter((c) => c.status === 200);
    expect(removals.map((c) => c.params.SiteId)).toEqual(
      Array(2).fill(emulator.esa.site('example.org')?.siteId.toString()),
    );
    for (const host of ['www.example.org', 'api.example.org'])
      expect(await servedFingerprint(front.port, host)).toBe(fingerprintOf(certId));
    await front.close();
  }, 60_000);
});

describe('ESA sites are checked before the order', () => {
  it('a site not in the account, a pending site and a region mismatch fail at once, no order placed', async () => {
    const before = orders();
    const setsBefore = sets().length;
    const run = await runAction(
      inputs({
        domains: 'www.example.com',
        deploy:
          'esa: gone.example.com\nesa: pending.example.org\nesa: example.com@ap-southeast-1\nesa: 7000000000999',
      }),
    );
    expect(run.exitCode).toBe(1);
    expect(orders()).toBe(before);
    expect(run.outputs['order-id']).toBeUndefined();
    expect(run.stdout).toContain(
      `input 'deploy' names ESA site gone.example.com, which is not a site of this account at ${emulator.url} (ListSites finds none): add it in the ESA console, or check esa-endpoint`,
    );
    expect(run.stdout).toContain(
      'names ESA site pending.example.org, which is pending (it is still being added: its DNS setup is not verified), so it serves no certificate',
    );
    expect(run.stdout).toContain(
      `names ESA site 7000000000999, which is not a site of this account at ${emulator.url} (GetSite finds none)`,
    );
    expect(run.stdout).toContain(
      'names ESA site example.com@ap-southeast-1, on the international site, but the certificate is held at Certificate Management Service in cn-hangzhou',
    );
    expect(sets()).toHaveLength(setsBefore);
  }, 60_000);

  it('a line naming a region ESA does not have fails before any call', async () => {
    const calls = emulator.calls.length;
    const run = await runAction(
      inputs({ domains: 'www.example.com', deploy: 'esa: example.com@cn-shanghai' }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('where ESA has no endpoint (cn-hangzhou or ap-southeast-1)');
    expect(emulator.calls.length).toBe(calls);
  });
});
