// The one store of certificates held at the service, seen through the 2020-04-07 operations (the official SDK as
// the oracle, both signature styles) and the 2018-07-13 ones (the 2018 names, signed by the test helper): an order's
// issued certificate and an uploaded one are both there, under the same ids, with NameRepeat / NotFoundCertificate.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './server.js';
import { callRpc, casSdkClient, sdkRequest } from './test-helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
});
afterAll(() => emulator.close());

/** Recycled keys repeat across leaves: `fresh` for a key of its own. */
const leafFor = (names: string[], fresh = false) => emulator.ca.issueLeaf({ names, recycleKey: !fresh });
const call2018 = (action: string, params: Record<string, string | number> = {}, version = '2018-07-13') =>
  callRpc(emulator, version, action, params, { method: 'POST', formBody: true });

describe('the official SDK (2020-04-07) against the store', () => {
  for (const style of ['v2', 'acs3'] as const) {
    it(`uploads, reads, lists and deletes (${style})`, async () => {
      const client = casSdkClient(emulator, { style });
      const leaf = await leafFor([`sdk-${style}.example.com`]);
      const uploaded = await client.uploadUserCertificate(
        sdkRequest('UploadUserCertificateRequest', {
          name: `sdk_${style}`,
          cert: `${leaf.certificatePem}${leaf.chainPem}`,
          key: leaf.privateKeyPem,
        }),
      );
      const certId = uploaded.body.certId as number;
      expect(certId).toBeTypeOf('number');

      const detail = await client.getUserCertificateDetail(
        sdkRequest('GetUserCertificateDetailRequest', { certId, certFilter: false }),
      );
      expect(detail.body.name).toBe(`sdk_${style}`);
      expect(detail.body.sans).toBe(`sdk-${style}.example.com`);
      expect(detail.body.key).toBe(leaf.privateKeyPem);
      expect(new X509Certificate(detail.body.cert as string).fingerprint256).toBe(
        new X509Certificate(leaf.certificatePem).fingerprint256,
      );
      const filtered = await client.getUserCertificateDetail(
        sdkRequest('GetUserCertificateDetailRequest', { certId, certFilter: true }),
      );
      expect(filtered.body.cert).toBeUndefined();
      expect(filtered.body.key).toBeUndefined();

      const listed = await client.listUserCertificateOrder(
        sdkRequest('ListUserCertificateOrderRequest', { orderType: 'CERT', showSize: 100, currentPage: 1 }),
      );
      const rows = listed.body.certificateOrderList as Array<Record<string, unknown>>;
      expect(rows.find((r) => r.certificateId === certId)).toMatchObject({
        name: `sdk_${style}`,
        upload: true,
        status: 'ISSUED',
      });

      await client.deleteUserCertificate(sdkRequest('DeleteUserCertificateRequest', { certId }));
      await expect(
        client.getUserCertificateDetail(sdkRequest('GetUserCertificateDetailRequest', { certId })),
      ).rejects.toMatchObject({ code: 'NotFoundCertificate' });
    });
  }
});

