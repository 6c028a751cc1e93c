// Deploying through Certificate Management Service's own deployment jobs, as GitHub runs the action (`node
// dist/index.js` against the emulator, at the run's CAS endpoint): a `cas-job:` line is refused unless
// allow-paid-deployment-job is true (the service bills each job); a job is created `editing`, started, runs a
// while, and on success the resource (an emulated CDN domain, emulator/cdn.ts) serves the certificate, which
// ListCloudResources then lists and the served front shows (emulator/cas-deployment-jobs.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { servedFingerprint } from '../../emulator/test-helpers.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type ActionRun, runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({
    zones: ['example.com'],
    recycleLeafKeys: true,
    casCloudResources: [{ cloudProduct: 'WAF', domain: 'waf.example.com', failDeployment: true }],
  });
});
afterAll(() => emulator.close());

const inputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { 'dns-provider': 'alidns', 'allow-paid-deployment-job': 'true', ...extra });
const okCalls = (action: string) => emulator.callsTo(action).filter((c) => c.status === 200);
const orders = () =>
  emulator.callsTo('CreateCertificateForPackageRequest').length +
  emulator.callsTo('CreateCertificateRequest').length;
const errorsOf = (run: ActionRun) => run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
const jobsNamed = (name: string) => emulator.deploymentJobs.allJobs().filter((job) => job.name === name);

async function heldCertificate(domains: string[]): Promise<string> {
  return (await emulator.cas.seedOrder({ domains })).certificate?.certId ?? '';
}

describe('cas-job: the opt-in', () => {
  it('a cas-job line without allow-paid-deployment-job fails naming the input and the line; nothing is ordered or created', async () => {
    emulator.cdn.addDomain('refused.example.com');
    const before = orders();
    const run = await runAction(
      emulatorInputs(emulator, {
        'dns-provider': 'alidns',
        domains: 'refused.example.com',
        deploy: 'cas-job: CDN/refused.example.com',
      }),
    );
    expect(run.exitCode).toBe(1);
    const error = errorsOf(run).join('\n');
    expect(error).toContain('allow-paid-deployment-job');
    expect(error).toContain("'cas-job: CDN/refused.example.com'");
    expect(error).toContain('bills');
    expect(orders()).toBe(before);
    expect(emulator.callsTo('CreateDeploymentJob')).toHaveLength(0);
  }, 60_000);
});

