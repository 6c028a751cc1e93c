// The credentials part of parseConfig: one source chosen as a whole, role checks before any call, the site.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config/config.js';
import type { InputError } from '../../src/core/errors.js';

const read = (inputs: Record<string, string>) => (name: string) => inputs[name] ?? '';
const domains = { domains: 'example.com' };
const keys = { 'access-key-id': 'input-id', 'access-key-secret': 'input-secret' };
const role = {
  'role-arn': 'acs:ram::1234567890123456:role/github-certificates',
  'oidc-provider-arn': 'acs:ram::1234567890123456:oidc-provider/github-actions',
};
const githubOidc = {
  ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:1/t?x=1',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
};
const envKeys = {
  ALIBABA_CLOUD_ACCESS_KEY_ID: 'env-id',
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: 'env-secret',
  ALIBABA_CLOUD_SECURITY_TOKEN: 'env-token',
};
const problems = (inputs: Record<string, string>, env: Record<string, string> = {}) => {
  try {
    parseConfig(read(inputs), env);
    return [];
  } catch (error) {
    return (error as InputError).problems;
  }
};

describe('credentials chain', () => {
  it('takes access-key inputs as a whole: a security token left in the environment is not mixed in', () => {
    const c = parseConfig(read({ ...domains, ...keys }), envKeys);
    expect(c.credentials).toEqual({
      kind: 'access-key',
      from: 'inputs',
      key: { accessKeyId: 'input-id', accessKeySecret: 'input-secret' },
    });
  });

  it('reports a half-given key pair instead of completing it from the environment', () => {
    expect(problems({ ...domains, 'access-key-id': 'input-id' }, envKeys).map((p) => p.input)).toEqual([
      'access-key-secret',
    ]);
  });

  it('never pairs a security-token input with a key from the environment', () => {
    const found = problems({ ...domains, 'security-token': 'input-token' }, envKeys).map((p) => p.input);
    expect(found).toEqual(['access-key-id', 'access-key-secret']);
  });

  it('prefers role inputs to access-key inputs, and an environment role to environment keys', () => {
    const fromInputs = parseConfig(read({ ...domains, ...keys, ...role }), githubOidc).credentials;
    expect(fromInputs).toMatchObject({ kind: 'oidc-role', from: 'inputs' });
    const env = {
      ...envKeys,
      ...githubOidc,
      ALIBABA_CLOUD_ROLE_ARN: role['role-arn'],
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: role['oidc-provider-arn'],
      GITHUB_RUN_ID: '777',
    };
    const c = parseConfig(read(domains), env).credentials;
    expect(c).toMatchObject({
      kind: 'oidc-role',
      role: {
        roleArn: role['role-arn'],
        oidcProviderArn: role['oidc-provider-arn'],
        audience: 'sts.aliyuncs.com',
        roleSessionName: 'github-777',
        durationSeconds: 3600,
      },
    });
    // Keys given as inputs still win over a role that is only in the environment.
    expect(parseConfig(read({ ...domains, ...keys }), env).credentials).toMatchObject({ from: 'inputs' });
  });

  it('reads the families configure-aliyun-credentials-action exports, each as a whole', () => {
    const c = parseConfig(read(domains), {
      ALICLOUD_ACCESS_KEY: 'ali-id',
      ALICLOUD_SECRET_KEY: 'ali-secret',
      ALICLOUD_ACCESS_KEY_STS_TOKEN: 'ali-token',
      ALIBABACLOUD_ACCESS_KEY_ID: 'other-id',
      ALIBABACLOUD_ACCESS_KEY_SECRET: 'other-secret',
      // A lone token of the first family does not make it complete.
      ALIBABA_CLOUD_SECURITY_TOKEN: 'stray',
    }).credentials;
    expect(c).toEqual({
      kind: 'access-key',
      from: 'environment (ALICLOUD_ACCESS_KEY)',
      key: { accessKeyId: 'ali-id', accessKeySecret: 'ali-secret', securityToken: 'ali-token' },
    });
  });

  it('without the OIDC environment, says to add id-token: write, naming role-arn', () => {
    const found = problems({ ...domains, ...role });
    expect(found).toHaveLength(1);
    expect(found[0]?.input).toBe('role-arn');
    expect(found[0]?.problem).toContain('permissions: id-token: write');
    // A token file is the other way in, used only when GitHub's service is absent.
    const withFile = parseConfig(read({ ...domains, ...role }), { ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/t' });
    expect(withFile.credentials).toMatchObject({ role: { tokenFile: '/t' } });
    const both = parseConfig(read({ ...domains, ...role }), {
      ...githubOidc,
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: '/t',
    });
    expect(both.credentials).not.toMatchObject({ role: { tokenFile: '/t' } });
  });

  it('checks the role inputs before any call', () => {
    const inputs = (extra: Record<string, string>) => problems({ ...domains, ...extra }, githubOidc);
    expect(inputs({ 'role-arn': role['role-arn'] }).map((p) => p.input)).toEqual(['oidc-provider-arn']);
    expect(inputs({ 'oidc-provider-arn': role['oidc-provider-arn'] }).map((p) => p.input)).toEqual([
      'role-arn',
    ]);
    expect(inputs({ ...role, 'role-arn': 'github-certificates' }).map((p) => p.input)).toEqual(['role-arn']);
    expect(inputs({ ...role, 'role-duration': '899' }).map((p) => p.input)).toEqual(['role-duration']);
    expect(inputs({ ...role, 'role-duration': '3601' }).map((p) => p.input)).toEqual(['role-duration']);
    expect(inputs({ ...role, 'role-session-name': 'a b' }).map((p) => p.input)).toEqual([
      'role-session-name',
    ]);
  });
});

describe('site', () => {
  it('picks the China site for cn-* regions and the international one elsewhere', () => {
    const china = parseConfig(read({ ...domains, ...keys }), {});
    expect(china).toMatchObject({
      certRegion: 'cn-hangzhou',
      endpoints: { sts: 'https://sts.aliyuncs.com' },
    });
    const intl = parseConfig(read({ ...domains, ...keys, region: 'ap-southeast-1' }), {});
    expect(intl).toMatchObject({
      certRegion: 'ap-southeast-1',
      endpoints: {
        cas: 'https://cas.ap-southeast-1.aliyuncs.com',
        sts: 'https://sts.ap-southeast-1.aliyuncs.com',
      },
    });
    const custom = parseConfig(read({ ...domains, ...keys, 'sts-endpoint': 'http://127.0.0.1:9' }), {});
    expect(custom.endpoints.sts).toBe('http://127.0.0.1:9');
  });

  it('refuses a free product outside China, naming product-code and the region', () => {
    const found = problems({
      ...domains,
      ...keys,
      region: 'eu-central-1',
      'product-code': 'digicert-free-1-free',
    });
    expect(found.map((p) => p.input)).toEqual(['product-code']);
    expect(found[0]?.problem).toContain('eu-central-1');
    expect(problems({ ...domains, ...keys, 'product-code': 'digicert-free-1-free' })).toEqual([]);
  });
});
