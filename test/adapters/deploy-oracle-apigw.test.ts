// API Gateway's two APIs against their oracles.
// Classic (cloudapi 2016-07-14): the official SDK (@alicloud/cloudapi20160714) is the oracle: the emulator accepts
// its requests and answers in its models' field names, and our target (src/deploy/apigw.ts) sends the same
// operation parameters for SetDomainCertificate and DescribeDomain.
// Cloud-native (apig 2024-03-27): no SDK on the npm registry (`@alicloud/apig20240327` is 404 here). The shapes
// come from the official Go SDK (github.com/alibabacloud-go/apig-20240327, client/client.go `GetDomainWithOptions`,
// `UpdateDomainWithOptions`, `ListDomainsWithOptions` and their request models): recorded below as fixed expected
// requests, and sent through the official generic client (@alicloud/openapi-core `callApi`, ROA, ACS3) with the
// parameters that Go SDK gives it, so the emulator is seen to take them.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { callRoaWithSdk } from '../../emulator/test-helpers.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createApigwTarget } from '../../src/deploy/apigw.js';
import { heldCertificateWithKey } from '../../src/deploy/held-certificate.js';
import type { DeployTarget, TargetServices } from '../../src/deploy/target.js';

const require = createRequire(import.meta.url);
type Sdk = Record<string, new (fields: Record<string, unknown>) => unknown> & {
  default: new (
    config: unknown,
  ) => Record<string, (request: unknown) => Promise<{ body: Record<string, unknown> }>>;
};
const cloudapiSdk = require('@alicloud/cloudapi20160714') as Sdk;
const openapiCore = require('@alicloud/openapi-core') as {
  $OpenApiUtil: { Config: new (c: object) => unknown };
};

const GROUP = '927d50c0f2e54b359919923d908bb015';
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
const masked: string[] = [];