describe('issue, then deploy through a CAS deployment job', () => {
  it('creates and starts one job, waits while it runs, reads the resource back, and clients get it; a second run changes nothing', async () => {
    const old = await heldCertificate(['old.example.com']);
    emulator.cdn.addDomain('job.example.com');
    emulator.cdn.setCertificate('job.example.com', {
      certificatePem: emulator.cas.certificates.get(old)?.certificatePem ?? '',
      certId: old,
    });
    emulator.deploymentJobs.delayMs = 1200;
    const front = await emulator.served.listen('cdn:job.example.com');
    const deploy = 'cas-job: CDN/job.example.com';
    const run = await runAction(
      inputs({
        domains: 'job.example.com',
        deploy,
        'verify-url': 'https://job.example.com',
        'verify-connect-to': `job.example.com:443:127.0.0.1:${front.port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    const certId = run.outputs['cert-id'] ?? '';
    const resourceId = String(emulator.deploymentJobs.cdnResourceId('job.example.com'));
    expect(run.outputs['deployed-domains']).toBe('CDN/job.example.com');
    expect(run.outputs.changed).toBe('true');
    const name = `certificate-action-${certId}-${resourceId}`;
    expect(okCalls('CreateDeploymentJob').map((c) => c.params)).toEqual([
      expect.objectContaining({
        Name: name,
        JobType: 'user',
        CertIds: certId,
        ResourceIds: resourceId,
        ContactIds: '1000001',
      }),
    ]);
    const [job] = jobsNamed(name);
    expect(job?.status).toBe('success');
    expect(okCalls('UpdateDeploymentJobStatus').map((c) => c.params)).toEqual([
      expect.objectContaining({ JobId: String(job?.id), Status: 'scheduling' }),
    ]);
    expect(run.stdout).toMatch(
      new RegExp(`still serves certificate ${old}, job ${job?.id} (scheduling|processing): waiting`),
    );
    expect(run.stdout).toContain(
      `CDN resource job.example.com (CAS deployment job) serves certificate ${certId}.`,
    );
    // The product's state, CAS's listing, and what clients get, by TLS.
    expect(emulator.cdn.domain('job.example.com')?.certificate?.certId).toBe(certId);
    expect(JSON.parse(run.outputs.deployed ?? '[]')).toEqual([
      expect.objectContaining({
        target: 'cas-job',
        resource: 'CDN/job.example.com',
        'cert-id-before': old,
        'cert-id-after': certId,
        outcome: 'deployed',
      }),
    ]);
    expect(run.stdout).toContain(`https://job.example.com serves certificate ${certId}`);
    expect(await servedFingerprint(front.port, 'job.example.com')).toBe(run.outputs['fingerprint-sha256']);
    await front.close();

    const again = await runAction(inputs({ domains: 'job.example.com', deploy }));
    expect(again.exitCode, again.stdout).toBe(0);
    expect(again.outputs.status).toBe('unchanged');
    expect(again.outputs.changed).toBe('false');
    expect(again.stdout).toContain(`already serves certificate ${certId}: nothing to set`);
    expect(emulator.callsTo('CreateDeploymentJob')).toHaveLength(1);
    emulator.deploymentJobs.delayMs = 0;
  }, 90_000);
});

describe('mode: deploy through a CAS deployment job', () => {
  it('a lost CreateDeploymentJob answer is looked up by the job name: one job, not two', async () => {
    const certId = await heldCertificate(['lost.example.com']);
    emulator.cdn.addDomain('lost.example.com');
    const creates = emulator.callsTo('CreateDeploymentJob').length;
    emulator.faults.add({ action: 'CreateDeploymentJob', kind: 'drop-after' });
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'cas-job: cdn/lost.example.com' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const resourceId = emulator.deploymentJobs.cdnResourceId('lost.example.com');
    expect(jobsNamed(`certificate-action-${certId}-${resourceId}`)).toHaveLength(1);
    expect(emulator.callsTo('CreateDeploymentJob')).toHaveLength(creates + 1);
    expect(emulator.cdn.domain('lost.example.com')?.certificate?.certId).toBe(certId);
  }, 60_000);

  it('a run that gave up while its job ran (deploy-timeout) is followed by the next run, which creates no second job', async () => {
    const certId = await heldCertificate(['slow.example.com']);
    emulator.cdn.addDomain('slow.example.com');
    emulator.deploymentJobs.delayMs = 6000;
    const creates = emulator.callsTo('CreateDeploymentJob').length;
    const deploy = 'cas-job: CDN/slow.example.com';
    const first = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy, 'deploy-timeout': '0.5' }),
    );
    expect(first.exitCode).toBe(1);
    expect(errorsOf(first).join('\n')).toMatch(/did not serve certificate \d+ within deploy-timeout/);
    const second = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy, 'deploy-timeout': '20' }),
    );
    expect(second.exitCode, second.stdout).toBe(0);
    // The job was still under way: followed, not created again.
    expect(second.stdout).not.toContain('nothing to set');
    expect(second.stdout).toMatch(/job \d+ (scheduling|processing): waiting/);
    expect(emulator.callsTo('CreateDeploymentJob')).toHaveLength(creates + 1);
    expect(emulator.cdn.domain('slow.example.com')?.certificate?.certId).toBe(certId);
    emulator.deploymentJobs.delayMs = 0;
  }, 60_000);

  it('a job that ends in error fails naming the resource, the job and its worker; the certificate stays where it was', async () => {
    const certId = await heldCertificate(['waf.example.com']);
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'cas-job: WAF/waf.example.com' }),
    );
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).join('\n')).toMatch(
      /WAF resource waf\.example\.com \(CAS deployment job\) reports deployment job \d+ \(certificate-action-\d+-\d+\) ended in error, its worker on the resource error/,
    );
  }, 60_000);
});

