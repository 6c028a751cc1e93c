import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './server.js';
import { callRpc, servedFingerprint } from './test-helpers.js';
import { WAF_VERSION } from './waf.js';

describe('WAF 3.0: CNAME domains and cloud-resource ports', () => {
  let emulator: Emulator;
  let instanceId: string;
  beforeAll(async () => {
    emulator = await createEmulator({
      recycleLeafKeys: true,
      wafInstances: [
        {
          domains: [
            {
              domain: 'waf.example.com',
              settleDelayMs: 60_000,
              listen: { Http2Enabled: true, TLSVersion: 'tlsv1.2' },
              backends: ['10.0.0.1', '10.0.0.2'],
            },
          ],
          ports: [{ resourceInstanceId: 'lb-emu', port: 443 }],
        },
      ],
    });
    instanceId = emulator.waf.instance('cn-hangzhou')?.instanceId ?? '';
  });
  afterAll(() => emulator.close());
  const waf = (action: string, params: Record<string, string | number>) =>
    callRpc(emulator, WAF_VERSION, action, { RegionId: 'cn-hangzhou', ...params }, { method: 'POST' });
  const certOf = async (domains: string[]) => {
    const order = await emulator.cas.seedOrder({ domains });
    return {
      id: order.certificate?.certId ?? '',
      fingerprint: new X509Certificate(order.certificate?.certificatePem ?? '').fingerprint256,
    };
  };

  it('DescribeInstance names the region instance; a region without one answers without it', async () => {
    expect((await waf('DescribeInstance', {})).json).toMatchObject({ InstanceId: instanceId, Status: 1 });
    const none = await waf('DescribeInstance', { RegionId: 'ap-southeast-1' });
    expect(none.status).toBe(200);
    expect(none.json.InstanceId).toBeUndefined();
    const wrong = await waf('DescribeDomainDetail', { InstanceId: 'waf-other', Domain: 'waf.example.com' });
    expect(wrong.json.Code).toBe('Waf.Instance.ValidFaild');
  });

  it('ModifyDomain takes the whole Listen and Redirect: what is left out resets; Status 3 until it settles, then served', async () => {
    const cert = await certOf(['waf.example.com']);
    const front = await emulator.served.listen('waf:waf.example.com');
    const placeholder = await servedFingerprint(front.port, 'waf.example.com');
    const read = await waf('DescribeDomainDetail', { InstanceId: instanceId, Domain: 'waf.example.com' });
    expect(read.json).toMatchObject({
      Domain: 'waf.example.com',
      Status: 1,
      Listen: { HttpsPorts: [443], Http2Enabled: true, TLSVersion: 'tlsv1.2' },
      Redirect: { Backends: [{ Backend: '10.0.0.1' }, { Backend: '10.0.0.2' }] },
    });
    // The read shape of Backends is refused: the write takes strings.
    const objects = await waf('ModifyDomain', {
      InstanceId: instanceId,
      Domain: 'waf.example.com',
      Listen: JSON.stringify({ HttpsPorts: [443], CertId: `${cert.id}-cn-hangzhou` }),
      Redirect: JSON.stringify({ Backends: [{ Backend: '10.0.0.1' }] }),
    });
    expect(objects.json.Code).toBe('InvalidParameter');
    const foreign = await waf('ModifyDomain', {
      InstanceId: instanceId,
      Domain: 'waf.example.com',
      Listen: JSON.stringify({ HttpsPorts: [443], CertId: `${cert.id}-ap-southeast-1` }),
      Redirect: JSON.stringify({ Backends: ['10.0.0.1'] }),
    });
    expect(foreign.json.Code).toBe('Waf.Pullin.CertNotExist');
    const noPorts = await waf('ModifyDomain', {
      InstanceId: instanceId,
      Domain: 'waf.example.com',
      Listen: JSON.stringify({ CertId: `${cert.id}-cn-hangzhou` }),
      Redirect: JSON.stringify({ Backends: ['10.0.0.1'] }),
    });
    expect(noPorts.json.Code).toBe('Waf.Pullin.ProtocolNotSet');
    const set = await waf('ModifyDomain', {
      InstanceId: instanceId,
      Domain: 'waf.example.com',
      Listen: JSON.stringify({ HttpsPorts: [443], CertId: `${cert.id}-cn-hangzhou` }),
      Redirect: JSON.stringify({ Backends: ['10.0.0.9'] }),
    });
    expect(set.status, set.text).toBe(200);
    const after = await waf('DescribeDomainDetail', { InstanceId: instanceId, Domain: 'waf.example.com' });
    expect(after.json).toMatchObject({
      Status: 3,
      Listen: { CertId: `${cert.id}-cn-hangzhou`, Http2Enabled: false, TLSVersion: 'tlsv1' },
      Redirect: { Backends: [{ Backend: '10.0.0.9' }] },
    });
    const busy = await waf('ModifyDomain', {
      InstanceId: instanceId,
      Domain: 'waf.example.com',
      Listen: JSON.stringify({ HttpsPorts: [443], CertId: `${cert.id}-cn-hangzhou` }),
      Redirect: JSON.stringify({ Backends: ['10.0.0.9'] }),
    });
    expect(busy.json.Code).toBe('Waf.Pullin.ResourceProcessing');
    expect(await servedFingerprint(front.port, 'waf.example.com')).toBe(placeholder);
    emulator.setClockOffset(61_000);
    expect(
      (await waf('DescribeDomainDetail', { InstanceId: instanceId, Domain: 'waf.example.com' })).json.Status,
    ).toBe(1);
    expect(await servedFingerprint(front.port, 'waf.example.com')).toBe(cert.fingerprint);
    emulator.setClockOffset(0);
    await front.close();
  });

  it('a domain not in the instance answers without a Domain; DescribeDomains pages the instance domains', async () => {
    const gone = await waf('DescribeDomainDetail', { InstanceId: instanceId, Domain: 'gone.example.com' });
    expect(gone.status).toBe(200);
    expect(gone.json.Domain).toBeUndefined();
    emulator.waf.addDomain({ domain: 'two.example.com' });
    const page = await waf('DescribeDomains', { InstanceId: instanceId, PageNumber: 2, PageSize: 1 });
    expect(page.json).toMatchObject({ TotalCount: 2, Domains: [{ Domain: 'two.example.com' }] });
  });

  it('ModifyCloudResourceCert replaces the port certificates: default and extensions, served by SNI once settled', async () => {
    const base = await certOf(['base.example.com']);
    const shop = await certOf(['shop.example.com']);
    emulator.waf.addPort({ resourceInstanceId: 'lb-sni', port: 443, settleDelayMs: 30_000 });
    const front = await emulator.served.listen('waf:lb-sni:443');
    const details = await waf('DescribeCloudResourceAccessPortDetails', {
      InstanceId: instanceId,
      ResourceInstanceId: 'lb-sni',
      Port: '443',
    });
    expect(details.json).toMatchObject({
      TotalCount: 1,
      AccessPortDetails: [{ CloudResourceId: 'lb-sni-443-clb7', Port: 443, Protocol: 'https', Status: 1 }],
    });
    const noDefault = await waf('ModifyCloudResourceCert', {
      InstanceId: instanceId,
      CloudResourceId: 'lb-sni-443-clb7',
      'Certificates.1.CertificateId': `${shop.id}-cn-hangzhou`,
      'Certificates.1.AppliedType': 'extension',
    });
    expect(noDefault.json.Code).toBe('InvalidParameter');
    const set = await waf('ModifyCloudResourceCert', {
      InstanceId: instanceId,
      CloudResourceId: 'lb-sni-443-clb7',
      'Certificates.1.CertificateId': `${base.id}-cn-hangzhou`,
      'Certificates.1.AppliedType': 'default',
      'Certificates.2.CertificateId': `${shop.id}-cn-hangzhou`,
      'Certificates.2.AppliedType': 'extension',
    });
    expect(set.status, set.text).toBe(200);
    const read = await waf('DescribeCloudResourceAccessPortDetails', {
      InstanceId: instanceId,
      ResourceInstanceId: 'lb-sni',
    });
    expect(read.json.AccessPortDetails).toMatchObject([
      {
        Status: 3,
        Certificates: [
          { AppliedType: 'default', CertificateId: `${base.id}-cn-hangzhou` },
          { AppliedType: 'extension', CertificateId: `${shop.id}-cn-hangzhou` },
        ],
      },
    ]);
    emulator.setClockOffset(31_000);
    expect(emulator.waf.servedSet('lb-sni:443')).toEqual({ default: base.id, extensions: [shop.id] });
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(shop.fingerprint);
    expect(await servedFingerprint(front.port, 'other.example.com')).toBe(base.fingerprint);
    emulator.setClockOffset(0);
    await front.close();
    const unknown = await waf('ModifyCloudResourceCert', {
      InstanceId: instanceId,
      CloudResourceId: 'lb-none-443-clb7',
      'Certificates.1.CertificateId': `${base.id}-cn-hangzhou`,
      'Certificates.1.AppliedType': 'default',
    });
    expect(unknown.json.Code).toBe('Waf.Pullin.ResourceNotExist');
    const none = await waf('DescribeCloudResourceAccessPortDetails', {
      InstanceId: instanceId,
      ResourceInstanceId: 'lb-none',
    });
    expect(none.json).toMatchObject({ TotalCount: 0, AccessPortDetails: [] });
  });
});
