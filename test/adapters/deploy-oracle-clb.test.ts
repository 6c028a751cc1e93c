// CLB (SLB 2014-05-15) has no official SDK on the npm registry (`npm view @alicloud/slb20140515` is 404), so no
// SDK request can be replayed here. The oracle is instead the request shapes of the two peers that deploy to CLB,
// written down below as fixed expected parameters: certimate's deployer and certmgr
// (pkg/core/deployer/providers/aliyun-clb, pkg/core/certmgr/providers/aliyun-slb, built on the official Go SDK
// alibabacloud-go/slb-20140515, whose models name every field), and certd's (plugin-aliyun deploy-to-slb: the
// upload from a CAS id, `AliCloudCertificate*`, which certimate does not use). Our target must send exactly those
// operation parameters, and the emulator (whose fields are that Go SDK's) must accept them, signature and all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createClbTarget } from '../../src/deploy/clb.js';
import type { DeployTarget } from '../../src/deploy/target.js';
import { createCdnService, createDcdnService } from '../../src/services/cdn.js';

const COMMON = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SignatureType',
]);
const operationParams = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON.has(name)));

let emulator: Emulator;
let client: RpcClient;
let target: DeployTarget;
let shop: string;
let api: string;

beforeAll(async () => {
  emulator = await createEmulator({ recycleLeafKeys: true });
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  const certId = async (domains: string[]) =>
    (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
  shop = await certId(['shop.example.com']);
  api = await certId(['api.example.com']);
  const old = await certId(['api.example.com']);
  emulator.clb.addLoadBalancer({
    loadBalancerId: 'lb-oracle',
    listeners: [
      { port: 443, protocol: 'https', domainExtensions: [{ domain: 'api.example.com', casCertId: old }] },
      { port: 80, protocol: 'tcp' },
    ],
  });
  target = createClbTarget(
    {
      cdn: createCdnService(client, emulator.url),
      dcdn: createDcdnService(client, emulator.url),
      client,
      endpointOverride: (name) => (name === 'clb' ? emulator.url : undefined),
    },
    { certRegion: 'cn-hangzhou', region: 'cn-hangzhou' },
  );
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

/** The operation parameters of every accepted call of an action, in order. */
const sent = (action: string) =>
  emulator
    .callsTo(action)
    .filter((c) => c.status === 200)
    .map((c) => operationParams(c.params));

describe('CLB target against the peers’ request shapes', () => {
  it('checks, sets, reads back and lists with exactly the parameters certimate and certd send', async () => {
    expect(await target.check?.('lb-oracle:443@cn-hangzhou sni')).toBeUndefined();
    expect(await target.check?.('lb-oracle:80')).toMatch(/listener is TCP, not HTTPS/);
    await target.set('lb-oracle:443', shop);
    await target.set('lb-oracle:443 sni', api);
    const served = await target.serving('lb-oracle:443 sni');
    expect(served).toMatchObject({ certId: shop, extensions: [api], inEffect: true });
    expect(await target.alsoInUse?.([shop, api])).toEqual(expect.arrayContaining([shop, api]));

    const slbCopy = (casId: string) =>
      emulator.clb.serverCertificates().find((c) => c.aliCloudCertificateId === casId)?.serverCertificateId;
    const listener = { RegionId: 'cn-hangzhou', LoadBalancerId: 'lb-oracle', ListenerPort: '443' };
    // certimate: DescribeLoadBalancerAttribute { RegionId, LoadBalancerId }.
    expect(sent('DescribeLoadBalancerAttribute')).toEqual([
      { RegionId: 'cn-hangzhou', LoadBalancerId: 'lb-oracle' },
      { RegionId: 'cn-hangzhou', LoadBalancerId: 'lb-oracle' },
    ]);
    // certimate: DescribeServerCertificates { RegionId } (ResourceGroupId only when configured).
    expect(new Set(sent('DescribeServerCertificates').map((p) => JSON.stringify(p)))).toEqual(
      new Set([JSON.stringify({ RegionId: 'cn-hangzhou' })]),
    );
    // certd: UploadServerCertificate { RegionId, AliCloudCertificateId, AliCloudCertificateName,
    // AliCloudCertificateRegionId }: no certificate body, no key.
    expect(sent('UploadServerCertificate')).toEqual([
      {
        RegionId: 'cn-hangzhou',
        AliCloudCertificateId: shop,
        AliCloudCertificateName: `cas-${shop}`,
        AliCloudCertificateRegionId: 'cn-hangzhou',
      },
      {
        RegionId: 'cn-hangzhou',
        AliCloudCertificateId: api,
        AliCloudCertificateName: `cas-${api}`,
        AliCloudCertificateRegionId: 'cn-hangzhou',
      },
    ]);
    // certimate and certd: SetLoadBalancerHTTPSListenerAttribute { RegionId, LoadBalancerId, ListenerPort,
    // ServerCertificateId }.
    expect(sent('SetLoadBalancerHTTPSListenerAttribute')).toEqual([
      { ...listener, ServerCertificateId: slbCopy(shop) },
    ]);
    // certimate: DescribeLoadBalancerHTTPSListenerAttribute { LoadBalancerId, ListenerPort } (+ RegionId, which
    // the shared endpoint needs, as the SDK's model notes).
    expect(sent('DescribeLoadBalancerHTTPSListenerAttribute')).toEqual([listener]);
    // certimate and certd: DescribeDomainExtensions { RegionId, LoadBalancerId, ListenerPort }.
    expect(sent('DescribeDomainExtensions')).toEqual([listener, listener, listener]);
    // certimate and certd: SetDomainExtensionAttribute { RegionId, DomainExtensionId, ServerCertificateId }.
    const [extension] = emulator.clb.listener('lb-oracle', 443)?.certificates.extensions ?? [];
    expect(sent('SetDomainExtensionAttribute')).toEqual([
      {
        RegionId: 'cn-hangzhou',
        DomainExtensionId: extension?.domainExtensionId,
        ServerCertificateId: slbCopy(api),
      },
    ]);
    // certimate and certd: DescribeLoadBalancerListeners { RegionId, ListenerProtocol, MaxResults } (the https
    // listeners of the region; certimate adds LoadBalancerId.N to narrow them, which we do not want).
    expect(sent('DescribeLoadBalancerListeners')).toEqual([
      { RegionId: 'cn-hangzhou', ListenerProtocol: 'https', MaxResults: '100' },
    ]);
  });

  it("deletes SLB's copy of a certificate no listener uses any more, with the Go SDK model's parameters", async () => {
    const unused = (await emulator.cas.seedOrder({ domains: ['old.example.com'] })).certificate?.certId ?? '';
    await target.set('lb-oracle:443', unused);
    await target.set('lb-oracle:443', shop);
    const copy = emulator.clb.serverCertificates().find((c) => c.aliCloudCertificateId === unused);
    expect(await target.alsoInUse?.([unused])).toEqual([]);
    // DeleteServerCertificate { RegionId, ServerCertificateId } (alibabacloud-go/slb-20140515's model).
    expect(sent('DeleteServerCertificate')).toEqual([
      { RegionId: 'cn-hangzhou', ServerCertificateId: copy?.serverCertificateId },
    ]);
    expect(emulator.clb.serverCertificate(copy?.serverCertificateId)).toBeUndefined();
  });
});
