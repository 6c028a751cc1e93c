// The official ESA SDK (@alicloud/esa20240910) is the oracle: the emulator accepts its ListSites, GetSite,
// SetCertificate, ListCertificates, GetCertificate and DeleteCertificate requests (both signature styles), and our
// target sends the same operation parameters for each.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createEsaTarget } from '../../src/deploy/esa.js';
import type { DeployTarget, TargetServices } from '../../src/deploy/target.js';

const require = createRequire(import.meta.url);
type Sdk = Record<string, new (fields: Record<string, unknown>) => unknown> & {
  default: new (
    config: unknown,
  ) => Record<string, (request: unknown) => Promise<{ statusCode: number; body: Record<string, unknown> }>>;
};
const esaSdk = require('@alicloud/esa20240910') as Sdk;
const openapiCore = require('@alicloud/openapi-core') as {
  $OpenApiUtil: { Config: new (c: object) => unknown };
};

const SITE_ID = '1234567890123';
let emulator: Emulator;
let client: RpcClient;
let target: DeployTarget;
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
const operationParams = (params: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON.has(name)));
const lastParams = (action: string) => operationParams(emulator.callsTo(action).at(-1)?.params);

beforeAll(async () => {
  emulator = await createEmulator({ esaSites: [{ siteName: 'oracle.example.com', siteId: SITE_ID }] });
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  const services = {
    client,
    endpointOverride: (name: string) => (name === 'esa' ? emulator.url : undefined),
  } as unknown as TargetServices;
  target = createEsaTarget(services, { certRegion: 'cn-hangzhou', region: 'cn-hangzhou' });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

const sdk = (style: 'v2' | 'acs3') =>
  new esaSdk.default(
    new openapiCore.$OpenApiUtil.Config({
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: emulator.accessKeySecret,
      endpoint: `127.0.0.1:${emulator.port}`,
      protocol: 'http',
      ...(style === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
    }),
  );
const request = (model: string, fields: Record<string, unknown>) => {
  const Model = esaSdk[`${model}Request`];
  if (!Model) throw new Error(`no model ${model}Request`);
  return new Model(fields);
};
const held = async (domains: string[]) =>
  (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';

describe.each(['acs3', 'v2'] as const)('ESA, the SDK signing %s', (style) => {
  it('finds the site by name and by id as ours does', async () => {
    const found = await sdk(style).listSites?.(
      request('ListSites', {
        siteName: 'oracle.example.com',
        siteSearchType: 'exact',
        pageNumber: 1,
        pageSize: 500,
      }),
    );
    expect(found?.statusCode).toBe(200);
    const sites = found?.body.sites as Array<{ siteId: number; siteName: string; status: string }>;
    expect(sites.map((s) => [String(s.siteId), s.siteName, s.status])).toEqual([
      [SITE_ID, 'oracle.example.com', 'active'],
    ]);
    const sdkListSites = lastParams('ListSites');
    expect(await target.check?.('oracle.example.com')).toBeUndefined();
    expect(lastParams('ListSites')).toEqual(sdkListSites);

    const byId = await sdk(style).getSite?.(request('GetSite', { siteId: Number(SITE_ID) }));
    expect(byId?.body.siteModel).toMatchObject({ siteName: 'oracle.example.com', status: 'active' });
    const sdkGetSite = lastParams('GetSite');
    expect(await target.check?.(SITE_ID)).toBeUndefined();
    expect(lastParams('GetSite')).toEqual(sdkGetSite);
  });

  it('sets a CAS certificate, lists it, reads it and removes it as ours does; Duplicated the second time', async () => {
    const certId = await held([`${style}.oracle.example.com`]);
    const client = sdk(style);
    const set = await client.setCertificate?.(
      request('SetCertificate', {
        siteId: Number(SITE_ID),
        type: 'cas',
        casId: Number(certId),
        region: 'cn-hangzhou',
      }),
    );
    expect(set?.statusCode).toBe(200);
    expect(String(set?.body.id)).toMatch(/^[0-9a-f]{32}$/);
    const sdkSet = lastParams('SetCertificate');
    expect(sdkSet).toEqual({ SiteId: SITE_ID, Type: 'cas', CasId: certId, Region: 'cn-hangzhou' });
    // Ours sends the same; the site has it already, so the answer is Certificate.Duplicated, which is success.
    await target.set('oracle.example.com', certId);
    expect(emulator.callsTo('SetCertificate').at(-1)?.code).toBe('Certificate.Duplicated');
    expect(lastParams('SetCertificate')).toEqual(sdkSet);

    const listed = await client.listCertificates?.(
      request('ListCertificates', { siteId: Number(SITE_ID), pageNumber: 1, pageSize: 100 }),
    );
    const results = listed?.body.result as Array<Record<string, unknown>>;
    const mine = results.find((r) => r.casId === certId);
    expect(mine).toMatchObject({ type: 'cas', status: 'OK', SAN: `${style}.oracle.example.com` });
    const sdkList = lastParams('ListCertificates');
    const serving = await target.serving('oracle.example.com');
    expect(lastParams('ListCertificates')).toEqual(sdkList);
    expect(serving.extensions).toContain(certId);

    const one = await client.getCertificate?.(
      request('GetCertificate', { siteId: Number(SITE_ID), id: mine?.id }),
    );
    expect(one?.body.result).toMatchObject({ casId: certId, status: 'OK' });

    // The SDK removes a certificate of its own; ours removes this one: the same parameters, by ESA's id.
    const other = await held([`other-${style}.oracle.example.com`]);
    emulator.esa.attach('oracle.example.com', other);
    const otherId = emulator.esa.site(SITE_ID)?.certificates.find((c) => c.casId === other)?.id;
    await client.deleteCertificate?.(request('DeleteCertificate', { siteId: Number(SITE_ID), id: otherId }));
    const sdkDelete = lastParams('DeleteCertificate');
    expect(sdkDelete).toEqual({ SiteId: SITE_ID, Id: otherId });
    await target.detach?.('oracle.example.com', [certId]);
    expect(lastParams('DeleteCertificate')).toEqual({ SiteId: SITE_ID, Id: mine?.id });
    expect(emulator.esa.site(SITE_ID)?.certificates.map((c) => c.casId)).not.toContain(certId);
  });
});

describe('ESA, the other sites of the account', () => {
  it('alsoInUse finds the certificates another site still holds, listing every site as the SDK does', async () => {
    const kept = await held(['kept.example.net']);
    const free = await held(['free.example.net']);
    emulator.esa.addSite({ siteName: 'example.net' });
    emulator.esa.attach('example.net', kept);
    expect(await target.alsoInUse?.([kept, free])).toEqual([kept]);
    const ours = lastParams('ListSites');
    await sdk('acs3').listSites?.(request('ListSites', { pageNumber: 1, pageSize: 500 }));
    expect(lastParams('ListSites')).toEqual(ours);
  });
});
