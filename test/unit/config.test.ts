import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import type { InputError } from '../../src/core/errors.js';

const base = { 'access-key-id': 'id', 'access-key-secret': 'secret', domains: 'example.com' };
const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const problemsOf = (inputs: Record<string, string>, env: Record<string, string> = {}) => {
  try {
    parseConfig(read(inputs), env);
    return [];
  } catch (error) {
    return (error as InputError).problems.map((p) => p.input);
  }
};

describe('parseConfig', () => {
  it('applies the documented defaults (action.yml)', () => {
    const c = parseConfig(read(base), {});
    expect(c).toMatchObject({
      mode: 'issue',
      region: 'cn-hangzhou',
      endpoints: {
        cas: 'https://cas.aliyuncs.com',
        dns: 'https://alidns.aliyuncs.com',
        cdn: 'https://cdn.aliyuncs.com',
      },
      createOperation: 'CreateCertificateForPackageRequest',
      validationMethod: 'DNS',
      dnsProvider: 'alidns',
      renewBeforeDays: 30,
      waitTimeoutSeconds: 600,
      pollIntervalSeconds: 5,
      maxPollIntervalSeconds: 60,
      failOnPending: true,
      domains: ['example.com'],
    });
  });

  it('takes credentials from the environment when the inputs are empty', () => {
    const c = parseConfig(read({ domains: 'example.com' }), {
      ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id',
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret',
      ALIBABA_CLOUD_SECURITY_TOKEN: 'env-token',
    });
    expect(c.credentials).toEqual({
      kind: 'access-key',
      from: 'environment (ALIBABA_CLOUD_ACCESS_KEY_ID)',
      key: { accessKeyId: 'env-id', accessKeySecret: 'env-secret', securityToken: 'env-token' },
    });
  });

  it('uses the international CAS endpoint outside China, and keeps explicit endpoints', () => {
    expect(parseConfig(read({ ...base, region: 'ap-southeast-1' }), {}).endpoints.cas).toBe(
      'https://cas.ap-southeast-1.aliyuncs.com',
    );
    expect(parseConfig(read({ ...base, endpoint: 'http://127.0.0.1:9000' }), {}).endpoints.cas).toBe(
      'http://127.0.0.1:9000',
    );
  });

  it('normalises and de-duplicates domains, punycode included', () => {
    const c = parseConfig(read({ ...base, domains: 'Bücher.Example\nwww.example.com, www.example.com' }), {});
    expect(c.domains).toEqual(['xn--bcher-kva.example', 'www.example.com']);
  });

  it('names every bad input at once', () => {
    const problems = problemsOf({
      domains: 'a.example.com,*.example.com',
      mode: 'explode',
      'poll-interval': '-1',
      'wait-timeout': 'soon',
      'fail-on-pending': 'maybe',
      'validation-method': 'EMAIL',
      endpoint: 'ftp://x',
    });
    expect(problems.sort()).toEqual(
      [
        'access-key-id',
        'access-key-secret',
        'domains',
        'endpoint',
        'fail-on-pending',
        'mode',
        'poll-interval',
        'validation-method',
        'wait-timeout',
      ].sort(),
    );
  });

  it.each([
    [
      { domains: 'a.example.com,b.example.com,c.example.com,d.example.com,e.example.com,f.example.com' },
      'domains',
    ],
    [{ domains: 'bad..example.com' }, 'domains'],
    [{ domains: '*.*.example.com' }, 'domains'],
    [{ domains: '' }, 'domains'],
    [{ 'create-operation': 'CreateCertificateRequest' }, 'contact-name'],
    [{ 'create-operation': 'CreateCertificateWithCsrRequest' }, 'csr'],
    [{ csr: 'not a csr' }, 'csr'],
    [{ 'dns-provider': 'hook' }, 'dns-hook'],
    [{ 'order-id': '12ab' }, 'order-id'],
    [{ mode: 'cancel' }, 'order-id'],
    [{ mode: 'revoke' }, 'order-id'],
    [{ 'poll-interval': '10', 'max-poll-interval': '5' }, 'max-poll-interval'],
    [{ 'artifact-name': 'certs' }, 'artifact-name'],
    [{ 'renew-before-days': '2.5' }, 'renew-before-days'],
  ])('refuses %j naming %s', (inputs, input) => {
    expect(problemsOf({ ...base, ...inputs })).toContain(input);
  });

  it('reads booleans by the rules of core.getBooleanInput: true/True/TRUE, false/False/FALSE only', () => {
    for (const yes of ['true', 'True', 'TRUE']) {
      expect(parseConfig(read({ ...base, 'fail-on-pending': yes }), {}).failOnPending).toBe(true);
    }
    for (const no of ['false', 'False', 'FALSE']) {
      expect(parseConfig(read({ ...base, 'fail-on-pending': no }), {}).failOnPending).toBe(false);
    }
    for (const other of ['yes', 'no', '1', 'on', 'tRue']) {
      expect(problemsOf({ ...base, 'fail-on-pending': other })).toEqual(['fail-on-pending']);
    }
  });

  it('never echoes a secret input in its errors', () => {
    const inputs = {
      ...base,
      'access-key-secret': 'hunter2-secret',
      'pfx-password': 'hunter2-pfx-password',
      mode: 'nope',
    };
    expect(() => parseConfig(read(inputs), {})).toThrow(/input 'mode'/);
    expect(() => parseConfig(read(inputs), {})).not.toThrow(/hunter2/);
  });

  it('refuses a pfx-password or private-key-passphrase under 12 characters, without echoing it', () => {
    const short = { ...base, 'pfx-password': 'elevenchars', 'private-key-passphrase': 'sesame' };
    expect(problemsOf(short)).toEqual(['pfx-password', 'private-key-passphrase']);
    expect(() => parseConfig(read(short), {})).toThrow(
      "input 'pfx-password' must be at least 12 characters long (got 11); " +
        "input 'private-key-passphrase' must be at least 12 characters long (got 6)",
    );
    expect(() => parseConfig(read(short), {})).not.toThrow(/elevenchars|sesame/);
    // Characters, not bytes: twelve of them pass, however many bytes they take.
    expect(problemsOf({ ...base, 'pfx-password': 'pässwörd-密码12' })).toEqual([]);
  });

  it('takes plain http for loopback endpoints only', () => {
    const loopback = ['http://127.0.0.1:9', 'http://127.200.3.4', 'http://localhost:8080', 'http://[::1]:9'];
    for (const url of loopback) expect(problemsOf({ ...base, endpoint: url }), url).toEqual([]);
    const offMachine = ['http://cas.aliyuncs.com', 'http://10.0.0.1', 'http://[::2]', 'http://128.0.0.1'];
    for (const url of offMachine)
      expect(problemsOf({ ...base, 'dns-endpoint': url }), url).toEqual(['dns-endpoint']);
    expect(
      problemsOf({ ...base, 'sts-endpoint': 'https://sts.example.net', 'cdn-endpoint': 'cdn.example.net' }),
    ).toEqual([]);
  });
});
