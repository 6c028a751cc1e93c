import { createPrivateKey, X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCsr } from './ca.js';
import { createEmulator, type Emulator } from './server.js';
import { callCas, callRpc, rawJsonNumber } from './test-helpers.js';

const DNS = '2015-01-09';
const DAY_MS = 86_400_000;

function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----\n?/g) ?? [];
}

describe('CAS order lifecycle', () => {
  let emulator: Emulator;
  let webRoot: string;

  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'cas-webroot-'));
    emulator = await createEmulator({
      zones: ['example.com', 'sub.example.org', 'example.org'],
      webRoot,
      recycleLeafKeys: true,
    });
  });
  afterAll(async () => {
    await emulator.close();
    rmSync(webRoot, { recursive: true, force: true });
  });
  beforeEach(() => {
    emulator.cas.knobs.issuanceDelayMs = 0;
    emulator.cas.knobs.verifyFailDomains = [];
    emulator.cas.knobs.recordDomainStyle = 'zone-relative';
    delete emulator.cas.knobs.maxPageSize;
    emulator.setClockOffset(0);
  });

  async function create(domain: string, extra: Record<string, string> = {}) {
    const result = await callCas(emulator, 'CreateCertificateForPackageRequest', {
      Domain: domain,
      ...extra,
    });
    expect(result.status, result.text).toBe(200);
    return String(rawJsonNumber(result.text, 'OrderId'));
  }
  const state = async (orderId: string) =>
    (await callCas(emulator, 'DescribeCertificateState', { OrderId: orderId })).json;

  it('stays in domain_verify until the TXT records exist in DNS, then issues a matching certificate', async () => {
    const orderId = await create('www.example.com,sub.example.org', { ProductCode: 'digicert-free-1-free' });
    const pending = await state(orderId);
    expect(Object.keys(pending).sort()).toEqual([
      'RecordDomain',
      'RecordType',
      'RecordValue',
      'RequestId',
      'Type',
      'ValidateType',
    ]);
    expect(pending).toMatchObject({
      Type: 'domain_verify',
      ValidateType: 'DNS',
      // Relative to the zone (example.com), as the DNS console's host record.
      RecordDomain: '_dnsauth.www',
      RecordType: 'TXT',
    });
    const token = String(pending.RecordValue);
    expect(token).toMatch(/^[0-9a-z]{64}$/);

    // A record in the wrong place or with the wrong value does not count.
    await callRpc(emulator, DNS, 'AddDomainRecord', {
      DomainName: 'example.com',
      RR: '_dnsauth',
      Type: 'TXT',
      Value: token,
    });
    await callRpc(emulator, DNS, 'AddDomainRecord', {
      DomainName: 'example.com',
      RR: '_dnsauth.www',
      Type: 'TXT',
      Value: 'nope',
    });
    expect((await state(orderId)).Type).toBe('domain_verify');
    const add = await callRpc(emulator, DNS, 'AddDomainRecord', {
      DomainName: 'example.com',
      RR: '_dnsauth.www',
      Type: 'TXT',
      Value: token,
    });
    expect(add.json.RecordId).toMatch(/^\d+$/);
    // sub.example.org is its own zone: the longest suffix wins, so the record in example.org does not count.
    await callRpc(emulator, DNS, 'AddDomainRecord', {
      DomainName: 'example.org',
      RR: '_dnsauth.sub',
      Type: 'TXT',
      Value: token,
    });
    expect((await state(orderId)).Type).toBe('domain_verify');
    await callRpc(emulator, DNS, 'AddDomainRecord', {
      DomainName: 'sub.example.org',
      RR: '_dnsauth',
      Type: 'TXT',
      Value: token,
    });

    expect(await state(orderId)).toEqual({ RequestId: expect.any(String), Type: 'process' });
    const issued = await state(orderId);
    expect(Object.keys(issued).sort()).toEqual(['CertId', 'Certificate', 'PrivateKey', 'RequestId', 'Type']);
    expect(issued.Type).toBe('certificate');
    expect(issued.CertId).toMatch(/^\d+$/);
    const [leafPem, intermediatePem, ...rest] = splitPem(String(issued.Certificate));
    expect(rest).toEqual([]);
    const leaf = new X509Certificate(leafPem ?? '');
    expect(leaf.subjectAltName).toBe('DNS:www.example.com, DNS:sub.example.org');
    expect(leaf.checkIssued(new X509Certificate(intermediatePem ?? ''))).toBe(true);
    expect(String(issued.PrivateKey)).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(leaf.checkPrivateKey(createPrivateKey(String(issued.PrivateKey)))).toBe(true);
    expect(emulator.cas.package('digicert-free-1-free')).toMatchObject({ used: 1, issued: 1 });
  });

  it('validates wildcard orders at _dnsauth of the base name and answers absolute RecordDomain on request', async () => {
    emulator.cas.knobs.recordDomainStyle = 'full';
    const orderId = await create('*.wild.example.com', { ProductCode: 'geotrust-dv-w-starter' });
    const pending = await state(orderId);
    expect(pending.RecordDomain).toBe('_dnsauth.wild.example.com');
    emulator.dns.addRecord({
      fqdn: '_dnsauth.wild.example.com',
      type: 'TXT',
      value: String(pending.RecordValue),
    });
    expect((await state(orderId)).Type).toBe('process');
    const issued = await state(orderId);
    expect(new X509Certificate(String(issued.Certificate)).subjectAltName).toBe('DNS:*.wild.example.com');
  });

  it('uses the CSR names and key, and returns no private key', async () => {
    const csr = await createCsr({ names: ['csr.example.com', 'alt.example.com'], keyType: 'ec' });
    const created = await callCas(emulator, 'CreateCertificateWithCsrRequest', {
      Csr: csr.csrPem,
      Username: 'Tom',
      Phone: '139',
      Email: 'tom@example.com',
      ValidateType: 'DNS',
    });
    const orderId = String(rawJsonNumber(created.text, 'OrderId'));
    const token = String((await state(orderId)).RecordValue);
    for (const name of ['csr', 'alt'])
      emulator.dns.addRecord({ fqdn: `_dnsauth.${name}.example.com`, type: 'TXT', value: token });
    await state(orderId);
    const issued = await state(orderId);
    expect(issued.PrivateKey).toBeUndefined();
    const leaf = new X509Certificate(String(issued.Certificate));
    expect(leaf.subjectAltName).toBe('DNS:csr.example.com, DNS:alt.example.com');
    expect(leaf.checkPrivateKey(createPrivateKey(csr.privateKeyPem))).toBe(true);
    // With both Domain and Csr, the CSR's names win.
    const both = await create('ignored.example.com', { Csr: csr.csrPem });
    expect(emulator.cas.order(both)?.domains).toEqual(['csr.example.com', 'alt.example.com']);
  });

  it('validates FILE orders against the web root', async () => {
    const orderId = await create('file.example.com', { ValidateType: 'FILE' });
    const pending = await state(orderId);
    expect(Object.keys(pending).sort()).toEqual([
      'Content',
      'Domain',
      'RequestId',
      'Type',
      'Uri',
      'ValidateType',
    ]);
    expect(pending).toMatchObject({
      ValidateType: 'FILE',
      Domain: 'file.example.com',
      Uri: '/.well-known/pki-validation/fileauth.txt',
    });
    const path = join(webRoot, String(pending.Uri));
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, 'wrong');
    expect((await state(orderId)).Type).toBe('domain_verify');
    writeFileSync(path, `${pending.Content}\n`);
    expect((await state(orderId)).Type).toBe('process');
    expect((await state(orderId)).Type).toBe('certificate');
  });

  it('holds orders in process for the issuance delay, and fails review for chosen domains', async () => {
    emulator.cas.knobs.issuanceDelayMs = 60_000;
    const slow = await create('slow.example.com');
    emulator.dns.addRecord({
      fqdn: '_dnsauth.slow.example.com',
      type: 'TXT',
      value: String((await state(slow)).RecordValue),
    });
    expect((await state(slow)).Type).toBe('process');
    expect((await state(slow)).Type).toBe('process');
    emulator.setClockOffset(61_000);
    expect((await state(slow)).Type).toBe('certificate');

    emulator.cas.knobs.issuanceDelayMs = 0;
    emulator.cas.knobs.verifyFailDomains = ['bad.example.com'];
    const bad = await create('bad.example.com');
    emulator.dns.addRecord({
      fqdn: '_dnsauth.bad.example.com',
      type: 'TXT',
      value: String((await state(bad)).RecordValue),
    });
    await state(bad);
    expect(await state(bad)).toEqual({ RequestId: expect.any(String), Type: 'verify_fail' });
    const used = emulator.cas.package('symantec-free-1-free')?.used ?? 0;
    expect((await callCas(emulator, 'DeleteCertificateRequest', { OrderId: bad })).status).toBe(200);
    expect(emulator.cas.package('symantec-free-1-free')?.used).toBe(used - 1);
    expect((await callCas(emulator, 'DescribeCertificateState', { OrderId: bad })).json.Code).toBe(
      'NotFoundOrder',
    );
  });

  it('cancels then deletes (quota back), and refuses operations in the wrong state', async () => {
    emulator.cas.setPackage('symantec-dv-1-starter', 2);
    const before = await callCas(emulator, 'DescribePackageState', { ProductCode: 'symantec-dv-1-starter' });
    expect(before.json).toMatchObject({
      TotalCount: 2,
      UsedCount: 0,
      IssuedCount: 0,
      ProductCode: 'symantec-dv-1-starter',
    });
    const first = await create('one.example.com', { ProductCode: 'symantec-dv-1-starter' });
    await create('two.example.com', { ProductCode: 'symantec-dv-1-starter' });
    const third = await callCas(emulator, 'CreateCertificateForPackageRequest', {
      Domain: 'three.example.com',
      ProductCode: 'symantec-dv-1-starter',
    });
    expect([third.status, third.json.Code]).toEqual([404, 'NotRemainCount']);

    const deleteTooEarly = await callCas(emulator, 'DeleteCertificateRequest', { OrderId: first });
    expect([deleteTooEarly.status, deleteTooEarly.json.Code]).toEqual([403, 'OrderStateError']);
    expect((await callCas(emulator, 'CancelOrderRequest', { OrderId: first })).status).toBe(200);
    expect((await state(first)).Type).toBe('payed');
    expect((await callCas(emulator, 'CancelOrderRequest', { OrderId: first })).json.Code).toBe(
      'OrderStateError',
    );
    expect(
      (await callCas(emulator, 'CancelCertificateForPackageRequest', { OrderId: first })).json.Code,
    ).toBe('OrderStateError');
    // The docs' `Orderid` spelling is accepted too.
    expect((await callCas(emulator, 'DeleteCertificateRequest', { Orderid: first })).status).toBe(200);
    expect(
      (await callCas(emulator, 'DescribePackageState', { ProductCode: 'symantec-dv-1-starter' })).json
        .UsedCount,
    ).toBe(1);
    expect(
      (
        await callCas(emulator, 'CreateCertificateForPackageRequest', {
          Domain: 'three.example.com',
          ProductCode: 'symantec-dv-1-starter',
        })
      ).status,
    ).toBe(200);
  });

  it('revokes issued orders, returning quota only within 30 days of issue', async () => {
    emulator.cas.setPackage('symantec-dv-1-starter', 5);
    const fresh = await emulator.cas.seedOrder({
      domains: ['fresh.example.com'],
      productCode: 'symantec-dv-1-starter',
    });
    const old = await emulator.cas.seedOrder({
      domains: ['old.example.com'],
      productCode: 'symantec-dv-1-starter',
      notBefore: Date.now() - 40 * DAY_MS,
      notAfter: Date.now() + 50 * DAY_MS,
    });
    expect(emulator.cas.package('symantec-dv-1-starter')).toMatchObject({ used: 2, issued: 2 });
    expect(
      (await callCas(emulator, 'CancelCertificateForPackageRequest', { OrderId: String(fresh.orderId) }))
        .status,
    ).toBe(200);
    expect(emulator.cas.package('symantec-dv-1-starter')).toMatchObject({ used: 1, issued: 1 });
    expect(
      (await callCas(emulator, 'CancelCertificateForPackageRequest', { OrderId: String(old.orderId) }))
        .status,
    ).toBe(200);
    expect(emulator.cas.package('symantec-dv-1-starter')).toMatchObject({ used: 1, issued: 1 });
    expect((await state(String(fresh.orderId))).Type).toBe('unknow');
    const again = await callCas(emulator, 'CancelCertificateForPackageRequest', {
      OrderId: String(fresh.orderId),
    });
    expect([again.status, again.json.Code]).toEqual([403, 'OrderStateError']);
  });

  it('renews paid, unexpired orders into a new order; refuses free and expired ones', async () => {
    emulator.cas.setPackage('symantec-dv-1-starter', 5);
    const paid = await emulator.cas.seedOrder({
      domains: ['paid.example.com', 'www.paid.example.com'],
      productCode: 'symantec-dv-1-starter',
    });
    const renewed = await callCas(emulator, 'RenewCertificateOrderForPackageRequest', {
      OrderId: String(paid.orderId),
    });
    expect(renewed.status, renewed.text).toBe(200);
    const newId = String(rawJsonNumber(renewed.text, 'OrderId'));
    expect(newId).not.toBe(String(paid.orderId));
    expect(emulator.cas.order(newId)).toMatchObject({
      state: 'domain_verify',
      domains: paid.domains,
      renewedFrom: paid.orderId,
    });
    expect(emulator.cas.package('symantec-dv-1-starter')?.used).toBe(2);

    const free = await emulator.cas.seedOrder({
      domains: ['free.example.com'],
      productCode: 'digicert-free-1-free',
    });
    const refused = await callCas(emulator, 'RenewCertificateOrderForPackageRequest', {
      OrderId: String(free.orderId),
    });
    expect([refused.status, refused.json.Code]).toEqual([403, 'OrderStateError']);
    expect(refused.json.Message).toMatch(/[Ff]ree certificates .* cannot be renewed/);

    const expired = await emulator.cas.seedOrder({
      domains: ['expired.example.com'],
      productCode: 'symantec-dv-1-starter',
      notBefore: Date.now() - 100 * DAY_MS,
      notAfter: Date.now() - DAY_MS,
    });
    expect(
      (
        await callCas(emulator, 'RenewCertificateOrderForPackageRequest', {
          OrderId: String(expired.orderId),
        })
      ).json.Code,
    ).toBe('OrderStateError');
    const pending = await create('pending.example.com', { ProductCode: 'symantec-dv-1-starter' });
    expect(
      (await callCas(emulator, 'RenewCertificateOrderForPackageRequest', { OrderId: pending })).json.Code,
    ).toBe('OrderStateError');
  });

  it('validates create parameters as the documentation says', async () => {
    const code = async (action: string, params: Record<string, string>) => {
      const result = await callCas(emulator, action, params);
      return [result.status, result.json.Code];
    };
    const contact = { Username: 'Tom', Phone: '139', Email: 'tom@example.com' };
    expect(await code('CreateCertificateForPackageRequest', {})).toEqual([400, 'MissingParameter']);
    expect(
      await code('CreateCertificateForPackageRequest', { Domain: 'a.example.com,*.b.example.com' }),
    ).toEqual([400, 'InvalidParameter.Domain']);
    expect(
      await code('CreateCertificateForPackageRequest', { Domain: 'a.com,b.com,c.com,d.com,e.com,f.com' }),
    ).toEqual([400, 'InvalidParameter.Domain']);
    expect(await code('CreateCertificateForPackageRequest', { Domain: 'bad_name.example.com' })).toEqual([
      400,
      'InvalidParameter.Domain',
    ]);
    expect(await code('CreateCertificateForPackageRequest', { Domain: '10.0.0.1' })).toEqual([
      400,
      'InvalidParameter.Domain',
    ]);
    expect(
      await code('CreateCertificateForPackageRequest', { Domain: 'a.example.com', ValidateType: 'EMAIL' }),
    ).toEqual([400, 'InvalidParameter.ValidateType']);
    expect(
      await code('CreateCertificateForPackageRequest', { Domain: 'a.example.com', ProductCode: 'nope-1-x' }),
    ).toEqual([404, 'NotFoundPackage']);
    expect(
      await code('CreateCertificateRequest', {
        Domain: 'a.example.com',
        ValidateType: 'DNS',
        Username: 'x',
        Phone: '1',
      }),
    ).toEqual([400, 'MissingParameter']);
    expect(await code('CreateCertificateRequest', { ...contact, Domain: 'a.example.com' })).toEqual([
      400,
      'MissingParameter',
    ]);
    expect(
      await code('CreateCertificateRequest', {
        ...contact,
        Domain: 'a.example.com,b.example.com',
        ValidateType: 'DNS',
      }),
    ).toEqual([400, 'InvalidParameter.Domain']);
    expect(await code('CreateCertificateWithCsrRequest', { ...contact, ValidateType: 'DNS' })).toEqual([
      400,
      'MissingParameter',
    ]);
    expect(
      await code('CreateCertificateWithCsrRequest', { ...contact, ValidateType: 'DNS', Csr: 'garbage' }),
    ).toEqual([400, 'InvalidParameter.Csr']);
    expect(await code('DescribeCertificateState', { OrderId: 'abc' })).toEqual([400, 'InvalidParameter']);
    expect(await code('DescribeCertificateState', {})).toEqual([400, 'MissingParameter']);
    expect(await code('DescribeCertificateState', { OrderId: '424242' })).toEqual([404, 'NotFoundOrder']);
    const missing = await callCas(emulator, 'CreateCertificateRequest', {
      ...contact,
      Domain: 'a.example.com',
    });
    expect(missing.json.Message).toContain('ValidateType');
  });

  it('lists orders with statuses, filters and forced pagination', async () => {
    const listEmulator = await createEmulator({
      zones: ['list.test'],
      maxPageSize: 2,
      recycleLeafKeys: true,
    });
    try {
      const { cas } = listEmulator;
      await cas.seedOrder({ domains: ['issued.list.test'] });
      await cas.seedOrder({ domains: ['soon.list.test'], notAfter: Date.now() + 10 * DAY_MS });
      await cas.seedOrder({
        domains: ['gone.list.test'],
        notBefore: Date.now() - 100 * DAY_MS,
        notAfter: Date.now() - DAY_MS,
      });
      await cas.seedOrder({ domains: ['payed.list.test'], state: 'payed' });
      await cas.seedOrder({ domains: ['*.checking.list.test', '*.two.list.test'], state: 'domain_verify' });
      await cas.seedOrder({ domains: ['failed.list.test'], state: 'verify_fail' });
      await cas.seedOrder({ domains: ['revoked.list.test'], state: 'revoked' });

      const list = (params: Record<string, string | number>) =>
        callCas(listEmulator, 'ListUserCertificateOrder', params);
      const page1 = await list({});
      expect(page1.json).toMatchObject({ TotalCount: 7, ShowSize: 2, CurrentPage: 1 });
      const seen = new Set<string>();
      for (let page = 1; page <= 4; page++) {
        const items = (await list({ CurrentPage: page, ShowSize: 50 })).json.CertificateOrderList as Array<
          Record<string, unknown>
        >;
        expect(items.length).toBe(page === 4 ? 1 : 2);
        for (const item of items) seen.add(String(item.Domain));
      }
      expect(seen.size).toBe(7);

      const statusOf = async (status: string) =>
        ((await list({ Status: status })).json.CertificateOrderList as Array<Record<string, unknown>>).map(
          (item) => item.Domain,
        );
      expect(await statusOf('ISSUED')).toEqual(['issued.list.test']);
      expect(await statusOf('WILLEXPRIED')).toEqual(['soon.list.test']);
      expect(await statusOf('EXPIRED')).toEqual(['gone.list.test']);
      expect(await statusOf('PAYED')).toEqual(['payed.list.test']);
      expect(await statusOf('CHECKING')).toEqual(['*.checking.list.test']);
      expect(await statusOf('CHECKED_FAIL')).toEqual(['failed.list.test']);
      expect(await statusOf('REVOKED')).toEqual(['revoked.list.test']);

      const wildcard = (
        (await list({ Keyword: 'two.list' })).json.CertificateOrderList as Array<Record<string, unknown>>
      )[0];
      expect(wildcard).toMatchObject({
        Domain: '*.checking.list.test',
        Sans: '*.checking.list.test,*.two.list.test',
        DomainType: 'M_WILDCARD',
        WildDomainCount: 2,
        SourceType: 'cpack',
        Status: 'CHECKING',
        ProductCode: 'symantec-free-1-free',
        CertType: 'FREE',
      });
      expect(wildcard?.CertStartTime).toBeUndefined();
      const issued = (
        (await list({ Status: 'ISSUED' })).json.CertificateOrderList as Array<Record<string, unknown>>
      )[0];
      expect(issued?.CertEndTime).toBeTypeOf('number');
      expect(String(issued?.InstanceId)).toMatch(/^cas-cn-[0-9a-z]+$/);
      const byInstance = await list({ Keyword: String(issued?.InstanceId) });
      expect(byInstance.json.TotalCount).toBe(1);
      expect((await list({ OrderType: 'BUY' })).json.TotalCount).toBe(0);
      expect((await list({ OrderType: 'CPACK' })).json.TotalCount).toBe(7);
      expect((await list({ Status: 'NOPE' })).json.Code).toBe('InvalidParameter.Status');

      // Business clock: 85 days on, the 90-day certificate is about to expire.
      listEmulator.setClockOffset(85 * DAY_MS);
      expect(await statusOf('WILLEXPRIED')).toContain('issued.list.test');
    } finally {
      await listEmulator.close();
    }
  });

  it('keeps order ids above 2^53 exact in the JSON text', async () => {
    const large = await createEmulator({ zones: ['big.test'], largeIds: true });
    try {
      const created = await callCas(large, 'CreateCertificateForPackageRequest', { Domain: 'a.big.test' });
      const orderId = rawJsonNumber(created.text, 'OrderId');
      expect(orderId).toBe('9007199254740993');
      expect(created.text).toContain('"OrderId":9007199254740993');
      expect(Number(orderId).toString()).not.toBe(orderId); // a double cannot hold it
      const second = await callCas(large, 'CreateCertificateForPackageRequest', { Domain: 'b.big.test' });
      expect(rawJsonNumber(second.text, 'OrderId')).toBe('9007199254740995');
      const described = await callCas(large, 'DescribeCertificateState', { OrderId: String(orderId) });
      expect(described.json.Type).toBe('domain_verify');
      const rounded = await callCas(large, 'DescribeCertificateState', { OrderId: '9007199254740992' });
      expect(rounded.json.Code).toBe('NotFoundOrder');
      const list = await callCas(large, 'ListUserCertificateOrder');
      expect(list.text).toContain('"OrderId":9007199254740995');

      large.cas.knobs.orderIdJson = 'as-documented';
      const { csrPem } = await createCsr({ names: ['c.big.test'], keyType: 'ec' });
      const withCsr = await callCas(large, 'CreateCertificateWithCsrRequest', {
        Csr: csrPem,
        Username: 'T',
        Phone: '1',
        Email: 't@big.test',
        ValidateType: 'DNS',
      });
      expect(withCsr.json.OrderId).toBe('9007199254740997');
    } finally {
      await large.close();
    }
  });
});
