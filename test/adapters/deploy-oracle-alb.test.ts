// The official ALB SDK (@alicloud/alb20200616) is the oracle: the emulator accepts its requests (ACS3 signatures,
// its flattening of `Certificates`) and answers in its models' field names, and our target (src/deploy/alb.ts)
// sends the same operation parameters for each operation it calls.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createAlbTarget } from '../../src/deploy/alb.js';
import type { DeployTarget, TargetServices } from '../../src/deploy/target.js';

const require = createRequire(import.meta.url);
type Sdk = Record<string, new (fields: Record<string, unknown>) => unknown> & {
  default: new (
    config: unknown,
  ) => Record<string, (request: unknown) => Promise<{ body: Record<string, unknown> }>>;
};
const albSdk = require('@alicloud/alb20200616') as Sdk;
const openapiCore = require('@alicloud/openapi-core') as {
  $OpenApiUtil: { Config: new (c: object) => unknown };
};

// Common parameters of either signature style; RegionId too, which ours sends and the SDK leaves to the endpoint.
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
  'RegionId',
]);
const operationParams = (params: Record<string, string> | undefined) =>
  Object.fromEntries(Object.entries(params ?? {}).filter(([name]) => !COMMON.has(name)));

let emulator: Emulator;
let client: RpcClient;
let ours: DeployTarget;
let sdk: InstanceType<Sdk['default']>;