describe('one store for both API versions', () => {
  it("holds an order's issued certificate under its CertId, in both versions' lists and details", async () => {
    const order = await emulator.cas.seedOrder({ domains: ['order.example.com'], state: 'certificate' });
    const certId = order.certificate?.certId ?? '';
    const list2020 = await callRpc(emulator, '2020-04-07', 'ListUserCertificateOrder', { OrderType: 'CERT' });
    const row = (list2020.json.CertificateOrderList as Array<Record<string, unknown>>).find(
      (r) => String(r.CertificateId) === certId,
    );
    expect(row).toMatchObject({ Upload: false, Sans: 'order.example.com' });
    const list2018 = await call2018('DescribeUserCertificateList', { CurrentPage: 1, ShowSize: 50 });
    const item = (list2018.json.CertificateList as Array<Record<string, unknown>>).find(
      (r) => String(r.id) === certId,
    );
    expect(item).toMatchObject({ buyInAliyun: true, sans: 'order.example.com', name: `cert-${certId}` });
    const detail = await call2018('DescribeUserCertificateDetail', { CertId: certId });
    expect(detail.json.Key).toBe(order.certificate?.privateKeyPem);
  });

  it('uploads through 2018 (both version strings), reads and deletes through 2020, and the reverse', async () => {
    const leaf = await leafFor(['both.example.com']);
    const created = await call2018(
      'CreateUserCertificate',
      { Name: 'made_in_2018', Cert: `${leaf.certificatePem}${leaf.chainPem}`, Key: leaf.privateKeyPem ?? '' },
      '2018-08-13',
    );
    expect(created.status).toBe(200);
    const certId = String(created.json.CertId);
    const detail = await callRpc(emulator, '2020-04-07', 'GetUserCertificateDetail', { CertId: certId });
    expect(detail.json).toMatchObject({ Name: 'made_in_2018', BuyInAliyun: false });
    expect(detail.json.EndDate).toMatch(/^\d{4}-\d\d-\d\d$/);
    const deleted = await callRpc(emulator, '2020-04-07', 'DeleteUserCertificate', { CertId: certId });
    expect(deleted.status).toBe(200);
    const gone = await call2018('DescribeUserCertificateDetail', { CertId: certId });
    expect([gone.status, gone.json.Code]).toEqual([404, 'NotFoundCertificate']);
    const again = await call2018('DeleteUserCertificate', { CertId: certId });
    expect(again.json.Code).toBe('NotFoundCertificate');
  });

  it('refuses a taken name (NameRepeat) in either version, a key of another certificate, and a long name', async () => {
    const leaf = await leafFor(['name.example.com']);
    const other = await leafFor(['other.example.com'], true);
    const pem = `${leaf.certificatePem}${leaf.chainPem}`;
    const upload = (name: string, key = leaf.privateKeyPem ?? '') =>
      callRpc(emulator, '2020-04-07', 'UploadUserCertificate', { Name: name, Cert: pem, Key: key });
    expect((await upload('taken_name')).status).toBe(200);
    expect((await upload('taken_name')).json.Code).toBe('NameRepeat');
    const in2018 = await call2018('CreateUserCertificate', {
      Name: 'taken_name',
      Cert: pem,
      Key: leaf.privateKeyPem ?? '',
    });
    expect(in2018.json.Code).toBe('NameRepeat');
    expect((await upload('wrong_key', other.privateKeyPem)).json.Code).toBe('InvalidParameter.Key');
    expect((await upload('x'.repeat(64))).json.Code).toBe('InvalidParameter.Name');
  });

  it('lists CERT rows in pages, by default without expired or revoked certificates', async () => {
    const order = await emulator.cas.seedOrder({ domains: ['revoked.example.com'], state: 'revoked' });
    const expired = await emulator.cas.seedOrder({
      domains: ['expired.example.com'],
      state: 'certificate',
      notBefore: Date.now() - 100 * 86_400_000,
      notAfter: Date.now() - 86_400_000,
    });
    emulator.cas.knobs.maxPageSize = 2;
    const ids: string[] = [];
    for (let page = 1; page < 50; page++) {
      const r = await callRpc(emulator, '2020-04-07', 'ListUserCertificateOrder', {
        OrderType: 'CERT',
        CurrentPage: page,
      });
      const rows = r.json.CertificateOrderList as Array<Record<string, unknown>>;
      expect(rows.length).toBeLessThanOrEqual(2);
      ids.push(...rows.map((row) => String(row.CertificateId)));
      if (rows.length === 0) break;
    }
    delete emulator.cas.knobs.maxPageSize;
    const valid = emulator.cas.certificates.all().filter((c) => c.notAfter > Date.now() && !c.revokedAt);
    expect(ids.sort()).toEqual(valid.map((c) => c.certId.toString()).sort());
    expect(ids).not.toContain(order.certificate?.certId);
    expect(ids).not.toContain(expired.certificate?.certId);
    const asked = await callRpc(emulator, '2020-04-07', 'ListUserCertificateOrder', {
      OrderType: 'CERT',
      Status: 'EXPIRED',
    });
    expect(
      (asked.json.CertificateOrderList as Array<Record<string, unknown>>).map((r) => String(r.CertificateId)),
    ).toEqual([expired.certificate?.certId]);
  });
});
