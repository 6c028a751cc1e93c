// The official CAS SDK (@alicloud/cas20200407) is the oracle of the deployment-job operations: the emulator
// (emulator/cas-deployment-jobs.ts) accepts its requests and answers in its models' field names, and our target
// (src/deploy/cas-job.ts) sends the same operation parameters for each operation it calls.
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createCasJobTarget } from '../../src/deploy/cas-job.js';
import type { DeployTarget, TargetServices } from '../../src/deploy/target.js';

const require = createRequire(import.meta.url);
type Sdk = Record<string, new (fields: Record<string, unknown>) => unknown> & {
  default: new (
    config: unknown,
  ) => Record<string, (request: unknown) => Promise<{ body: Record<string, unknown> }>>;
};
const casSdk = require('@alicloud/cas20200407') as Sdk;
const openapiCore = require('@alicloud/openapi-core') as {
  $OpenApiUtil: { Config: new (c: object) => unknown };
};

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
  emulator = await createEmulator({
    recycleLeafKeys: true,
    cdnDomains: ['oracle.example.com', 'ours.example.com'],
    casCloudResources: [{ cloudProduct: 'WAF', domain: 'fails.example.com', failDeployment: true }],
  });
  client = new RpcClient({
    credentials: { accessKeyId: emulator.accessKeyId, accessKeySecret: emulator.accessKeySecret },
  });
  const services = {
    client,
    endpointOverride: (target: string) => (target === 'cas-job' ? emulator.url : undefined),
  } as unknown as TargetServices;
  ours = createCasJobTarget(services, { certRegion: 'cn-hangzhou', region: 'cn-hangzhou' });
  sdk = new casSdk.default(
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

const request = (action: string, fields: Record<string, unknown>) => {
  const Model = casSdk[`${action}Request`];
  if (!Model) throw new Error(`no SDK model ${action}Request`);
  return new Model(fields);
};
const sdkCall = async (action: string, fields: Record<string, unknown>) => {
  const method = sdk[action[0]?.toLowerCase() + action.slice(1)];
  if (!method) throw new Error(`no SDK method for ${action}`);
  const answer = await method.call(sdk, request(action, fields));
  const call = emulator.callsTo(action).at(-1);
  expect(call?.status, action).toBe(200);
  return { body: answer.body, params: operationParams(call?.params) };
};
const paramsOf = (action: string) =>
  emulator.callsTo(action).map((call) => {
    expect(call.status, action).toBe(200);
    return operationParams(call.params);
  });
async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

describe('CAS deployment jobs: the official SDK and our target', () => {
  it('ListCloudResources: the same search by product and keyword, and by certificate', async () => {
    const listed = await sdkCall('ListCloudResources', {
      cloudProduct: 'CDN',
      keyword: 'oracle.example.com',
      currentPage: 1,
      showSize: 50,
    });
    expect(listed.body).toMatchObject({
      total: 1,
      data: [{ cloudProduct: 'CDN', domain: 'oracle.example.com', enableHttps: 0 }],
    });
    expect(await ours.check?.('CDN/oracle.example.com')).toBeUndefined();
    expect(paramsOf('ListCloudResources').at(-1)).toEqual(listed.params);

    const byCert = await sdkCall('ListCloudResources', { certIds: [1, 2], currentPage: 1, showSize: 50 });
    expect(byCert.params.CertIds).toBe('[1,2]');
    await ours.alsoInUse?.(['1', '2']);
    expect(paramsOf('ListCloudResources').at(-1)).toEqual(byCert.params);
  });

  it('CreateDeploymentJob, UpdateDeploymentJobStatus, DescribeDeploymentJob, ListDeploymentJob: the same parameters', async () => {
    const first = await heldCertificate(['oracle.example.com']);
    const second = await heldCertificate(['ours.example.com']);
    const [oracleRow] = (
      await sdkCall('ListCloudResources', { cloudProduct: 'CDN', keyword: 'oracle.example.com' })
    ).body.data as Array<{ id: number }>;
    const contacts = await sdkCall('ListContact', { currentPage: 1, showSize: 10 });
    const contactId = String((contacts.body.contactList as Array<{ contactId: number }>)[0]?.contactId);
    const created = await sdkCall('CreateDeploymentJob', {
      name: 'oracle-job',
      jobType: 'user',
      certIds: first,
      resourceIds: String(oracleRow?.id),
      contactIds: contactId,
    });
    const jobId = created.body.jobId as number;
    expect(jobId).toBeGreaterThan(0);
    const started = await sdkCall('UpdateDeploymentJobStatus', { jobId, status: 'scheduling' });
    const described = await sdkCall('DescribeDeploymentJob', { jobId });
    expect(described.body).toMatchObject({
      id: jobId,
      name: 'oracle-job',
      jobType: 'user',
      status: 'success',
    });
    const jobs = await sdkCall('ListDeploymentJob', { jobType: 'user', currentPage: 1, showSize: 50 });
    expect(jobs.body.data).toContainEqual(expect.objectContaining({ id: jobId, name: 'oracle-job' }));

    const resource = 'CDN/ours.example.com';
    await ours.set(resource, second);
    const ourCreate = paramsOf('CreateDeploymentJob').at(-1) ?? {};
    expect(Object.keys(ourCreate).sort()).toEqual(Object.keys(created.params).sort());
    const resourceId = String(emulator.deploymentJobs.cdnResourceId('ours.example.com'));
    expect(ourCreate).toEqual({
      ...created.params,
      Name: `certificate-action-${second}-${resourceId}`,
      CertIds: second,
      ResourceIds: resourceId,
    });
    const ourJob = emulator.deploymentJobs.allJobs().at(-1);
    expect(paramsOf('UpdateDeploymentJobStatus').at(-1)).toEqual({
      ...started.params,
      JobId: String(ourJob?.id),
    });
    expect(paramsOf('ListDeploymentJob').at(-1)).toEqual(jobs.params);
    expect(await ours.serving(resource)).toMatchObject({ certId: second, inEffect: true, settling: false });
    expect(paramsOf('DescribeDeploymentJob').at(-1)).toEqual({
      ...described.params,
      JobId: String(ourJob?.id),
    });
  });

  it('ListWorkerResource: the same parameters, read when a job ends in error', async () => {
    const certId = await heldCertificate(['fails.example.com']);
    const resource = 'WAF/fails.example.com';
    await ours.set(resource, certId);
    const serving = await ours.serving(resource);
    expect(serving.failure).toMatch(/ended in error, its worker on the resource error/);
    const jobId = emulator.deploymentJobs.allJobs().at(-1)?.id;
    const workers = await sdkCall('ListWorkerResource', { jobId, currentPage: 1, showSize: 50 });
    expect(workers.body.data).toMatchObject([{ jobId, cloudProduct: 'WAF', status: 'error' }]);
    expect(paramsOf('ListWorkerResource').at(-2)).toEqual(workers.params);
  });
});
