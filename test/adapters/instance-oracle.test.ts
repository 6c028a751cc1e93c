// The official SDK is the oracle for every operation of the instance APIs: the emulator accepts the request as the
// SDK builds it (the model's own class where @alicloud/cas20200407 3.0.0 has one — ListContact,
// GetUserCertificateDetail — and @alicloud/openapi-core's generic callApi for the V2.0 and 2018 operations it
// lacks, with its own list flattening), and our adapters send exactly the same operation parameters.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createEmulator,
  EMULATOR_ACCESS_KEY_ID,
  EMULATOR_ACCESS_KEY_SECRET,
  type Emulator,
} from '../../emulator/server.js';
import { casSdkClient, sdkRequest } from '../../emulator/test-helpers.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createInstanceApi } from '../../src/authority/instance-api.js';
import { createLegacyDvApi } from '../../src/authority/legacy-dv-api.js';
import type { InstanceApplication } from '../../src/authority/port.js';

const require = createRequire(import.meta.url);
type Model = new (fields: Record<string, unknown>) => unknown;
const core = require('@alicloud/openapi-core') as {
  default: new (
    config: unknown,
  ) => {
    callApi(
      params: unknown,
      request: unknown,
      runtime: unknown,
    ): Promise<{ statusCode: number; body: unknown }>;
  };
  $OpenApiUtil: { Config: Model; Params: Model; OpenApiRequest: Model };
  OpenApiUtil: { query(map: Record<string, unknown>): Record<string, string> };
};
const dara = require('@darabonba/typescript') as { RuntimeOptions: Model };

/** Parameters every signed call carries: not the operation's own. */
const COMMON = new Set([
  'Action',
  'Version',
  'Format',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'SecurityToken',
  'RegionId',
]);
const own = (params: Record<string, string>) =>
  Object.fromEntries(Object.entries(params).filter(([name]) => !COMMON.has(name)));

let emulator: Emulator;
let client: RpcClient;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
  client = new RpcClient({
    credentials: { accessKeyId: EMULATOR_ACCESS_KEY_ID, accessKeySecret: EMULATOR_ACCESS_KEY_SECRET },
    retry: { maxAttempts: 1 },
  });
});
afterAll(async () => {
  await client.close();
  await emulator.close();
});

