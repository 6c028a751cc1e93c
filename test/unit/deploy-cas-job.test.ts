// The CAS deployment job target's pure parts: the `cas-job:` line, the opt-in, finding the resource in
// ListCloudResources' rows, the job's name, and what a job's status means (src/deploy/cas-job.ts).
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import type { InputError } from '../../src/core/errors.js';
import {
  type CloudResource,
  isJobFor,
  jobName,
  keywordOf,
  matchingResources,
  readCloudResource,
  readServing,
} from '../../src/deploy/cas-job.js';
import { casJobResources, parseCasJobResource } from '../../src/deploy/resources.js';

const base = { 'access-key-id': 'id', 'access-key-secret': 'secret', domains: 'static.example.com' };
const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const problemsOf = (inputs: Record<string, string>) => {
  try {
    parseConfig(read(inputs), {});
    return [];
  } catch (error) {
    return (error as InputError).problems.map((p) => `${p.input}: ${p.problem}`);
  }
};

describe('cas-job lines', () => {
  it('reads <CloudProduct>/<resource>[@region], the product in any case', () => {
    expect(parseCasJobResource('slb/lb-1:443@cn-shanghai')).toEqual({
      product: 'SLB',
      name: 'lb-1:443',
      region: 'cn-shanghai',
    });
    expect(parseCasJobResource('NLB/lsn-1@443')).toEqual({ product: 'NLB', name: 'lsn-1@443' });
    expect(parseCasJobResource('CDN/*.example.com')).toEqual({ product: 'CDN', name: '*.example.com' });
    expect(
      casJobResources('CDN/static.example.com\nOSS/static.example.com@cn-hangzhou\nSLB/2356').problems,
    ).toEqual([]);
  });

  it('names every problem: no product, an unknown product, sni', () => {
    expect(casJobResources('static.example.com\nECS/i-1\nCDN/x.example.com sni').problems).toEqual([
      "'static.example.com' is not a cloud product and one of its resources (<CloudProduct>/<domain, instance or listener id, or numeric id>) (as in cas-job: SLB/lb-xxxx:443@cn-hangzhou)",
      "'CDN/x.example.com sni': this product takes no extension (SNI) certificates; remove ' sni'",
      expect.stringMatching(
        /^'ECS\/i-1' names the product 'ECS', which Certificate Management Service does not deploy to/,
      ),
    ]);
  });

  it('is refused without allow-paid-deployment-job, naming it and the line; accepted with it', () => {
    expect(problemsOf({ ...base, deploy: 'cas-job: CDN/static.example.com' })).toEqual([
      expect.stringMatching(
        /^allow-paid-deployment-job: must be true for the deploy line 'cas-job: CDN\/static\.example\.com': it creates a deployment job .* bills/,
      ),
    ]);
    const c = parseConfig(
      read({ ...base, deploy: 'cas-job: CDN/static.example.com', 'allow-paid-deployment-job': 'true' }),
      {},
    );
    expect(c.deploy.resources).toEqual([
      { target: 'cas-job', resource: 'CDN/static.example.com', input: 'deploy' },
    ]);
    // At the run's CAS endpoint when `endpoint` is given; else the target picks the site's.
    expect(c.deployEndpoints['cas-job']).toBeUndefined();
    const at = parseConfig(
      read({
        ...base,
        deploy: 'cas-job: CDN/static.example.com',
        'allow-paid-deployment-job': 'true',
        endpoint: 'https://cas.example.net',
      }),
      {},
    );
    expect(at.deployEndpoints['cas-job']).toBe('https://cas.example.net');
  });

  it('is not asked of mode delete, which reads the lines and creates no job', () => {
    const problems = problemsOf({
      'access-key-id': 'id',
      'access-key-secret': 'secret',
      mode: 'delete',
      'cert-id': '123',
      deploy: 'cas-job: CDN/static.example.com',
    });
    expect(problems.filter((p) => p.startsWith('allow-paid-deployment-job'))).toEqual([]);
  });
});

const row = (fields: Partial<CloudResource>): CloudResource => ({
  id: '1',
  product: 'SLB',
  httpsOn: true,
  isDefault: false,
  ...fields,
});

