// Keyless credentials, the stray-token case and the international site, end to end: `node dist/index.js` as
// GitHub runs it, with the emulator's STS and its stand-in for GitHub's ID-token service over loopback.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_ACCESS_KEY_ID } from '../../emulator/server.js';
import { EMULATOR_OIDC_PROVIDER_ARN, EMULATOR_ROLE_ARN } from '../../emulator/sts.js';
import {
  createEmulator,
  createValidationRecordsByHand,
  type Emulator,
  emulatorInputs,
  expectNoSecretsLeaked,
} from '../support/fixtures.js';
import { type ActionRun, runAction } from '../support/run-action.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
beforeEach(() => {
  emulator.calls.length = 0;
  emulator.faults.clear();
});
afterAll(async () => {
  await emulator.close();
});

/** Emulator inputs without the access key: the role has to provide the credentials. */
function keylessInputs(extra: Record<string, string> = {}): Record<string, string> {
  const {
    'access-key-id': _id,
    'access-key-secret': _secret,
    ...rest
  } = emulatorInputs(emulator, {
    'sts-endpoint': emulator.url,
    ...extra,
  });
  return rest;
}
const githubOidcEnv = () => ({
  ACTIONS_ID_TOKEN_REQUEST_URL: emulator.idTokenRequestUrl,
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.github.requestToken,
  GITHUB_RUN_ID: '31337',
});
const role = { 'role-arn': EMULATOR_ROLE_ARN, 'oidc-provider-arn': EMULATOR_OIDC_PROVIDER_ARN };
const signedCalls = () => emulator.calls.filter((c) => c.action !== 'AssumeRoleWithOIDC');
const masks = (run: ActionRun) =>
  run.stdout
    .split('\n')
    .filter((l) => l.startsWith('::add-mask::'))
    .map((l) => l.slice('::add-mask::'.length));

/** None of the values may appear anywhere but the runner's mask commands. */
function expectNowhere(run: ActionRun, values: string[]): void {
  const stdout = run.stdout
    .split('\n')
    .filter((l) => !l.startsWith('::add-mask::'))
    .join('\n');
  const places = { stdout, stderr: run.stderr, ...run.files };
  for (const value of values) {
    expect(value.length).toBeGreaterThan(8);
    for (const [place, text] of Object.entries(places)) expect(text, place).not.toContain(value);
  }
}

