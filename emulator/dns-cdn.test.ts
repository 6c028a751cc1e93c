import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toJsonText } from './json.js';
import { createEmulator, type Emulator } from './server.js';
import { callRpc } from './test-helpers.js';

const DNS = '2015-01-09';
const CDN = '2018-05-10';

describe('Alidns and CDN', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      zones: ['example.com', 'deep.example.com', 'other.net'],
      recycleLeafKeys: true,
    });
  });
  afterAll(() => emulator.close());
  const dns = (action: string, params: Record<string, string | number> = {}) =>
    callRpc(emulator, DNS, action, params);

  it('lists zones with paging and keyword', async () => {
    const all = await dns('DescribeDomains');
    expect(all.json).toMatchObject({ TotalCount: 3, PageNumber: 1, PageSize: 20 });
    const names = (
      all.json.Domains as { Domain: Array<{ DomainName: string; DomainId: string }> }
    ).Domain.map((d) => d.DomainName);
    expect(names).toEqual(['deep.example.com', 'example.com', 'other.net']);
    const paged = await dns('DescribeDomains', { PageNumber: 2, PageSize: 2 });
    expect((paged.json.Domains as { Domain: unknown[] }).Domain).toHaveLength(1);
    expect((await dns('DescribeDomains', { KeyWord: 'other' })).json.TotalCount).toBe(1);
  });

  it('finds the main domain: longest zone in the account, else the last two labels', async () => {
    expect(
      (await dns('GetMainDomainName', { InputString: '_dnsauth.a.deep.example.com' })).json,
    ).toMatchObject({
      DomainName: 'deep.example.com',
      RR: '_dnsauth.a',
      DomainLevel: 4,
    });
    expect((await dns('GetMainDomainName', { InputString: 'www.example.com' })).json).toMatchObject({
      DomainName: 'example.com',
      RR: 'www',
      DomainLevel: 2,
    });
    expect((await dns('GetMainDomainName', { InputString: 'a.b.unknown.org' })).json).toMatchObject({
      DomainName: 'unknown.org',
      RR: 'a.b',
    });
    expect((await dns('GetMainDomainName', {})).json.Code).toBe('MissingParameter');
  });

  it('adds, finds, refuses duplicates and deletes records', async () => {
    const add = await dns('AddDomainRecord', {
      DomainName: 'example.com',
      RR: '_dnsauth.www',
      Type: 'TXT',
      Value: 'v1',
      TTL: 600,
    });
    expect(add.status).toBe(200);
    const recordId = String(add.json.RecordId);
    expect(recordId).toMatch(/^\d+$/);
    const duplicate = await dns('AddDomainRecord', {
      DomainName: 'example.com',
      RR: '_dnsauth.www',
      Type: 'TXT',
      Value: 'v1',
    });
    expect([duplicate.status, duplicate.json.Code]).toEqual([400, 'DomainRecordDuplicate']);
    const noZone = await dns('AddDomainRecord', { DomainName: 'nope.org', RR: 'x', Type: 'TXT', Value: 'v' });
    expect([noZone.status, noZone.json.Code]).toEqual([400, 'InvalidDomainName.NoExist']);
    await dns('AddDomainRecord', { DomainName: 'example.com', RR: 'www', Type: 'A', Value: '192.0.2.1' });

    const byRr = await dns('DescribeDomainRecords', {
      DomainName: 'example.com',
      RRKeyWord: 'dnsauth',
      TypeKeyWord: 'TXT',
    });
    const records = (byRr.json.DomainRecords as { Record: Array<Record<string, unknown>> }).Record;
    expect(records).toEqual([
      expect.objectContaining({
        RecordId: recordId,
        DomainName: 'example.com',
        RR: '_dnsauth.www',
        Type: 'TXT',
        Value: 'v1',
        TTL: 600,
        Line: 'default',
        Status: 'ENABLE',
        Locked: false,
      }),
    ]);
    const sub = await dns('DescribeSubDomainRecords', { SubDomain: '_dnsauth.www.example.com', Type: 'TXT' });
    expect(sub.json.TotalCount).toBe(1);
    expect((await dns('DescribeSubDomainRecords', { SubDomain: 'www.example.com' })).json.TotalCount).toBe(1);
    expect((await dns('DescribeDomainRecords', { DomainName: 'missing.org' })).json.Code).toBe(
      'InvalidDomainName.NoExist',
    );

    expect((await dns('DeleteDomainRecord', { RecordId: recordId })).json.RecordId).toBe(recordId);
    const again = await dns('DeleteDomainRecord', { RecordId: recordId });
    expect([again.status, again.json.Code]).toEqual([400, 'DomainRecordNotBelongToUser']);
    expect(emulator.dns.records('example.com').map((record) => record.rr)).toEqual(['www']);
  });

  it('reports the certificate a CDN domain serves, from a PEM or from an order', async () => {
    const order = await emulator.cas.seedOrder({
      domains: ['cdn.example.com'],
      notAfter: new Date('2031-02-03T04:05:06Z'),
    });
    await emulator.cdn.setDomainCertificate('cdn.example.com', { orderId: order.orderId });
    const info = await callRpc(emulator, CDN, 'DescribeDomainCertificateInfo', {
      DomainName: 'cdn.example.com',
    });
    expect(info.status, info.text).toBe(200);
    const [certInfo] = (info.json.CertInfos as { CertInfo: Array<Record<string, unknown>> }).CertInfo;
    expect(certInfo).toMatchObject({
      DomainName: 'cdn.example.com',
      CertDomainName: 'cdn.example.com',
      CertId: order.certificate?.certId,
      CertExpireTime: '2031-02-03T04:05:06Z',
      Status: 'success',
      ServerCertificateStatus: 'on',
      CertType: 'cas',
      CertOrg: 'CAS Emulator',
      CertLife: 'years',
    });
    expect(String(certInfo?.CertStartTime)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(String(certInfo?.ServerCertificate)).toContain('-----BEGIN CERTIFICATE-----');

    const leaf = await emulator.ca.issueLeaf({ names: ['pem.example.com'], recycleKey: true });
    await emulator.cdn.setDomainCertificate('pem.example.com', {
      certificatePem: leaf.certificatePem,
      certType: 'upload',
    });
    const pem = await callRpc(emulator, CDN, 'DescribeDomainCertificateInfo', {
      DomainName: 'pem.example.com',
    });
    expect((pem.json.CertInfos as { CertInfo: Array<Record<string, unknown>> }).CertInfo[0]).toMatchObject({
      CertLife: 'months',
      CertType: 'upload',
    });

    const missing = await callRpc(emulator, CDN, 'DescribeDomainCertificateInfo', {
      DomainName: 'nope.example.com',
    });
    expect([missing.status, missing.json.Code, missing.json.HostId]).toEqual([
      404,
      'InvalidDomain.NotFound',
      'cdn.aliyuncs.com',
    ]);
  });
});

describe('JSON writer', () => {
  it('writes bigints as exact digits and drops undefined fields', () => {
    expect(toJsonText({ a: 9007199254740993n, b: [1, 'x"y', null, true], c: undefined, d: { e: -5n } })).toBe(
      '{"a":9007199254740993,"b":[1,"x\\"y",null,true],"d":{"e":-5}}',
    );
  });
});