describe('finding the resource in ListCloudResources', () => {
  it('reads a row: ids as text, CertId 0 or absent as none, EnableHttps 0 as off', () => {
    expect(
      readCloudResource({
        Id: 2356,
        CloudProduct: 'CDN',
        Domain: 'a.example.com',
        CertId: 0,
        EnableHttps: 0,
      }),
    ).toEqual({ id: '2356', product: 'CDN', domain: 'a.example.com', httpsOn: false, isDefault: false });
    expect(readCloudResource({ CloudProduct: 'CDN' })).toBeUndefined();
  });

  it('searches by the domain or the id without its port; a numeric id lists the product', () => {
    expect(keywordOf('static.example.com')).toBe('static.example.com');
    expect(keywordOf('*.example.com')).toBe('example.com');
    expect(keywordOf('lb-1:443')).toBe('lb-1');
    expect(keywordOf('lsn-1@443')).toBe('lsn-1');
    expect(keywordOf('2356')).toBeUndefined();
  });

  it('matches by id, domain, listener id or instance:port, in the named region; a listener default over its extensions', () => {
    const rows = [
      row({ id: '1', instanceId: 'lb-1', listenerPort: '443', regionId: 'cn-hangzhou', isDefault: true }),
      row({ id: '2', instanceId: 'lb-1', listenerPort: '443', regionId: 'cn-hangzhou' }),
      row({ id: '3', instanceId: 'lb-1', listenerPort: '8443', regionId: 'cn-hangzhou' }),
      row({ id: '4', product: 'CDN', domain: '.example.com' }),
      row({ id: '5', product: 'NLB', listenerId: 'lsn-1@443', regionId: 'cn-shanghai' }),
      row({ id: '6', product: 'NLB', listenerId: 'lsn-1@443', regionId: 'cn-beijing' }),
    ];
    const ids = (text: string) => matchingResources(parseCasJobResource(text), rows).map((r) => r.id);
    expect(ids('SLB/lb-1:443')).toEqual(['1']);
    expect(ids('SLB/3')).toEqual(['3']);
    expect(ids('cdn/*.example.com')).toEqual(['4']);
    expect(ids('NLB/lsn-1@443')).toEqual(['5', '6']);
    expect(ids('NLB/lsn-1@443@cn-beijing')).toEqual(['6']);
    expect(ids('SLB/lb-2:443')).toEqual([]);
  });
});

describe('the job', () => {
  it('is named by the certificate and the resource, then numbered after ended attempts', () => {
    expect(jobName('123', '2356', 0)).toBe('certificate-action-123-2356');
    expect(jobName('123', '2356', 1)).toBe('certificate-action-123-2356-2');
    const job = (name: string) => ({ id: '1', name, status: 'error' });
    expect(isJobFor(job('certificate-action-123-2356-2'), '123', '2356')).toBe(true);
    expect(isJobFor(job('certificate-action-123-23567'), '123', '2356')).toBe(false);
  });

  it('means: running is settling, success with the resource listing it is in effect, error is the failure', () => {
    const listed = row({ certId: '123' });
    const job = { id: '8', name: 'n', certId: '123' };
    expect(readServing(listed)).toMatchObject({ certId: '123', inEffect: true, settling: false, held: true });
    expect(readServing(row({ certId: '123', httpsOn: false }))).toMatchObject({ inEffect: false });
    expect(readServing(row({ certId: '9' }), { ...job, status: 'processing' })).toMatchObject({
      certId: '9',
      inEffect: false,
      settling: true,
      summary: 'certificate 9, job 8 processing',
    });
    expect(readServing(listed, { ...job, status: 'success' })).toMatchObject({
      inEffect: true,
      settling: false,
    });
    // Ended, yet the resource does not list it yet: waited for.
    expect(readServing(row({ certId: '9' }), { ...job, status: 'success' })).toMatchObject({
      settling: true,
    });
    expect(
      readServing(row({ certId: '9' }), { ...job, status: 'error', worker: 'rollback_success' }).failure,
    ).toBe(
      'deployment job 8 (n) ended in error, its worker on the resource rollback_success: the product refused the ' +
        'certificate (the job in the Certificate Management Service console says why)',
    );
  });
});
