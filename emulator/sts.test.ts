// The emulator's STS and ID-token service on their own, driven by plain HTTP (no code of src/).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from './server.js';
import { EMULATOR_OIDC_PROVIDER_ARN, EMULATOR_ROLE_ARN, STS_VERSION } from './sts.js';
import { callRpc, utcTimestamp } from './test-helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator();
});
afterAll(() => emulator.close());

async function assume(token: string, extra: Record<string, string> = {}) {
  const params = new URLSearchParams({
    Action: 'AssumeRoleWithOIDC',
    Version: STS_VERSION,
    Format: 'JSON',
    Timestamp: utcTimestamp(),
    SignatureNonce: crypto.randomUUID(),
  });
  const body = new URLSearchParams({
    OIDCProviderArn: EMULATOR_OIDC_PROVIDER_ARN,
    RoleArn: EMULATOR_ROLE_ARN,
    OIDCToken: token,
    RoleSessionName: 'emulator-test',
    ...extra,
  });
  const answer = await fetch(`${emulator.url}/?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body,
  });
  return { status: answer.status, body: (await answer.json()) as Record<string, unknown> };
}

describe('STS AssumeRoleWithOIDC', () => {
  it('grants a key that works only with its SecurityToken', async () => {
    const { status, body } = await assume(emulator.github.mint('sts.aliyuncs.com'));
    expect(status).toBe(200);
    const c = body.Credentials as Record<string, string>;
    expect(c.Expiration).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    const key = { ...emulator, accessKeyId: c.AccessKeyId ?? '', accessKeySecret: c.AccessKeySecret ?? '' };
    const withToken = await callRpc(
      key,
      '2020-04-07',
      'DescribePackageState',
      {},
      {
        extraCommon: { SecurityToken: c.SecurityToken ?? '' },
      },
    );
    expect(withToken.status).toBe(200);
    const without = await callRpc(key, '2020-04-07', 'DescribePackageState', {});
    expect(without.json.Code).toBe('InvalidSecurityToken.MismatchWithAccessKey');
  });

  it('checks the token: three parts, the issuer key, the issuer, the audience, the expiry', async () => {
    const good = emulator.github.mint('sts.aliyuncs.com');
    const [header, payload] = good.split('.');
    const cases: Array<[string, string]> = [
      [`${header}.${payload}`, 'AuthenticationFail.OIDCToken.Invalid'],
      [
        `${header}.${payload}.${Buffer.from('forged').toString('base64url')}`,
        'AuthenticationFail.OIDCToken.InvalidSignature',
      ],
      [
        emulator.github.mint('sts.aliyuncs.com', { iss: 'https://example.com' }),
        'AuthenticationFail.OIDCToken.IssuerNotMatch',
      ],
      [emulator.github.mint('https://github.com/octo-org'), 'AuthenticationFail.OIDCToken.AudienceNotMatch'],
      [emulator.github.mint('sts.aliyuncs.com', { exp: 1 }), 'AuthenticationFail.OIDCToken.Expired'],
    ];
    for (const [token, code] of cases) {
      const { status, body } = await assume(token);
      expect([status, body.Code]).toEqual([401, code]);
    }
  });

  it('checks the session name and the duration', async () => {
    const token = () => emulator.github.mint('sts.aliyuncs.com');
    expect((await assume(token(), { RoleSessionName: 'x' })).body.Code).toBe(
      'InvalidParameter.RoleSessionName',
    );
    expect((await assume(token(), { DurationSeconds: '600' })).body.Code).toBe(
      'InvalidParameter.DurationSeconds',
    );
  });

  it('takes no signature for AssumeRoleWithOIDC only', async () => {
    const params = new URLSearchParams({
      Action: 'DescribePackageState',
      Version: '2020-04-07',
      Format: 'JSON',
    });
    const answer = await fetch(`${emulator.url}/?${params}`, { method: 'POST' });
    expect(((await answer.json()) as { Code: string }).Code).toBe('MissingParameter');
  });

  it('hands out ID tokens only to the job holding the request token', async () => {
    const url = `${emulator.idTokenRequestUrl}&audience=sts.aliyuncs.com`;
    expect((await fetch(url, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(url, { headers: { authorization: `Bearer ${emulator.github.requestToken}` } });
    const { value } = (await ok.json()) as { value: string };
    expect(JSON.parse(Buffer.from(value.split('.')[1] ?? '', 'base64url').toString()).aud).toBe(
      'sts.aliyuncs.com',
    );
  });
});
