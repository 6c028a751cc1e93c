// The official CDN (@alicloud/cdn20180510) and DCDN (@alicloud/dcdn20180115) SDKs are the oracle: the emulator
// accepts their Set…SSLCertificate and Describe…CertificateInfo requests, and our services send the same operation
// parameters and read the same answers.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createCdnService, createDcdnService } from '../../src/services/cdn.js';

const require = createRequire(import.meta.url);
type Sdk = Record<string, new (fields: Record<string, unknown>) => unknown> & {
  default: new (
    config: unknown,
  ) => Record<string, (request: unknown) => Promise<{ body: Record<string, unknown> }>>;
};
const cdnSdk = require('@alicloud/cdn20180510') as Sdk;
const dcdnSdk = require('@alicloud/dcdn20180115') as Sdk;
const openapiCore = require('@alicloud/openapi-core') as {
  $OpenApiUtil: { Config: new (c: object) => unknown };
};
const openapiClient = require('@alicloud/openapi-client') as { Config: new (c: object) => unknown };

let emulator: Emulator;
let client: RpcClient;
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
const operationParams = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON.has(name)));

beforeAll(async () => {
  emulator = await createEmulator();
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

function sdkConfig(Config: new (c: object) => unknown) {
  return new Config({
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    endpoint: `127.0.0.1:${emulator.port}`,
    protocol: 'http',
    signatureAlgorithm: 'v2',
  });
}

const products = [
  {
    name: 'CDN',
    set: 'SetCdnDomainSSLCertificate',
    describe: 'DescribeDomainCertificateInfo',
    sdk: () => new cdnSdk.default(sdkConfig(openapiCore.$OpenApiUtil.Config)),
    models: cdnSdk,
    ours: () => createCdnService(client, emulator.url),
    service: () => emulator.cdn,
  },
  {
    name: 'DCDN',
    set: 'SetDcdnDomainSSLCertificate',
    describe: 'DescribeDcdnDomainCertificateInfo',
    sdk: () => new dcdnSdk.default(sdkConfig(openapiClient.Config)),
    models: dcdnSdk,
    ours: () => createDcdnService(client, emulator.url),
    service: () => emulator.dcdn,
  },
] as const;

describe.each(products)('$name', (product) => {
  const lower = (name: string) => name[0]?.toLowerCase() + name.slice(1);
  const request = (model: string, fields: Record<string, unknown>) => {
    const Model = product.models[`${model}Request`];
    if (!Model) throw new Error(`no model ${model}Request`);
    return new Model(fields);
  };

  it('the SDK sets a CAS certificate on a wildcard domain; ours sends the same parameters', async () => {
    const order = await emulator.cas.seedOrder({ domains: ['*.oracle.example.com'] });
    const certId = order.certificate?.certId ?? '';
    product.service().addDomain('.oracle.example.com', { deployDelayMs: 0 });
    const sdk = product.sdk();
    await sdk[lower(product.set)]?.(
      request(product.set, {
        domainName: '.oracle.example.com',
        certType: 'cas',
        certId: Number(certId),
        certRegion: 'cn-hangzhou',
        SSLProtocol: 'on',
      }),
    );
    const sdkCall = emulator.callsTo(product.set).at(-1);
    expect(sdkCall?.status).toBe(200);
    await product
      .ours()
      .setDomainCertificate({ domainName: '.oracle.example.com', certId, certRegion: 'cn-hangzhou' });
    const ourCall = emulator.callsTo(product.set).at(-1);
    expect(ourCall?.status).toBe(200);
    expect(operationParams(ourCall?.params ?? {})).toEqual(operationParams(sdkCall?.params ?? {}));

    // Both read the same answer: the certificate served, by id, with status success.
    const described = await sdk[lower(product.describe)]?.(
      request(product.describe, { domainName: '.oracle.example.com' }),
    );
    const certInfos = described?.body.certInfos as { certInfo: Array<Record<string, unknown>> };
    const sdkInfo = certInfos.certInfo[0];
    const ours = await product.ours().describeDomainCertificate('.oracle.example.com');
    expect(ours).toMatchObject({
      certId: sdkInfo?.certId,
      status: 'success',
      certType: 'cas',
      httpsStatus: 'on',
    });
    expect(sdkInfo?.certId).toBe(certId);
    expect(operationParams(emulator.callsTo(product.describe).at(-1)?.params ?? {})).toEqual(
      operationParams(emulator.callsTo(product.describe).at(-2)?.params ?? {}),
    );
  });

  it('refuses the same certificate in the other region, a certificate that does not cover the domain, and *.-names', async () => {
    const order = await emulator.cas.seedOrder({ domains: ['region.example.com'] });
    const certId = order.certificate?.certId ?? '';
    product.service().addDomain('region.example.com');
    product.service().addDomain('.mismatch.example.com');
    const ours = product.ours();
    await expect(
      ours.setDomainCertificate({ domainName: 'region.example.com', certId, certRegion: 'ap-southeast-1' }),
    ).rejects.toMatchObject({ code: 'Certificate.NotFound' });
    await expect(
      ours.setDomainCertificate({ domainName: '.mismatch.example.com', certId, certRegion: 'cn-hangzhou' }),
    ).rejects.toMatchObject({ code: 'Certificate.DomainMismatch' });
    await expect(ours.describeDomainCertificate('*.mismatch.example.com')).rejects.toMatchObject({
      code: 'InvalidDomain.NotFound',
    });
  });

  it('shows the old certificate checking until the delay has passed, then the new one', async () => {
    const old = await emulator.cas.seedOrder({ domains: ['delay.example.com'] });
    const next = await emulator.cas.seedOrder({ domains: ['delay.example.com'] });
    const domain = product.service().addDomain('delay.example.com', { deployDelayMs: 400 });
    product.service().setCertificate('delay.example.com', {
      certificatePem: old.certificate?.certificatePem ?? '',
      certId: old.certificate?.certId ?? '',
    });
    const ours = product.ours();
    const certId = next.certificate?.certId ?? '';
    await ours.setDomainCertificate({ domainName: 'delay.example.com', certId, certRegion: 'cn-hangzhou' });
    expect(await ours.describeDomainCertificate('delay.example.com')).toMatchObject({
      certId: old.certificate?.certId,
      status: 'checking',
    });
    await new Promise((r) => setTimeout(r, 450));
    expect(await ours.describeDomainCertificate('delay.example.com')).toMatchObject({
      certId,
      status: 'success',
    });
    domain.failStatus = 'domain_invalid';
    await ours.setDomainCertificate({
      domainName: 'delay.example.com',
      certId: old.certificate?.certId ?? '',
      certRegion: 'cn-hangzhou',
    });
    await new Promise((r) => setTimeout(r, 450));
    expect(await ours.describeDomainCertificate('delay.example.com')).toMatchObject({
      certId,
      status: 'domain_invalid',
    });
  });
});