beforeAll(async () => {
  emulator = await createEmulator({
    recycleLeafKeys: true,
    apigwDomains: [{ groupId: GROUP, domainName: 'oracle.example.com' }],
  });
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  const services = {
    client,
    roa: { call: (req: Parameters<RpcClient['roa']>[0]) => client.roa(req) },
    certificateWithKey: (certId: string) =>
      heldCertificateWithKey(client, emulator.url, certId, (secret) => masked.push(secret)),
    endpointOverride: (target: string) => (target === 'apigw' ? emulator.url : undefined),
  } as unknown as TargetServices;
  ours = createApigwTarget(services, { certRegion: 'cn-hangzhou', region: 'cn-hangzhou' });
  sdk = new cloudapiSdk.default(
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

const sdkCall = async (action: string, fields: Record<string, unknown>) => {
  const Model = cloudapiSdk[`${action}Request`];
  const method = sdk[action[0]?.toLowerCase() + action.slice(1)];
  if (!Model || !method) throw new Error(`no SDK model or method for ${action}`);
  const answer = await method.call(sdk, new Model(fields));
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
async function held(domains: string[]) {
  const certificate = (await emulator.cas.seedOrder({ domains })).certificate;
  return {
    id: certificate?.certId ?? '',
    pem: `${certificate?.certificatePem ?? ''}${certificate?.chainPem ?? ''}`,
    key: certificate?.privateKeyPem ?? '',
  };
}

describe('classic API Gateway: the official SDK and our target', () => {
  it('set a domain certificate with the same SetDomainCertificate, and read it back alike with DescribeDomain', async () => {
    const first = await held(['oracle.example.com']);
    const second = await held(['oracle.example.com']);
    const bySdk = await sdkCall('SetDomainCertificate', {
      groupId: GROUP,
      domainName: 'oracle.example.com',
      certificateName: `cas-${first.id}-by-sdk`,
      certificateBody: first.pem,
      certificatePrivateKey: first.key,
    });
    await ours.set(`${GROUP}/oracle.example.com`, second.id);
    const sent = lastParams('SetDomainCertificate');
    expect(Object.keys(sent).sort()).toEqual(Object.keys(bySdk.params).sort());
    expect(sent).toMatchObject({
      GroupId: GROUP,
      DomainName: 'oracle.example.com',
      CertificateName: expect.stringMatching(new RegExp(`^cas-${second.id}-[0-9a-f]{12}$`)),
      CertificateBody: second.pem,
    });
    // The key went as the SDK sends one (recorded only by length and hash), masked before it was sent.
    expect(sent.CertificatePrivateKey).toMatch(/^\[private key, \d+ characters/);
    expect(masked).toContain(second.key);
    const read = await sdkCall('DescribeDomain', { groupId: GROUP, domainName: 'oracle.example.com' });
    expect(read.body).toMatchObject({
      groupId: GROUP,
      domainName: 'oracle.example.com',
      certificateName: sent.CertificateName,
      certificateBody: second.pem,
      domainCNAMEStatus: 'RESOLVED',
    });
    expect(await ours.serving(`${GROUP}/oracle.example.com`)).toMatchObject({
      certId: second.id,
      inEffect: true,
    });
    expect(lastParams('DescribeDomain')).toEqual(read.params);
  });
});

describe('cloud-native API Gateway: the Go SDK’s requests and our target', () => {
  it('GetDomain, then UpdateDomain with the fields the Go SDK puts in its body; the generic client is taken alike', async () => {
    const first = await held(['native.example.com']);
    const second = await held(['native.example.com']);
    emulator.apigw.addNativeDomain({
      domainId: 'd-oracle',
      name: 'native.example.com',
      certificate: first.id,
      tlsMin: 'TLS 1.2',
      http2Option: 'Open',
      forceHttps: true,
    });
    // The Go SDK: GET /v1/domains/{domainId}, no body; PUT /v1/domains/{domainId}, a JSON body of the
    // UpdateDomainRequest fields that are set (caCertIdentifier, certIdentifier, clientCACert, domainScope,
    // forceHttps, http2Option, mTLSEnabled, protocol, tlsCipherSuitesConfig, tlsMax, tlsMin).
    const read = await callRoaWithSdk(emulator, {
      action: 'GetDomain',
      version: '2024-03-27',
      method: 'GET',
      pathname: '/v1/domains/d-oracle',
    });
    expect(read.body).toMatchObject({ code: 'Ok', data: { domainId: 'd-oracle', protocol: 'HTTPS' } });
    const bySdkRead = lastParams('GetDomain');
    expect(bySdkRead).toEqual({ domainId: 'd-oracle' });
    const data = read.body.data as Record<string, unknown>;
    const goBody = {
      protocol: data.protocol,
      forceHttps: data.forceHttps,
      mTLSEnabled: data.mTLSEnabled,
      http2Option: data.http2Option,
      tlsMin: data.tlsMin,
      tlsMax: data.tlsMax,
      tlsCipherSuitesConfig: data.tlsCipherSuitesConfig,
      certIdentifier: `${second.id}-cn-hangzhou`,
    };
    await callRoaWithSdk(emulator, {
      action: 'UpdateDomain',
      version: '2024-03-27',
      method: 'PUT',
      pathname: '/v1/domains/d-oracle',
      body: goBody,
    });
    const bySdkUpdate = lastParams('UpdateDomain');
    expect(bySdkUpdate).toEqual({
      domainId: 'd-oracle',
      protocol: 'HTTPS',
      forceHttps: 'true',
      mTLSEnabled: 'false',
      http2Option: 'Open',
      tlsMin: 'TLS 1.2',
      tlsMax: 'TLS 1.3',
      'tlsCipherSuitesConfig.configType': 'Default',
      certIdentifier: `${second.id}-cn-hangzhou`,
    });
    // Back to the first certificate by our target: the same request, but for the identifier.
    await ours.set('d-oracle@cn-hangzhou', first.id);
    expect(lastParams('GetDomain')).toEqual(bySdkRead);
    const call = emulator.callsTo('UpdateDomain').at(-1);
    expect(call).toMatchObject({
      status: 200,
      signatureStyle: 'acs3',
      version: '2024-03-27',
      product: 'apig',
    });
    expect(lastParams('UpdateDomain')).toEqual({ ...bySdkUpdate, certIdentifier: `${first.id}-cn-hangzhou` });
    expect(await ours.serving('d-oracle')).toMatchObject({ certId: first.id, inEffect: true });
  });

  it('ListDomains with the Go SDK’s pageNumber and pageSize, for the certificates other domains still name', async () => {
    const kept = await held(['kept.example.com']);
    emulator.apigw.addNativeDomain({ domainId: 'd-kept', name: 'kept.example.com', certificate: kept.id });
    // The regions this target lists are those it read.
    await ours.serving('d-kept@cn-hangzhou');
    expect(await ours.alsoInUse?.([kept.id, '424242'])).toEqual([kept.id]);
    expect(lastParams('ListDomains')).toEqual({ pageNumber: '1', pageSize: '100' });
    const bySdk = await callRoaWithSdk(emulator, {
      action: 'ListDomains',
      version: '2024-03-27',
      method: 'GET',
      pathname: '/v1/domains',
      query: { pageNumber: '1', pageSize: '100' },
    });
    expect(lastParams('ListDomains')).toEqual({ pageNumber: '1', pageSize: '100' });
    expect((bySdk.body.data as { items: unknown[] }).items).toContainEqual(
      expect.objectContaining({ domainId: 'd-kept', certIdentifier: `${kept.id}-cn-hangzhou` }),
    );
  });
});
