// The credentials chain over loopback: STS against the emulator (it verifies the ID token and installs the
// temporary key in its gateway), the temporary key signing real calls, renewal before expiry, STS refusals.
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import { EMULATOR_OIDC_PROVIDER_ARN, EMULATOR_ROLE_ARN } from '../../emulator/sts.js';
import { explainStsError } from '../../src/action/runner.js';
import {
  type CredentialSource,
  createCredentialsProvider,
  RENEW_BEFORE_EXPIRY_MS,
} from '../../src/aliyun/credentials.js';
import type { AliyunApiError } from '../../src/aliyun/errors.js';
import { RpcClient } from '../../src/aliyun/rpc.js';
import { createOrderApi } from '../../src/authority/order-api.js';
import { createStsService } from '../../src/services/sts.js';

let emulator: Emulator;
const clients: RpcClient[] = [];
beforeAll(async () => {
  // A wide timestamp window lets a test move the gateway's clock past a key's expiry.
  emulator = await createEmulator({ timestampWindowMs: 24 * 3600_000 });
});
beforeEach(() => {
  emulator.calls.length = 0;
  emulator.setGatewayClockOffset(0);
  emulator.github.issuedAtOffsetMs = 0;
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await emulator.close();
});

const roleSource = (overrides: Partial<Extract<CredentialSource, { kind: 'oidc-role' }>['role']> = {}) =>
  ({
    kind: 'oidc-role',
    from: 'inputs',
    role: {
      roleArn: EMULATOR_ROLE_ARN,
      oidcProviderArn: EMULATOR_OIDC_PROVIDER_ARN,
      audience: 'sts.aliyuncs.com',
      roleSessionName: 'github-1',
      durationSeconds: 900,
      ...overrides,
    },
  }) satisfies CredentialSource;

/** The runner's ID-token service, asked over HTTP as @actions/core does. */
async function idTokenFromService(audience: string): Promise<string> {
  const url = `${emulator.idTokenRequestUrl}&audience=${encodeURIComponent(audience)}`;
  const answer = await fetch(url, { headers: { authorization: `Bearer ${emulator.github.requestToken}` } });
  return ((await answer.json()) as { value: string }).value;
}

function setUp(source: CredentialSource, clock = { now: Date.now() }) {
  const masked: string[] = [];
  const provider = createCredentialsProvider(source, {
    sts: createStsService(emulator.url),
    getIdToken: idTokenFromService,
    maskSecret: (v) => masked.push(v),
    now: () => clock.now,
  });
  const client = new RpcClient({ credentials: provider, retry: { maxAttempts: 1 } });
  clients.push(client);
  return { masked, provider, clock, cas: createOrderApi(client, emulator.url, () => {}) };
}

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as AliyunApiError,
  );

