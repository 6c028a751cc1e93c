import { generateKeyPairSync, X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APIG_VERSION, APIGW_VERSION } from './apigw.js';
import { createEmulator, type Emulator } from './server.js';
import { callRoaWithSdk, callRpc, servedFingerprint } from './test-helpers.js';

const GROUP = '927d50c0f2e54b359919923d908bb015';

describe('API Gateway', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      recycleLeafKeys: true,
      apigwDomains: [{ groupId: GROUP, domainName: 'api.example.com' }],
      apigDomains: [
        {
          domainId: 'd-native',
          name: 'gw.example.com',
          tlsMin: 'TLS 1.2',
          http2Option: 'Open',
          forceHttps: true,
        },
      ],
    });
  });
  afterAll(() => emulator.close());
  const classic = (action: string, params: Record<string, string>) =>
    callRpc(emulator, APIGW_VERSION, action, params, { method: 'POST', formBody: true });
  const native = (method: 'GET' | 'PUT', pathname: string, body?: object, query?: Record<string, string>) =>
    callRoaWithSdk(emulator, {
      action: method === 'PUT' ? 'UpdateDomain' : pathname === '/v1/domains' ? 'ListDomains' : 'GetDomain',
      version: APIG_VERSION,
      method,
      pathname,
      ...(body ? { body } : {}),
      ...(query ? { query } : {}),
    });
  const certOf = async (domains: string[]) => {
    const order = await emulator.cas.seedOrder({ domains });
    const certificate = order.certificate;
    return {
      id: certificate?.certId ?? '',
      pem: `${certificate?.certificatePem ?? ''}${certificate?.chainPem ?? ''}`,
      key: certificate?.privateKeyPem ?? '',
      fingerprint: new X509Certificate(certificate?.certificatePem ?? '').fingerprint256,
    };
  };

  it('classic: sets a domain certificate (PEM and key), reads it back, and serves it', async () => {
    const cert = await certOf(['api.example.com']);
    const front = await emulator.served.listen(`apigw:${GROUP}/api.example.com`);
    const before = await classic('DescribeDomain', { GroupId: GROUP, DomainName: 'api.example.com' });
    expect(before.json).toMatchObject({ DomainName: 'api.example.com', DomainCNAMEStatus: 'RESOLVED' });
    expect(before.json.CertificateId).toBeUndefined();
    const set = await classic('SetDomainCertificate', {
      GroupId: GROUP,
      DomainName: 'api.example.com',
      CertificateName: `cas-${cert.id}`,
      CertificateBody: cert.pem,
      CertificatePrivateKey: cert.key,
    });
    expect(set.status, set.text).toBe(200);
    const after = await classic('DescribeDomain', { GroupId: GROUP, DomainName: 'api.example.com' });
    expect(after.json).toMatchObject({ CertificateName: `cas-${cert.id}`, CertificateBody: cert.pem });
    expect(after.json.CertificateId).toMatch(/^[0-9a-f]{32}$/);
    expect(await servedFingerprint(front.port, 'api.example.com')).toBe(cert.fingerprint);
    // The record of the call keeps no private key.
    const recorded = emulator.callsTo('SetDomainCertificate').at(-1)?.params.CertificatePrivateKey;
    expect(recorded).toMatch(/^\[private key, \d+ characters/);
    await front.close();
  });

  it('classic: refuses a key of another certificate, one not covering the domain, and unknown groups or domains', async () => {
    const one = await certOf(['api.example.com']);
    const other = await certOf(['other.example.com']);
    const set = (fields: Record<string, string>) =>
      classic('SetDomainCertificate', {
        GroupId: GROUP,
        DomainName: 'api.example.com',
        CertificateName: 'x',
        CertificateBody: one.pem,
        CertificatePrivateKey: one.key,
        ...fields,
      });
    // Leaf keys are recycled in tests: another key is made here.
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const otherKey = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect((await set({ CertificatePrivateKey: otherKey })).json.Code).toBe('CertificateKeyNotMatch');
    expect((await set({ CertificateBody: other.pem, CertificatePrivateKey: other.key })).json.Code).toBe(
      'CertificateDomainNotMatch',
    );
    expect((await set({ GroupId: '0'.repeat(32) })).json.Code).toBe('NotFoundApiGroup');
    expect((await set({ DomainName: 'nope.example.com' })).json.Code).toBe('NotFoundDomain');
  });

  it('cloud-native: UpdateDomain replaces the whole domain (what is not sent falls back), GetDomain reads it, ListDomains lists it', async () => {
    const cert = await certOf(['gw.example.com']);
    const front = await emulator.served.listen('apigw:d-native');
    const read = await native('GET', '/v1/domains/d-native');
    expect(read.body).toMatchObject({
      code: 'Ok',
      data: {
        domainId: 'd-native',
        protocol: 'HTTPS',
        tlsMin: 'TLS 1.2',
        http2Option: 'Open',
        forceHttps: true,
      },
    });
    await native('PUT', '/v1/domains/d-native', {
      protocol: 'HTTPS',
      certIdentifier: `${cert.id}-cn-hangzhou`,
      tlsMin: 'TLS 1.2',
      http2Option: 'Open',
      forceHttps: true,
    });
    const after = (await native('GET', '/v1/domains/d-native')).body.data;
    expect(after).toMatchObject({
      certIdentifier: `${cert.id}-cn-hangzhou`,
      tlsMin: 'TLS 1.2',
      forceHttps: true,
    });
    expect(await servedFingerprint(front.port, 'gw.example.com')).toBe(cert.fingerprint);
    // A PUT without the TLS fields resets them.
    await native('PUT', '/v1/domains/d-native', {
      protocol: 'HTTPS',
      certIdentifier: `${cert.id}-cn-hangzhou`,
    });
    expect((await native('GET', '/v1/domains/d-native')).body.data).toMatchObject({
      tlsMin: 'TLS 1.0',
      http2Option: 'GlobalConfig',
      forceHttps: false,
    });
    const listed = await native('GET', '/v1/domains', undefined, { pageNumber: '1', pageSize: '10' });
    expect(listed.body.data).toMatchObject({
      items: [{ domainId: 'd-native', certIdentifier: `${cert.id}-cn-hangzhou`, status: 'Published' }],
      totalSize: 1,
    });
    expect(emulator.callsTo('UpdateDomain').at(-1)).toMatchObject({
      product: 'apig',
      signatureStyle: 'acs3',
      params: { domainId: 'd-native', certIdentifier: `${cert.id}-cn-hangzhou` },
    });
    await front.close();
  });

  it('cloud-native: refuses an unknown domain and a certificate not held in the account region', async () => {
    await expect(native('GET', '/v1/domains/d-missing')).rejects.toMatchObject({
      code: 'DatabaseError.RecordNotFound',
    });
    await expect(
      native('PUT', '/v1/domains/d-native', { protocol: 'HTTPS', certIdentifier: '999999-cn-hangzhou' }),
    ).rejects.toMatchObject({ code: 'NotFound.CertificateNotFound' });
    const cert = await certOf(['gw.example.com']);
    await expect(
      native('PUT', '/v1/domains/d-native', {
        protocol: 'HTTPS',
        certIdentifier: `${cert.id}-ap-southeast-1`,
      }),
    ).rejects.toMatchObject({ code: 'NotFound.CertificateNotFound' });
  });

  it('faults apply to both APIs by operation name', async () => {
    emulator.faults.add({ action: 'GetDomain', kind: 'unavailable', times: 1 });
    emulator.faults.add({ action: 'DescribeDomain', kind: 'unavailable', times: 1 });
    await expect(native('GET', '/v1/domains/d-native')).rejects.toBeTruthy();
    expect((await classic('DescribeDomain', { GroupId: GROUP, DomainName: 'api.example.com' })).status).toBe(
      503,
    );
    expect((await native('GET', '/v1/domains/d-native')).body.code).toBe('Ok');
  });
});
