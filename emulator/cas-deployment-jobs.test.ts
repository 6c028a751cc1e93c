import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAS_VERSION } from './cas.js';
import { createEmulator, type Emulator } from './server.js';
import { callRpc, servedFingerprint } from './test-helpers.js';

describe('CAS deployment jobs', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({
      recycleLeafKeys: true,
      cdnDomains: ['jobs.example.com', 'other.example.com'],
      casCloudResources: [
        { cloudProduct: 'SLB', instanceId: 'lb-1', listenerPort: '443', regionId: 'cn-hangzhou' },
        { cloudProduct: 'WAF', domain: 'waf.example.com', failDeployment: true },
      ],
      deploymentJobDelayMs: 60_000,
    });
  });
  afterAll(() => emulator.close());
  const cas = (action: string, params: Record<string, string | number>) =>
    callRpc(emulator, CAS_VERSION, action, params);
  const certOf = async (domains: string[]) => {
    const order = await emulator.cas.seedOrder({ domains });
    return {
      id: order.certificate?.certId ?? '',
      fingerprint: new X509Certificate(order.certificate?.certificatePem ?? '').fingerprint256,
    };
  };
  const resourceOf = async (product: string, keyword: string) => {
    const listed = await cas('ListCloudResources', { CloudProduct: product, Keyword: keyword });
    expect(listed.status, listed.text).toBe(200);
    return (listed.json.Data as Array<Record<string, unknown>>)[0] ?? {};
  };

  it('lists the CDN domains and the seeded resources, by product, keyword and certificate', async () => {
    const cdn = await cas('ListCloudResources', { CloudProduct: 'CDN', CurrentPage: 1, ShowSize: 1 });
    expect(cdn.json).toMatchObject({ Total: 2, CurrentPage: 1, ShowSize: 1 });
    expect((cdn.json.Data as unknown[]).length).toBe(1);
    expect(await resourceOf('SLB', 'lb-1')).toMatchObject({
      CloudProduct: 'SLB',
      InstanceId: 'lb-1',
      ListenerPort: '443',
      EnableHttps: 0,
    });
    const none = await cas('ListCloudResources', { CertIds: JSON.stringify([1]) });
    expect(none.json.Total).toBe(0);
  });

  it('runs a job once started: editing, scheduling, processing, success; the CDN domain then serves it', async () => {
    const cert = await certOf(['jobs.example.com']);
    const resource = await resourceOf('CDN', 'jobs.example.com');
    const front = await emulator.served.listen('cdn:jobs.example.com');
    const placeholder = await servedFingerprint(front.port, 'jobs.example.com');
    const created = await cas('CreateDeploymentJob', {
      Name: 'job-1',
      JobType: 'user',
      CertIds: cert.id,
      ResourceIds: String(resource.Id),
      ContactIds: '1000001',
    });
    expect(created.status, created.text).toBe(200);
    const JobId = created.json.JobId as number;
    const status = async () => (await cas('DescribeDeploymentJob', { JobId })).json.Status;
    expect(await status()).toBe('editing');
    emulator.setClockOffset(120_000);
    expect(await status()).toBe('editing');
    expect((await cas('UpdateDeploymentJobStatus', { JobId, Status: 'scheduling' })).status).toBe(200);
    expect(await status()).toBe('scheduling');
    emulator.setClockOffset(150_000);
    expect(await status()).toBe('processing');
    expect(await servedFingerprint(front.port, 'jobs.example.com')).toBe(placeholder);
    emulator.setClockOffset(181_000);
    expect(await status()).toBe('success');
    expect(await servedFingerprint(front.port, 'jobs.example.com')).toBe(cert.fingerprint);
    expect(await resourceOf('CDN', 'jobs.example.com')).toMatchObject({
      CertId: Number(cert.id),
      EnableHttps: 1,
    });
    const byCert = await cas('ListCloudResources', { CertIds: JSON.stringify([Number(cert.id)]) });
    expect(byCert.json.Total).toBe(1);
    const workers = await cas('ListWorkerResource', { JobId });
    expect(workers.json.Data).toMatchObject([{ ResourceId: resource.Id, Status: 'success' }]);
    const listed = await cas('ListDeploymentJob', { JobType: 'user' });
    expect(listed.json.Data).toContainEqual(expect.objectContaining({ Id: JobId, Name: 'job-1' }));
    // A job that ended takes no new status.
    const again = await cas('UpdateDeploymentJobStatus', { JobId, Status: 'scheduling' });
    expect(again.status).toBe(400);
    emulator.setClockOffset(0);
  });

  it('ends a job in error when a worker fails (a certificate that does not cover the domain, a failing resource)', async () => {
    const cert = await certOf(['unrelated.example.org']);
    const cdn = await resourceOf('CDN', 'other.example.com');
    const waf = await resourceOf('WAF', 'waf.example.com');
    const created = await cas('CreateDeploymentJob', {
      Name: 'job-2',
      JobType: 'user',
      CertIds: cert.id,
      ResourceIds: `${cdn.Id},${waf.Id}`,
      ContactIds: '1000001',
    });
    const JobId = created.json.JobId as number;
    await cas('UpdateDeploymentJobStatus', { JobId, Status: 'scheduling' });
    emulator.setClockOffset(61_000);
    expect((await cas('DescribeDeploymentJob', { JobId })).json.Status).toBe('error');
    const workers = await cas('ListWorkerResource', { JobId, Status: 'error' });
    expect(workers.json.Total).toBe(2);
    emulator.setClockOffset(0);
  });

  it('refuses unknown certificates, resources, contacts and jobs', async () => {
    const cert = await certOf(['x.example.com']);
    const resource = await resourceOf('SLB', 'lb-1');
    const base = { Name: 'bad', JobType: 'user', CertIds: cert.id, ResourceIds: String(resource.Id) };
    expect(
      (await cas('CreateDeploymentJob', { ...base, ContactIds: '1000001', CertIds: '99' })).json.Code,
    ).toBe('NotFound.Certificate');
    expect(
      (await cas('CreateDeploymentJob', { ...base, ContactIds: '1000001', ResourceIds: '1' })).json.Code,
    ).toBe('NotFound.Resource');
    expect((await cas('CreateDeploymentJob', { ...base, ContactIds: '42' })).json.Code).toBe(
      'NotFound.Contact',
    );
    expect((await cas('CreateDeploymentJob', base)).json.Code).toBe('MissingParameter');
    expect((await cas('DescribeDeploymentJob', { JobId: 1 })).json.Code).toBe('NotFound.DeploymentJob');
  });

  it('serves a seeded resource at cas-job:<id> once its job succeeds', async () => {
    const cert = await certOf(['lb.example.com']);
    const resource = await resourceOf('SLB', 'lb-1');
    const front = await emulator.served.listen(`cas-job:${resource.Id}`);
    const created = await cas('CreateDeploymentJob', {
      Name: 'job-3',
      JobType: 'user',
      CertIds: cert.id,
      ResourceIds: String(resource.Id),
      ContactIds: '1000001',
    });
    const JobId = created.json.JobId as number;
    await cas('UpdateDeploymentJobStatus', { JobId, Status: 'scheduling' });
    emulator.setClockOffset(61_000);
    expect((await cas('DescribeDeploymentJob', { JobId })).json.Status).toBe('success');
    expect(await servedFingerprint(front.port, 'lb.example.com')).toBe(cert.fingerprint);
    emulator.setClockOffset(0);
  });
});
