import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SLB_VERSION } from './clb.js';
import { createEmulator, type Emulator } from './server.js';
import { callRpc, servedFingerprint } from './test-helpers.js';

describe('Classic Load Balancer (SLB 2014-05-15)', () => {
  let emulator: Emulator;
  let shop: { certId: string; pem: string };
  let api: { certId: string; pem: string };
  beforeAll(async () => {
    emulator = await createEmulator({ recycleLeafKeys: true });
    const held = async (domains: string[]) => {
      const order = await emulator.cas.seedOrder({ domains });
      return { certId: order.certificate?.certId ?? '', pem: order.certificate?.certificatePem ?? '' };
    };
    shop = await held(['shop.example.com']);
    api = await held(['api.example.com']);
    emulator.clb.addLoadBalancer({
      loadBalancerId: 'lb-1',
      deployDelayMs: 60_000,
      listeners: [
        {
          port: 443,
          protocol: 'https',
          domainExtensions: [{ domain: 'api.example.com', casCertId: api.certId }],
        },
        { port: 80, protocol: 'tcp' },
      ],
    });
  });
  afterAll(() => emulator.close());
  const slb = (action: string, params: Record<string, string | number>) =>
    callRpc(emulator, SLB_VERSION, action, params);
  const fingerprint = (pem: string) => new X509Certificate(pem).fingerprint256;

  it('copies a CAS certificate into SLB without its key; a foreign or unknown one is refused', async () => {
    const upload = await slb('UploadServerCertificate', {
      RegionId: 'cn-hangzhou',
      AliCloudCertificateId: shop.certId,
      AliCloudCertificateName: 'shop-cert',
      AliCloudCertificateRegionId: 'cn-hangzhou',
    });
    expect(upload.status, upload.text).toBe(200);
    expect(upload.json).toMatchObject({
      IsAliCloudCertificate: 1,
      AliCloudCertificateId: shop.certId,
      CommonName: 'shop.example.com',
      RegionId: 'cn-hangzhou',
    });
    expect(upload.json.ServerCertificateId).toMatch(/^\d+_[0-9a-f]+_\d+_\d+$/);
    const listed = await slb('DescribeServerCertificates', { RegionId: 'cn-hangzhou' });
    const certificates = (
      listed.json.ServerCertificates as { ServerCertificate: Array<Record<string, unknown>> }
    ).ServerCertificate;
    expect(certificates.map((c) => c.AliCloudCertificateId)).toEqual(
      expect.arrayContaining([shop.certId, api.certId]),
    );
    expect(certificates.every((c) => c.IsAliCloudCertificate === 1)).toBe(true);
    const foreign = await slb('UploadServerCertificate', {
      RegionId: 'cn-hangzhou',
      AliCloudCertificateId: shop.certId,
      AliCloudCertificateName: 'shop-cert',
      AliCloudCertificateRegionId: 'ap-southeast-1',
    });
    expect([foreign.status, foreign.json.Code]).toEqual([400, 'AliCloudCertificate.NotFound']);
    expect(
      (await slb('DescribeServerCertificates', { RegionId: 'cn-shanghai' })).json.ServerCertificates,
    ).toEqual({ ServerCertificate: [] });
  });

  it('sets an HTTPS listener: configuring for the delay, clients get it after; a TCP port is no HTTPS listener', async () => {
    const front = await emulator.served.listen('clb:lb-1:443');
    const placeholder = await servedFingerprint(front.port, 'shop.example.com');
    const copy = emulator.clb.serverCertificates().find((c) => c.aliCloudCertificateId === shop.certId);
    const set = await slb('SetLoadBalancerHTTPSListenerAttribute', {
      RegionId: 'cn-hangzhou',
      LoadBalancerId: 'lb-1',
      ListenerPort: 443,
      ServerCertificateId: copy?.serverCertificateId ?? '',
    });
    expect(set.status, set.text).toBe(200);
    const read = () =>
      slb('DescribeLoadBalancerHTTPSListenerAttribute', {
        RegionId: 'cn-hangzhou',
        LoadBalancerId: 'lb-1',
        ListenerPort: 443,
      });
    expect((await read()).json).toMatchObject({
      ServerCertificateId: copy?.serverCertificateId,
      Status: 'configuring',
      DomainExtensions: { DomainExtension: [expect.objectContaining({ Domain: 'api.example.com' })] },
    });
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(placeholder);
    emulator.setClockOffset(61_000);
    expect((await read()).json.Status).toBe('running');
    expect(await servedFingerprint(front.port, 'shop.example.com')).toBe(fingerprint(shop.pem));
    // The extension's certificate for its domain, the default one for any other name.
    expect(await servedFingerprint(front.port, 'api.example.com')).toBe(fingerprint(api.pem));
    emulator.setClockOffset(0);
    await front.close();

    const tcp = await slb('DescribeLoadBalancerHTTPSListenerAttribute', {
      RegionId: 'cn-hangzhou',
      LoadBalancerId: 'lb-1',
      ListenerPort: 80,
    });
    expect([tcp.status, tcp.json.Code]).toEqual([400, 'InvalidParameter']);
    const elsewhere = await slb('DescribeLoadBalancerAttribute', {
      RegionId: 'cn-beijing',
      LoadBalancerId: 'lb-1',
    });
    expect([elsewhere.status, elsewhere.json.Code]).toEqual([404, 'InvalidLoadBalancerId.NotFound']);
    const attribute = await slb('DescribeLoadBalancerAttribute', {
      RegionId: 'cn-hangzhou',
      LoadBalancerId: 'lb-1',
    });
    expect(attribute.json.ListenerPortsAndProtocol).toEqual({
      ListenerPortAndProtocol: [
        { ListenerPort: 443, ListenerProtocol: 'https' },
        { ListenerPort: 80, ListenerProtocol: 'tcp' },
      ],
    });
  });

  it('lists HTTPS listeners of a region by page, sets a domain extension, and keeps a used server certificate', async () => {
    const listeners = await slb('DescribeLoadBalancerListeners', {
      RegionId: 'cn-hangzhou',
      ListenerProtocol: 'https',
      MaxResults: 1,
    });
    expect(listeners.json).toMatchObject({
      TotalCount: 1,
      Listeners: [{ LoadBalancerId: 'lb-1', ListenerPort: 443, HTTPSListenerConfig: {} }],
    });
    const extensions = await slb('DescribeDomainExtensions', {
      RegionId: 'cn-hangzhou',
      LoadBalancerId: 'lb-1',
      ListenerPort: 443,
    });
    const [extension] = (
      extensions.json.DomainExtensions as { DomainExtension: Array<Record<string, string>> }
    ).DomainExtension;
    expect(extension?.DomainExtensionId).toMatch(/^de-/);
    const shopCopy = emulator.clb.serverCertificates().find((c) => c.aliCloudCertificateId === shop.certId);
    const set = await slb('SetDomainExtensionAttribute', {
      RegionId: 'cn-hangzhou',
      DomainExtensionId: extension?.DomainExtensionId ?? '',
      ServerCertificateId: shopCopy?.serverCertificateId ?? '',
    });
    expect(set.status, set.text).toBe(200);
    expect(emulator.clb.listener('lb-1', 443)?.certificates.extensions[0]?.serverCertificateId).toBe(
      shopCopy?.serverCertificateId,
    );
    const inUse = await slb('DeleteServerCertificate', {
      RegionId: 'cn-hangzhou',
      ServerCertificateId: shopCopy?.serverCertificateId ?? '',
    });
    expect([inUse.status, inUse.json.Code]).toEqual([400, 'ResourceInUse.ServerCertificate']);
    const apiCopy = emulator.clb.serverCertificates().find((c) => c.aliCloudCertificateId === api.certId);
    const unused = await slb('DeleteServerCertificate', {
      RegionId: 'cn-hangzhou',
      ServerCertificateId: apiCopy?.serverCertificateId ?? '',
    });
    expect(unused.status, unused.text).toBe(200);
    expect(emulator.clb.serverCertificate(apiCopy?.serverCertificateId)).toBeUndefined();
  });

  it('checks signatures and applies faults by action name, as for every product', async () => {
    const forged = await callRpc(
      emulator,
      SLB_VERSION,
      'DescribeServerCertificates',
      { RegionId: 'cn-hangzhou' },
      { signature: 'forged' },
    );
    expect(forged.json.Code).toBe('SignatureDoesNotMatch');
    emulator.faults.add({ action: 'DescribeServerCertificates', kind: 'unavailable' });
    expect((await slb('DescribeServerCertificates', { RegionId: 'cn-hangzhou' })).status).toBe(503);
  });
});
