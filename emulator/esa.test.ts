import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ESA_VERSION } from './esa.js';
import { ADMIN_TOKEN_HEADER, createEmulator, type Emulator } from './server.js';
import { callRpc, servedFingerprint } from './test-helpers.js';

describe('ESA sites and their certificates', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      esaSites: [
        { siteName: 'example.com', siteId: 1234567890123n },
        { siteName: 'pending.example.net', status: 'pending' },
      ],
      recycleLeafKeys: true,
    });
  });
  afterAll(() => emulator.close());
  const esa = (action: string, params: Record<string, string | number> = {}) =>
    callRpc(emulator, ESA_VERSION, action, params);
  const held = async (domains: string[]) => {
    const order = await emulator.cas.seedOrder({ domains });
    return { certId: order.certificate?.certId ?? '', pem: order.certificate?.certificatePem ?? '' };
  };
  const fingerprintOf = (pem: string) => new X509Certificate(pem).fingerprint256;

  it('lists sites by exact name (the default), by prefix, and pages them', async () => {
    const exact = await esa('ListSites', { SiteName: 'example.com' });
    expect(exact.json).toMatchObject({ TotalCount: 1, PageNumber: 1, PageSize: 500 });
    expect(exact.text).toContain('"SiteId":1234567890123');
    expect((exact.json.Sites as Array<Record<string, unknown>>)[0]).toMatchObject({
      SiteName: 'example.com',
      Status: 'active',
    });
    expect((await esa('ListSites', { SiteName: 'pending', SiteSearchType: 'prefix' })).json).toMatchObject({
      TotalCount: 1,
    });
    const paged = await esa('ListSites', { PageNumber: 2, PageSize: 1 });
    expect(paged.json).toMatchObject({ TotalCount: 2 });
    expect(paged.json.Sites).toHaveLength(1);
  });

  it('sets a CAS certificate (Applying, then OK), refuses it twice, and reads it back', async () => {
    const site = emulator.esa.site('example.com');
    if (!site) throw new Error('no site');
    site.deployDelayMs = 60_000;
    const { certId } = await held(['www.example.com']);
    const set = await esa('SetCertificate', {
      SiteId: '1234567890123',
      Type: 'cas',
      CasId: certId,
      Region: 'cn-hangzhou',
    });
    expect(set.status, set.text).toBe(200);
    const id = String(set.json.Id);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    const again = await esa('SetCertificate', {
      SiteId: '1234567890123',
      Type: 'cas',
      CasId: certId,
      Region: 'cn-hangzhou',
    });
    expect(again.json.Code).toBe('Certificate.Duplicated');
    const listed = await esa('ListCertificates', { SiteId: '1234567890123' });
    expect(listed.json).toMatchObject({ SiteName: 'example.com', TotalCount: 1 });
    expect((listed.json.Result as Array<Record<string, unknown>>)[0]).toMatchObject({
      Id: id,
      CasId: certId,
      Type: 'cas',
      SAN: 'www.example.com',
      Status: 'Applying',
      Region: 'cn-hangzhou',
    });
    emulator.setClockOffset(61_000);
    const one = await esa('GetCertificate', { SiteId: '1234567890123', Id: id });
    expect(one.json).toMatchObject({ Status: 'OK', Result: { CasId: certId, Status: 'OK' } });
    expect(String(one.json.Certificate)).toContain('BEGIN CERTIFICATE');
    emulator.setClockOffset(0);
    site.deployDelayMs = 0;
    expect((await esa('DeleteCertificate', { SiteId: '1234567890123', Id: id })).json).toMatchObject({
      Id: id,
    });
    expect((await esa('GetCertificate', { SiteId: '1234567890123', Id: id })).json.Code).toBe(
      'Certificate.NotFound',
    );
  });

  it('refuses an unknown site, a missing SiteId, and a CAS certificate of the other region', async () => {
    const { certId } = await held(['region.example.com']);
    expect((await esa('ListCertificates', { SiteId: '42' })).json.Code).toBe('InvalidParameter.SiteId');
    expect((await esa('ListCertificates')).json.Code).toBe('MissingSiteId');
    const foreign = await esa('SetCertificate', {
      SiteId: '1234567890123',
      Type: 'cas',
      CasId: certId,
      Region: 'ap-southeast-1',
    });
    expect(foreign.json.Code).toBe('Certificate.NotFound');
  });

  it('serves by SNI the newest certificate in effect that covers the hostname; a pending site serves none', async () => {
    const wide = await held(['*.example.com']);
    const www = await held(['www.example.com']);
    emulator.esa.attach('example.com', wide.certId);
    emulator.esa.attach('example.com', www.certId);
    const front = await emulator.served.listen('esa:example.com');
    expect(await servedFingerprint(front.port, 'www.example.com')).toBe(fingerprintOf(www.pem));
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(fingerprintOf(wide.pem));
    // By id as well as by name.
    expect(emulator.served.current('esa:1234567890123')?.extensions).toEqual([wide.certId, www.certId]);
    const pendingFront = await emulator.served.listen('esa:pending.example.net');
    emulator.esa.attach('pending.example.net', www.certId);
    expect(await servedFingerprint(pendingFront.port, 'www.example.com')).not.toBe(fingerprintOf(www.pem));
    await front.close();
    await pendingFront.close();
  });

  it('adds a site over the admin API', async () => {
    const answer = await fetch(`${emulator.url}/__emulator/esa/sites`, {
      method: 'POST',
      headers: { [ADMIN_TOKEN_HEADER]: emulator.adminToken, 'content-type': 'application/json' },
      body: JSON.stringify({ siteName: 'admin.example.com', siteId: '7000000000777', status: 'offline' }),
    });
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain('"siteId":7000000000777');
    expect(emulator.esa.site('admin.example.com')?.status).toBe('offline');
  });
});