describe('cas-job: superseded certificates and faults', () => {
  it('delete-superseded deletes the old certificate, and keeps one a resource CAS lists (not in the run) still names', async () => {
    const oldOne = await heldCertificate(['one.example.com']);
    const oldShared = await heldCertificate(['two.example.com', 'three.example.com']);
    const certId = await heldCertificate(['one.example.com', 'two.example.com']);
    const serve = (domain: string, id: string) => {
      emulator.cdn.addDomain(domain);
      emulator.cdn.setCertificate(domain, {
        certificatePem: emulator.cas.certificates.get(id)?.certificatePem ?? '',
        certId: id,
      });
    };
    serve('one.example.com', oldOne);
    serve('two.example.com', oldShared);
    serve('three.example.com', oldShared);
    const run = await runAction(
      inputs({
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'cas-job: CDN/one.example.com\ncas-job: CDN/two.example.com',
        'delete-superseded': 'true',
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs['superseded-cert-ids']).toBe(oldOne);
    expect(emulator.cas.certificates.get(oldOne)).toBeUndefined();
    expect(emulator.cas.certificates.get(oldShared)).toBeDefined();
    expect(run.stdout).toContain(
      `Certificate ${oldShared} is kept: another CAS deployment job resource uses it.`,
    );
    // Asked of every resource CAS lists, by certificate.
    const asked = JSON.parse(okCalls('ListCloudResources').at(-1)?.params.CertIds ?? '[]') as number[];
    expect(asked.map(String).sort()).toEqual([oldOne, oldShared].sort());
  }, 60_000);

  it('a 503 on the create is sent again (nothing was created); a lost start answer is read back; a 503 on the read is retried', async () => {
    const certId = await heldCertificate(['fault.example.com']);
    emulator.cdn.addDomain('fault.example.com');
    const creates = emulator.callsTo('CreateDeploymentJob').length;
    const starts = emulator.callsTo('UpdateDeploymentJobStatus').length;
    emulator.faults.add({ action: 'CreateDeploymentJob', kind: 'unavailable' });
    emulator.faults.add({ action: 'UpdateDeploymentJobStatus', kind: 'drop-after' });
    emulator.faults.add({ action: 'DescribeDeploymentJob', kind: 'unavailable', times: 2 });
    const run = await runAction(
      inputs({ mode: 'deploy', 'cert-id': certId, deploy: 'cas-job: CDN/fault.example.com' }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const resourceId = emulator.deploymentJobs.cdnResourceId('fault.example.com');
    expect(jobsNamed(`certificate-action-${certId}-${resourceId}`)).toHaveLength(1);
    expect(emulator.callsTo('CreateDeploymentJob').length - creates).toBe(2);
    // The lost start took effect: read back, not sent again.
    expect(emulator.callsTo('UpdateDeploymentJobStatus').length - starts).toBe(1);
    expect(emulator.cdn.domain('fault.example.com')?.certificate?.certId).toBe(certId);
  }, 60_000);
});

describe('cas-job pre-flight: before anything is ordered', () => {
  it('a resource Certificate Management Service does not list fails naming it; no order, no job', async () => {
    const before = orders();
    const jobs = emulator.callsTo('CreateDeploymentJob').length;
    const run = await runAction(
      inputs({ domains: 'missing.example.com', deploy: 'cas-job: CDN/missing.example.com' }),
    );
    expect(run.exitCode).toBe(1);
    expect(errorsOf(run).join('\n')).toContain(
      "input 'deploy' names CDN resource missing.example.com (CAS deployment job), which Certificate Management Service does not list (ListCloudResources, CloudProduct CDN, Keyword missing.example.com)",
    );
    expect(orders()).toBe(before);
    expect(emulator.callsTo('CreateDeploymentJob')).toHaveLength(jobs);
  }, 60_000);
});