describe('keyless credentials (GitHub OIDC → STS)', () => {
  it('issues with a role: token fetched for the audience, every call signed with the temporary key', async () => {
    const domains = ['keyless.example.com'];
    const issuedBefore = emulator.github.issued.length;
    const run = await runAction(
      keylessInputs({ ...role, 'dns-provider': 'manual', domains: domains.join() }),
      {
        env: githubOidcEnv(),
        whileRunning: () => createValidationRecordsByHand(emulator, domains),
      },
    );
    expect(run.stderr).toBe('');
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');

    const idTokens = emulator.github.issued.slice(issuedBefore);
    expect(idTokens).toHaveLength(1);
    const claims = JSON.parse(Buffer.from(idTokens[0]?.split('.')[1] ?? '', 'base64url').toString());
    expect(claims.aud).toBe('sts.aliyuncs.com');
    const assume = emulator.callsTo('AssumeRoleWithOIDC');
    expect(assume.map((c) => [c.status, c.params.RoleSessionName, c.params.DurationSeconds])).toEqual([
      [200, 'github-31337', '3600'],
    ]);
    const key = emulator.sts.granted.at(-1);
    if (!key) throw new Error('no key granted');
    expect(signedCalls().length).toBeGreaterThan(3);
    for (const call of signedCalls()) {
      expect(call.params.AccessKeyId, call.action).toBe(key.accessKeyId);
      expect(call.params.SecurityToken, call.action).toBe(key.securityToken);
    }
    const secrets = [key.accessKeyId, key.accessKeySecret, key.securityToken, idTokens[0] ?? ''];
    expect(masks(run)).toEqual(expect.arrayContaining(secrets));
    expectNowhere(run, secrets);
    expectNoSecretsLeaked(run, run.outputs['private-key']);
    expect(run.summary).toContain(`OIDC role ${EMULATOR_ROLE_ARN} (from inputs, the job's ID token)`);
  });

  it('without id-token: write, fails before any call with a sentence saying to add it', async () => {
    const run = await runAction(keylessInputs({ ...role, mode: 'status', domains: 'keyless.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::.*input 'role-arn'.*add `permissions: id-token: write` to the job/);
    expect(emulator.calls).toHaveLength(0);
  });

  // Reports the order the first test issued.
  it('status with the role from the environment and the token from a file', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'oidc-')), 'token');
    const idToken = emulator.github.mint('sts.aliyuncs.com');
    await writeFile(file, idToken);
    const run = await runAction(keylessInputs({ mode: 'status', domains: 'keyless.example.com' }), {
      env: {
        ALIBABA_CLOUD_ROLE_ARN: EMULATOR_ROLE_ARN,
        ALIBABA_CLOUD_OIDC_PROVIDER_ARN: EMULATOR_OIDC_PROVIDER_ARN,
        ALIBABA_CLOUD_OIDC_TOKEN_FILE: file,
      },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('active');
    const key = emulator.sts.granted.at(-1);
    expect(emulator.callsTo('AssumeRoleWithOIDC')).toHaveLength(1);
    for (const call of signedCalls()) expect(call.params.SecurityToken).toBe(key?.securityToken);
    expect(run.stdout).toContain(
      '(from environment (ALIBABA_CLOUD_ROLE_ARN), ID token from ALIBABA_CLOUD_OIDC_TOKEN_FILE)',
    );
    expectNowhere(run, [idToken, key?.accessKeySecret ?? '', key?.securityToken ?? '']);
  });

  it('explains an STS refusal in one sentence (audience not a client ID of the provider)', async () => {
    const run = await runAction(
      keylessInputs({
        ...role,
        mode: 'status',
        domains: 'keyless.example.com',
        audience: 'https://github.com/octo-org',
      }),
      { env: githubOidcEnv() },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*AuthenticationFail\.OIDCToken\.AudienceNotMatch.*set audience to one of its client IDs/,
    );
    expect(signedCalls()).toHaveLength(0);
  });
});

describe('a trust policy refusal', () => {
  it("names the ID token's sub, which the policy's oidc:sub must match, and never the token", async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'oidc-')), 'token');
    const subject = 'repo:octo-org/elsewhere:ref:refs/heads/main';
    const idToken = emulator.github.mint('sts.aliyuncs.com', { sub: subject });
    await writeFile(file, idToken);
    const run = await runAction(keylessInputs({ ...role, mode: 'status', domains: 'keyless.example.com' }), {
      env: { ALIBABA_CLOUD_OIDC_TOKEN_FILE: file },
    });
    expect(run.exitCode).toBe(1);
    const [error] = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
    expect(error).toContain('AssumeRoleWithOIDC failed: AuthenticationFail.NoPermission');
    expect(error).toContain(
      `The role's trust policy does not allow this token, whose sub is '${subject}': allow ` +
        'sts:AssumeRoleWithOIDC for the provider, with an oidc:sub condition that this sub matches.',
    );
    expect(emulator.callsTo('AssumeRoleWithOIDC').map((c) => c.status)).toEqual([401]);
    expectNowhere(run, [idToken, idToken.split('.')[1] ?? '']);
    expect(signedCalls()).toHaveLength(0);
  });
});

describe('one source as a whole', () => {
  it('signs without a token when access-key inputs meet a security token left in the environment', async () => {
    const domains = ['stray.example.com'];
    const run = await runAction(
      emulatorInputs(emulator, { 'dns-provider': 'manual', domains: domains.join() }),
      {
        env: { ALIBABA_CLOUD_SECURITY_TOKEN: 'stray-token-from-an-earlier-step' },
        whileRunning: () => createValidationRecordsByHand(emulator, domains),
      },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(signedCalls().length).toBeGreaterThan(0);
    for (const call of signedCalls()) {
      expect(call.status).toBe(200);
      expect(call.params.AccessKeyId).toBe(EMULATOR_ACCESS_KEY_ID);
      expect(call.params.SecurityToken).toBeUndefined();
    }
    expect(run.summary).toContain('access key from inputs');
  });
});

describe('international site', () => {
  it('issues with a region outside China', async () => {
    const domains = ['intl.example.com'];
    const run = await runAction(
      emulatorInputs(emulator, {
        region: 'ap-southeast-1',
        'dns-provider': 'manual',
        domains: domains.join(),
      }),
      { whileRunning: () => createValidationRecordsByHand(emulator, domains) },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
  });

  it('refuses a free product there before any call, naming product-code and region', async () => {
    const run = await runAction(
      emulatorInputs(emulator, {
        region: 'ap-southeast-1',
        'product-code': 'digicert-free-1-free',
        domains: 'intl.example.com',
      }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::.*input 'product-code'.*China site only.*region ap-southeast-1/);
    expect(emulator.calls).toHaveLength(0);
  });
});