describe('OIDC role credentials', () => {
  it('assumes the role once, masks all three parts, and signs every call with the key and its token', async () => {
    const { masked, cas } = setUp(roleSource());
    await cas.describePackageState(undefined);
    await cas.describePackageState(undefined);
    expect(emulator.callsTo('AssumeRoleWithOIDC')).toHaveLength(1);
    const assume = emulator.callsTo('AssumeRoleWithOIDC')[0];
    expect(assume?.params.Signature).toBeUndefined();
    expect(assume?.params.AccessKeyId).toBeUndefined();
    const key = emulator.sts.granted.at(-1);
    expect(key?.roleSessionName).toBe('github-1');
    expect(masked).toEqual(
      expect.arrayContaining([
        key?.accessKeyId,
        key?.accessKeySecret,
        key?.securityToken,
        emulator.github.issued.at(-1),
      ]),
    );
    const signed = emulator.callsTo('DescribePackageState');
    expect(signed).toHaveLength(2);
    for (const call of signed) {
      expect(call.status).toBe(200);
      expect(call.params.AccessKeyId).toBe(key?.accessKeyId);
      expect(call.params.SecurityToken).toBe(key?.securityToken);
    }
  });

  it('renews the key before it expires, so a long wait never signs with a lapsed key', async () => {
    const { cas, clock } = setUp(roleSource());
    await cas.describePackageState(undefined);
    const first = emulator.sts.granted.at(-1);
    // Later in a long wait: inside the renewal margin, and past the first key's expiry at the gateway.
    // (+5 s: the grant came a little after the fake clock was read, on a loaded machine.)
    clock.now += 900_000 - RENEW_BEFORE_EXPIRY_MS + 5_000;
    emulator.setGatewayClockOffset(900_000 + 1000);
    emulator.github.issuedAtOffsetMs = 900_000 + 1000;
    await cas.describePackageState(undefined);
    const second = emulator.sts.granted.at(-1);
    expect(emulator.callsTo('AssumeRoleWithOIDC')).toHaveLength(2);
    expect(second?.accessKeyId).not.toBe(first?.accessKeyId);
    expect(emulator.callsTo('DescribePackageState').map((c) => [c.params.AccessKeyId, c.status])).toEqual([
      [first?.accessKeyId, 200],
      [second?.accessKeyId, 200],
    ]);
  });

  it('reads the token from ALIBABA_CLOUD_OIDC_TOKEN_FILE again at each renewal', async () => {
    const file = join(tmpdir(), `oidc-token-${process.pid}`);
    await writeFile(file, `${emulator.github.mint('sts.aliyuncs.com')}\n`);
    const { cas } = setUp(roleSource({ tokenFile: file }));
    await cas.describePackageState(undefined);
    expect(emulator.callsTo('AssumeRoleWithOIDC')[0]?.status).toBe(200);
  });

  const refusals: Array<[string, () => CredentialSource | Promise<CredentialSource>, string, RegExp]> = [
    [
      'a wrong audience',
      () => roleSource({ audience: 'https://github.com/octo-org' }),
      'AuthenticationFail.OIDCToken.AudienceNotMatch',
      /set audience/,
    ],
    [
      'an unknown provider',
      () => roleSource({ oidcProviderArn: 'acs:ram::1234567890123456:oidc-provider/nope' }),
      'AuthenticationFail.NoPermission',
      /Check oidc-provider-arn/,
    ],
    [
      'an unknown role',
      () => roleSource({ roleArn: 'acs:ram::1234567890123456:role/nope' }),
      'EntityNotExist.Role',
      /Check role-arn/,
    ],
    [
      'a duration above the role maximum',
      () => roleSource({ durationSeconds: 7200 }),
      'InvalidParameter.DurationSeconds',
      /role-duration/,
    ],
    [
      'an expired token',
      async () => {
        const file = join(tmpdir(), `oidc-expired-${process.pid}`);
        await writeFile(
          file,
          emulator.github.mint('sts.aliyuncs.com', { exp: Math.floor(Date.now() / 1000) - 60 }),
        );
        return roleSource({ tokenFile: file });
      },
      'AuthenticationFail.OIDCToken.Expired',
      /expired/,
    ],
  ];
  for (const [what, source, code, advice] of refusals) {
    it(`explains ${what} in one sentence`, async () => {
      const { cas } = setUp(await source());
      const error = await rejection(cas.describePackageState(undefined));
      expect(error.code).toBe(code);
      expect(explainStsError(error.code, error.message)).toMatch(advice);
      expect(emulator.callsTo('DescribePackageState')).toHaveLength(0);
    });
  }

  it('refuses a subject the trust policy does not allow', async () => {
    emulator.github.subject = 'repo:someone-else/fork:ref:refs/heads/main';
    try {
      const error = await rejection(setUp(roleSource()).cas.describePackageState(undefined));
      expect(error.code).toBe('AuthenticationFail.NoPermission');
      expect(explainStsError(error.code, error.message)).toMatch(/trust policy/);
    } finally {
      emulator.github.subject = 'repo:octo-org/site:ref:refs/heads/main';
    }
  });
});
