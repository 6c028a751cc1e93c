// The credentials inputs: one source as a whole (src/aliyun/credentials.ts), and what it lacks.
import { type CredentialSource, chooseCredentialSource } from '../aliyun/credentials.js';
import { idTokenUrlProblem } from '../aliyun/plain-http.js';
import type { InputReader, ReportProblem } from './readers.js';

/** The credentials part: one source as a whole (src/aliyun/credentials.ts), and what it lacks. */
export function parseCredentials(
  read: InputReader,
  env: Readonly<Record<string, string | undefined>>,
  fail: ReportProblem,
): CredentialSource {
  const text = (name: string) => read(name).trim() || undefined;
  const rawDuration = text('role-duration') ?? '3600';
  const durationSeconds = Number(rawDuration);
  const runId = env.GITHUB_RUN_ID?.trim();
  const source = chooseCredentialSource(
    {
      accessKeyId: read('access-key-id'),
      accessKeySecret: read('access-key-secret'),
      securityToken: read('security-token'),
      roleArn: read('role-arn'),
      oidcProviderArn: read('oidc-provider-arn'),
    },
    env,
    {
      audience: text('audience') ?? 'sts.aliyuncs.com',
      roleSessionName: text('role-session-name') ?? `github-${runId || 'local'}`,
      durationSeconds,
    },
  );
  if (source.kind === 'access-key') {
    if (!source.key.accessKeyId) {
      fail('access-key-id', 'is required (or set ALIBABA_CLOUD_ACCESS_KEY_ID, or give role-arn)');
    }
    if (!source.key.accessKeySecret) {
      fail('access-key-secret', 'is required (or set ALIBABA_CLOUD_ACCESS_KEY_SECRET)');
    }
    return source;
  }
  const { role } = source;
  if (!role.roleArn) fail('role-arn', 'is required with oidc-provider-arn');
  else if (!/^acs:ram::\d+:role\/.+/.test(role.roleArn))
    fail('role-arn', `must look like acs:ram::<account id>:role/<name> (got '${role.roleArn}')`);
  if (!role.oidcProviderArn) fail('oidc-provider-arn', 'is required with role-arn');
  else if (!/^acs:ram::\d+:oidc-provider\/.+/.test(role.oidcProviderArn)) {
    fail(
      'oidc-provider-arn',
      `must look like acs:ram::<account id>:oidc-provider/<name> (got '${role.oidcProviderArn}')`,
    );
  }
  if (!Number.isInteger(durationSeconds) || durationSeconds < 900 || durationSeconds > 3600)
    fail('role-duration', `must be a whole number of seconds from 900 to 3600 (got '${rawDuration}')`);
  if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(role.roleSessionName)) {
    fail('role-session-name', `must be 2 to 64 letters, digits or . @ _ - (got '${role.roleSessionName}')`);
  }
  const githubOidc = env.ACTIONS_ID_TOKEN_REQUEST_URL && env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  const tokenUrlProblem =
    githubOidc && !role.tokenFile && idTokenUrlProblem(env.ACTIONS_ID_TOKEN_REQUEST_URL);
  if (tokenUrlProblem) fail('role-arn', `needs GitHub's ID token, and ${tokenUrlProblem}`);
  if (!githubOidc && !role.tokenFile) {
    fail(
      'role-arn',
      'needs a GitHub OIDC token, and this job has none: add `permissions: id-token: write` to the job ' +
        '(or set ALIBABA_CLOUD_OIDC_TOKEN_FILE to a file holding the token)',
    );
  }
  return source;
}