/** The SDK's generic call, RPC style as the generated clients make it (query parameters, form body, JSON). */
async function sdkCall(
  version: string,
  action: string,
  request: Record<string, unknown>,
  style: 'v2' | 'acs3',
) {
  const config = new core.$OpenApiUtil.Config({
    accessKeyId: emulator.accessKeyId,
    accessKeySecret: emulator.accessKeySecret,
    endpoint: `127.0.0.1:${emulator.port}`,
    protocol: 'http',
    ...(style === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
  });
  const sdk = new core.default(config);
  const params = new core.$OpenApiUtil.Params({
    action,
    version,
    protocol: 'HTTP',
    pathname: '/',
    method: 'POST',
    authType: 'AK',
    style: 'RPC',
    reqBodyType: 'formData',
    bodyType: 'json',
  });
  const openApiRequest = new core.$OpenApiUtil.OpenApiRequest({ query: core.OpenApiUtil.query(request) });
  return sdk.callApi(params, openApiRequest, new dara.RuntimeOptions({}));
}

const lastCall = (action: string) => emulator.callsTo(action).at(-1);

/** Runs the SDK's request, then ours, and compares the operation parameters the emulator received. */
async function sameRequest(action: string, sdk: () => Promise<unknown>, ours: () => Promise<unknown>) {
  await sdk();
  const fromSdk = lastCall(action);
  expect(fromSdk?.status, `${action} from the SDK`).toBe(200);
  await ours();
  const fromUs = lastCall(action);
  expect(fromUs?.status, `${action} from our adapter`).toBe(200);
  expect(own(fromUs?.params ?? {})).toEqual(own(fromSdk?.params ?? {}));
}

const application = (domains: string[]): InstanceApplication => ({
  domains,
  validationMethod: 'DNS',
  keyAlgorithm: 'RSA_2048',
  contactId: '1000001',
  contact: { name: 'Ops', phone: '13800000000', email: 'ops@example.com' },
  province: 'Zhejiang',
  city: 'Hangzhou',
});

describe('the V2.0 instance API against the SDK', () => {
  for (const style of ['v2', 'acs3'] as const) {
    it(`every operation as the SDK sends it (${style}), and ours sends the same parameters`, async () => {
      const api = createInstanceApi(client, emulator.url, () => {});
      const V = '2020-04-07';
      const a = emulator.instances.addInstance();
      const b = emulator.instances.addInstance();
      await sameRequest(
        'ListInstances',
        () => sdkCall(V, 'ListInstances', { CurrentPage: 1, ShowSize: 100 }, style),
        () => api.listInstances(),
      );
      await sameRequest(
        'ListContact',
        () =>
          (
            casSdkClient(emulator, { style }) as unknown as Record<string, (r: unknown) => Promise<unknown>>
          ).listContact?.(sdkRequest('ListContactRequest', { currentPage: 1, showSize: 10 })) ??
          Promise.reject(new Error('no listContact')),
        () => api.firstContactId(),
      );
      // The SDK flattens ContactIdList (long[]) 1-based: ContactIdList.1.
      const update = (id: string) => ({
        InstanceId: id,
        Domain: 'example.com',
        ContactIdList: [1000001],
        KeyAlgorithm: 'RSA_2048',
        ValidationMethod: 'DNS',
        GenerateCsrMethod: 'online',
      });
      await sdkCall(V, 'UpdateInstance', update(a.instanceId), style);
      const sdkUpdate = own(lastCall('UpdateInstance')?.params ?? {});
      expect(sdkUpdate['ContactIdList.1']).toBe('1000001');
      await api.prepare(b.instanceId, application(['example.com']));
      expect(own(lastCall('UpdateInstance')?.params ?? {})).toEqual({
        ...sdkUpdate,
        InstanceId: b.instanceId,
      });

      await sdkCall(V, 'ApplyCertificate', { InstanceId: a.instanceId }, style);
      expect(lastCall('ApplyCertificate')?.status).toBe(200);
      await api.apply(b.instanceId, application(['example.com']));
      expect(own(lastCall('ApplyCertificate')?.params ?? {})).toEqual({ InstanceId: b.instanceId });

      await sameRequest(
        'GetTaskAttribute',
        () => sdkCall(V, 'GetTaskAttribute', { TaskId: b.instanceId, TaskType: 'ApplyCertificate' }, style),
        () => api.applicationTask(b.instanceId),
      );
      await sameRequest(
        'GetInstanceDetail',
        () => sdkCall(V, 'GetInstanceDetail', { InstanceId: b.instanceId }, style),
        () => api.describeInstance(b.instanceId),
      );
      // a: validated by hand and issued; then its certificate, and a revocation.
      const detail = await api.describeInstance(a.instanceId);
      const entry = detail.challenges[0]?.challenge;
      if (entry?.method !== 'DNS') throw new Error('no DNS entry');
      emulator.dns.addRecord({ fqdn: entry.recordDomain, type: 'TXT', value: entry.recordValue });
      await api.describeInstance(a.instanceId);
      const issued = await api.describeInstance(a.instanceId);
      expect(issued.state).toBe('issued');
      await sameRequest(
        'GetUserCertificateDetail',
        () =>
          (
            casSdkClient(emulator, { style }) as unknown as Record<string, (r: unknown) => Promise<unknown>>
          ).getUserCertificateDetail?.(
            sdkRequest('GetUserCertificateDetailRequest', {
              certId: Number(issued.certId),
              certFilter: false,
            }),
          ) ?? Promise.reject(new Error('no getUserCertificateDetail')),
        () => api.fetchCertificate(issued),
      );
      await sdkCall(V, 'CancelPendingCertificate', { InstanceId: b.instanceId }, style);
      expect(lastCall('CancelPendingCertificate')?.status).toBe(200);
      const c = emulator.instances.addInstance();
      await api.prepare(c.instanceId, application(['example.com']));
      await api.apply(c.instanceId, application(['example.com']));
      await api.describeInstance(c.instanceId);
      const sdkCancel = own(lastCall('CancelPendingCertificate')?.params ?? {});
      await api.cancel(c.instanceId);
      expect(lastCall('CancelPendingCertificate')?.status).toBe(200);
      expect(own(lastCall('CancelPendingCertificate')?.params ?? {})).toEqual({
        ...sdkCancel,
        InstanceId: c.instanceId,
      });

      // RevokeCertificate: the SDK's request on one issued instance, ours on another.
      await sdkCall(
        V,
        'RevokeCertificate',
        { InstanceId: a.instanceId, CertificateId: Number(issued.certId) },
        style,
      );
      const sdkRevoke = own(lastCall('RevokeCertificate')?.params ?? {});
      expect(lastCall('RevokeCertificate')?.status).toBe(200);
      const d = emulator.instances.addInstance();
      await api.prepare(d.instanceId, application(['example.com']));
      await api.apply(d.instanceId, application(['example.com']));
      let dStatus = await api.describeInstance(d.instanceId);
      const dEntry = dStatus.challenges[0]?.challenge;
      if (dEntry?.method !== 'DNS') throw new Error('no DNS entry');
      emulator.dns.addRecord({ fqdn: dEntry.recordDomain, type: 'TXT', value: dEntry.recordValue });
      await api.describeInstance(d.instanceId);
      dStatus = await api.describeInstance(d.instanceId);
      await api.revoke(d.instanceId, dStatus.certId);
      expect(lastCall('RevokeCertificate')?.status).toBe(200);
      expect(own(lastCall('RevokeCertificate')?.params ?? {})).toEqual({
        ...sdkRevoke,
        InstanceId: d.instanceId,
        CertificateId: dStatus.certId,
      });
    });
  }
});

describe('the 2018 DV API against the SDK', () => {
  it('DescribeOrderInstanceList, CreateDVOrderAudit, DescribeDVOrderResult as the SDK sends them (both 2018 version strings)', async () => {
    const api = createLegacyDvApi(client, emulator.url, () => {});
    const a = emulator.legacyDv.addInstance();
    const b = emulator.legacyDv.addInstance();
    for (const version of ['2018-07-13', '2018-08-13']) {
      await sdkCall(version, 'DescribeOrderInstanceList', { StartIndex: 0 }, 'v2');
      expect(lastCall('DescribeOrderInstanceList')?.status).toBe(200);
    }
    await sameRequest(
      'DescribeOrderInstanceList',
      () => sdkCall('2018-07-13', 'DescribeOrderInstanceList', { StartIndex: 0 }, 'v2'),
      () => api.listInstances(),
    );
    const audit = (id: string) => ({
      InstanceId: id,
      Domain: 'example.com',
      DomainVerifyType: 'DNS',
      Username: 'Ops',
      Email: 'ops@example.com',
      Mobile: '13800000000',
      Province: 'Zhejiang',
      City: 'Hangzhou',
    });
    await sdkCall('2018-07-13', 'CreateDVOrderAudit', audit(a.instanceId), 'v2');
    const sdkAudit = own(lastCall('CreateDVOrderAudit')?.params ?? {});
    expect(lastCall('CreateDVOrderAudit')?.status).toBe(200);
    await api.apply(b.instanceId, application(['example.com']));
    expect(lastCall('CreateDVOrderAudit')?.status).toBe(200);
    expect(own(lastCall('CreateDVOrderAudit')?.params ?? {})).toEqual({
      ...sdkAudit,
      InstanceId: b.instanceId,
    });
    await sameRequest(
      'DescribeDVOrderResult',
      () => sdkCall('2018-07-13', 'DescribeDVOrderResult', { InstanceId: b.instanceId }, 'v2'),
      () => api.describeInstance(b.instanceId),
    );
    // A missing required parameter is refused, as 004 marks all eight required.
    const { City: _city, ...withoutCity } = audit(emulator.legacyDv.addInstance().instanceId);
    await expect(sdkCall('2018-07-13', 'CreateDVOrderAudit', withoutCity, 'v2')).rejects.toThrow(/City/);
  });
});