beforeAll(async () => {
  emulator = await createEmulator({ recycleLeafKeys: true });
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  const services = {
    client,
    endpointOverride: (target: string) => (target === 'alb' ? emulator.url : undefined),
  } as unknown as TargetServices;
  ours = createAlbTarget(services, { certRegion: 'cn-hangzhou', region: 'cn-hangzhou' });
  // The SDK's default signature, ACS3-HMAC-SHA256.
  sdk = new albSdk.default(
    new openapiCore.$OpenApiUtil.Config({
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: emulator.accessKeySecret,
      endpoint: `127.0.0.1:${emulator.port}`,
      protocol: 'http',
      regionId: 'cn-hangzhou',
    }),
  );
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

const sdkModel = (name: string, fields: Record<string, unknown>) => {
  const Model = albSdk[name];
  if (!Model) throw new Error(`no SDK model ${name}`);
  return new Model(fields);
};
const request = (action: string, fields: Record<string, unknown>) => sdkModel(`${action}Request`, fields);
const sdkCall = async (action: string, fields: Record<string, unknown>) => {
  const method = sdk[action[0]?.toLowerCase() + action.slice(1)];
  if (!method) throw new Error(`no SDK method for ${action}`);
  const answer = await method.call(sdk, request(action, fields));
  const call = emulator.callsTo(action).at(-1);
  expect(call?.status, action).toBe(200);
  expect(call?.signatureStyle).toBe('acs3');
  return { body: answer.body, params: operationParams(call?.params) };
};
const lastParams = (action: string) => {
  const call = emulator.callsTo(action).at(-1);
  expect(call?.status, action).toBe(200);
  return operationParams(call?.params);
};
async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

describe('ALB: the official SDK and our target', () => {
  it('set the default certificate with the same UpdateListenerAttribute and read it back alike', async () => {
    const first = await heldCertificate(['oracle.example.com']);
    const second = await heldCertificate(['oracle.example.com']);
    emulator.alb.addListener({ listenerId: 'lsn-oracle' });
    const bySdk = await sdkCall('UpdateListenerAttribute', {
      listenerId: 'lsn-oracle',
      certificates: [
        sdkModel('UpdateListenerAttributeRequestCertificates', { certificateId: `${first}-cn-hangzhou` }),
      ],
    });
    expect(bySdk.params).toEqual({
      ListenerId: 'lsn-oracle',
      'Certificates.1.CertificateId': `${first}-cn-hangzhou`,
    });
    await ours.set('lsn-oracle@cn-hangzhou', second);
    expect(lastParams('UpdateListenerAttribute')).toEqual({
      ListenerId: 'lsn-oracle',
      'Certificates.1.CertificateId': `${second}-cn-hangzhou`,
    });
    const read = await sdkCall('GetListenerAttribute', { listenerId: 'lsn-oracle' });
    expect(read.body).toMatchObject({
      listenerId: 'lsn-oracle',
      listenerProtocol: 'HTTPS',
      listenerStatus: 'Running',
      certificates: [{ certificateId: `${second}-cn-hangzhou` }],
    });
    expect(await ours.serving('lsn-oracle@cn-hangzhou')).toMatchObject({
      certId: second,
      inEffect: true,
      settling: false,
    });
    expect(lastParams('GetListenerAttribute')).toEqual(read.params);
  });

  it('associate, list and dissociate extension certificates with the same parameters', async () => {
    const base = await heldCertificate(['base.example.com']);
    const shop = await heldCertificate(['shop.example.com']);
    const blog = await heldCertificate(['blog.example.com']);
    emulator.alb.addListener({ listenerId: 'lsn-sni', defaultCertificate: base });
    const associated = await sdkCall('AssociateAdditionalCertificatesWithListener', {
      listenerId: 'lsn-sni',
      certificates: [
        sdkModel('AssociateAdditionalCertificatesWithListenerRequestCertificates', {
          certificateId: `${shop}-cn-hangzhou`,
        }),
      ],
    });
    await ours.set('lsn-sni@cn-hangzhou sni', blog);
    expect(lastParams('AssociateAdditionalCertificatesWithListener')).toEqual({
      ...associated.params,
      'Certificates.1.CertificateId': `${blog}-cn-hangzhou`,
    });
    const listed = await sdkCall('ListListenerCertificates', {
      listenerId: 'lsn-sni',
      certificateType: 'Server',
      maxResults: 100,
    });
    expect(listed.body.certificates).toEqual([
      {
        certificateId: `${base}-cn-hangzhou`,
        certificateType: 'Server',
        isDefault: true,
        status: 'Associated',
      },
      {
        certificateId: `${shop}-cn-hangzhou`,
        certificateType: 'Server',
        isDefault: false,
        status: 'Associated',
      },
      {
        certificateId: `${blog}-cn-hangzhou`,
        certificateType: 'Server',
        isDefault: false,
        status: 'Associated',
      },
    ]);
    const served = await ours.serving('lsn-sni@cn-hangzhou sni');
    expect(served).toMatchObject({ certId: base, extensions: [shop, blog], inEffect: true });
    expect(lastParams('ListListenerCertificates')).toEqual(listed.params);
    const dissociated = await sdkCall('DissociateAdditionalCertificatesFromListener', {
      listenerId: 'lsn-sni',
      certificates: [
        sdkModel('DissociateAdditionalCertificatesFromListenerRequestCertificates', {
          certificateId: `${shop}-cn-hangzhou`,
        }),
      ],
    });
    await ours.detach?.('lsn-sni@cn-hangzhou sni', [blog]);
    expect(lastParams('DissociateAdditionalCertificatesFromListener')).toEqual({
      ...dissociated.params,
      'Certificates.1.CertificateId': `${blog}-cn-hangzhou`,
    });
    expect(emulator.alb.servedSet('lsn-sni')).toEqual({ default: base, extensions: [] });
  });

  it("list the region's HTTPS listeners with the same ListListeners, for the certificates others still use", async () => {
    const kept = await heldCertificate(['kept.example.com']);
    emulator.alb.addListener({ listenerId: 'lsn-other', regionId: 'cn-hangzhou', defaultCertificate: kept });
    const listed = await sdkCall('ListListeners', { listenerProtocol: 'HTTPS', maxResults: 100 });
    expect((listed.body.listeners as Array<{ listenerId: string }>).map((l) => l.listenerId)).toContain(
      'lsn-other',
    );
    expect(await ours.alsoInUse?.([kept, '424242'])).toEqual([kept]);
    const ourLists = emulator
      .callsTo('ListListeners')
      .slice(-2)
      .map((c) => operationParams(c.params));
    expect(ourLists).toEqual([listed.params, { ...listed.params, ListenerProtocol: 'QUIC' }]);
    // An extension certificate being dissociated is not in use any more.
    const leaving = await heldCertificate(['leaving.example.com']);
    emulator.alb.addListener({ listenerId: 'lsn-leaving', extensions: [leaving], settleDelayMs: 60_000 });
    expect(await ours.alsoInUse?.([leaving])).toEqual([leaving]);
    await ours.detach?.('lsn-leaving sni', [leaving]);
    expect(emulator.alb.listener('lsn-leaving')?.extensions[0]?.status).toBe('Dissociating');
    expect(await ours.alsoInUse?.([leaving])).toEqual([]);
  });
});
