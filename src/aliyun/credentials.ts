// The one credentials chain, chosen as a whole (never one field from here and one from there):
// the inputs (role inputs first, then access-key inputs with their own security-token), else an OIDC role
// named in the environment, else the first complete access key among the environment's variable families.
import { readFile } from 'node:fs/promises';
import { AliyunApiError } from './errors.js';

export interface AccessKeyCredentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token when the key is temporary. */
  securityToken?: string;
}

/** What the signed client asks before each attempt: the credentials valid now. */
/** STS as the chain needs it (services/sts.ts implements it). */
export interface AssumeRoleRequest {
  roleArn: string;
  oidcProviderArn: string;
  oidcToken: string;
  roleSessionName: string;
  durationSeconds: number;
  /** Registers each part of the answer as a secret before anything else can see it. */
  maskSecret: (value: string) => void;
}

export interface AssumedRole {
  credentials: Required<AccessKeyCredentials>;
  expiresAt: Date;
  assumedRoleArn?: string;
}

export interface StsService {
  assumeRoleWithOidc(req: AssumeRoleRequest): Promise<AssumedRole>;
}

export type CredentialsProvider = () => Promise<AccessKeyCredentials>;

export interface OidcRole {
  roleArn: string;
  oidcProviderArn: string;
  audience: string;
  roleSessionName: string;
  durationSeconds: number;
  /** ALIBABA_CLOUD_OIDC_TOKEN_FILE, read when GitHub's ID-token service is absent (no `id-token: write`). */
  tokenFile?: string;
}

export type CredentialSource =
  | { kind: 'access-key'; from: string; key: Partial<AccessKeyCredentials> }
  | { kind: 'oidc-role'; from: string; role: OidcRole };

/** The families that configure-aliyun-credentials-action and the Alibaba Cloud tools export, in order. */
const ENV_FAMILIES = [
  {
    id: 'ALIBABA_CLOUD_ACCESS_KEY_ID',
    secret: 'ALIBABA_CLOUD_ACCESS_KEY_SECRET',
    tokens: ['ALIBABA_CLOUD_SECURITY_TOKEN'],
  },
  {
    id: 'ALICLOUD_ACCESS_KEY',
    secret: 'ALICLOUD_SECRET_KEY',
    tokens: ['ALICLOUD_SECURITY_TOKEN', 'ALICLOUD_ACCESS_KEY_STS_TOKEN'],
  },
  {
    id: 'ALIBABACLOUD_ACCESS_KEY_ID',
    secret: 'ALIBABACLOUD_ACCESS_KEY_SECRET',
    tokens: ['ALIBABACLOUD_SECURITY_TOKEN'],
  },
] as const;

export interface CredentialInputs {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  roleArn?: string;
  oidcProviderArn?: string;
}

export type RoleSettings = Omit<OidcRole, 'roleArn' | 'oidcProviderArn' | 'tokenFile'>;

/** Pure: picks the one source. A role given by half (arn without provider) is reported by config/config.ts. */
export function chooseCredentialSource(
  inputs: CredentialInputs,
  env: Readonly<Record<string, string | undefined>>,
  settings: RoleSettings,
): CredentialSource {
  const value = (v: string | undefined) => v?.trim() || undefined;
  const envValue = (name: string) => value(env[name]);
  const githubOidc = envValue('ACTIONS_ID_TOKEN_REQUEST_URL') && envValue('ACTIONS_ID_TOKEN_REQUEST_TOKEN');
  const tokenFile = githubOidc ? undefined : envValue('ALIBABA_CLOUD_OIDC_TOKEN_FILE');
  const role = (roleArn: string, oidcProviderArn: string): OidcRole => ({
    roleArn,
    oidcProviderArn,
    ...settings,
    ...(tokenFile ? { tokenFile } : {}),
  });
  const roleArn = value(inputs.roleArn);
  const providerArn = value(inputs.oidcProviderArn);
  if (roleArn || providerArn) {
    return { kind: 'oidc-role', from: 'inputs', role: role(roleArn ?? '', providerArn ?? '') };
  }
  const keyId = value(inputs.accessKeyId);
  const keySecret = value(inputs.accessKeySecret);
  const token = value(inputs.securityToken);
  // Any key input picks the inputs: what they lack is reported, never filled in from the environment.
  if (keyId || keySecret || token) {
    const key: Partial<AccessKeyCredentials> = { accessKeyId: keyId, accessKeySecret: keySecret };
    if (token) key.securityToken = token;
    return { kind: 'access-key', from: 'inputs', key };
  }
  const envRole = envValue('ALIBABA_CLOUD_ROLE_ARN');
  const envProvider = envValue('ALIBABA_CLOUD_OIDC_PROVIDER_ARN');
  if (envRole && envProvider) {
    return {
      kind: 'oidc-role',
      from: 'environment (ALIBABA_CLOUD_ROLE_ARN)',
      role: role(envRole, envProvider),
    };
  }
  for (const family of ENV_FAMILIES) {
    const accessKeyId = envValue(family.id);
    const accessKeySecret = envValue(family.secret);
    if (!accessKeyId || !accessKeySecret) continue;
    const securityToken = family.tokens.map(envValue).find(Boolean);
    return {
      kind: 'access-key',
      from: `environment (${family.id})`,
      key: { accessKeyId, accessKeySecret, ...(securityToken ? { securityToken } : {}) },
    };
  }
  return { kind: 'access-key', from: 'nowhere', key: {} };
}

/** Which source signs the calls, for the log and the summary: never a value of it but the role's name. */
export function describeCredentialSource(source: CredentialSource): string {
  if (source.kind === 'access-key') {
    return `access key from ${source.from}${source.key.securityToken ? ', with its security token' : ''}`;
  }
  const token = source.role.tokenFile ? 'ID token from ALIBABA_CLOUD_OIDC_TOKEN_FILE' : "the job's ID token";
  return `OIDC role ${source.role.roleArn} (from ${source.from}, ${token})`;
}

/** Every secret value of every environment family, to mask before anything is printed. */
export function environmentSecrets(env: Readonly<Record<string, string | undefined>>): string[] {
  return ENV_FAMILIES.flatMap((f) => [f.secret, ...f.tokens])
    .map((name) => env[name]?.trim())
    .filter((v): v is string => Boolean(v));
}

export interface ProviderDeps {
  sts: StsService;
  /** GitHub's ID token for an audience (aliyun/github-id-token.ts), asked only when a role is used. */
  getIdToken: (audience: string, deadline?: number) => Promise<string>;
  /** Epoch ms: the run's deadline, which the token request keeps to. */
  deadline?: number;
  maskSecret: (value: string) => void;
  now?: () => number;
}

/** Renew this long before the temporary key expires, so no call is signed with a key about to lapse. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60_000;

export function createCredentialsProvider(source: CredentialSource, deps: ProviderDeps): CredentialsProvider {
  if (source.kind === 'access-key') {
    const key = source.key as AccessKeyCredentials;
    for (const secret of [key.accessKeySecret, key.securityToken]) if (secret) deps.maskSecret(secret);
    return async () => key;
  }
  const now = deps.now ?? Date.now;
  const { role } = source;
  let current: AssumedRole | undefined;
  let pending: Promise<AssumedRole> | undefined;
  const assume = async (): Promise<AssumedRole> => {
    const oidcToken = role.tokenFile
      ? (await readFile(role.tokenFile, 'utf8')).trim()
      : await deps.getIdToken(role.audience, deps.deadline);
    deps.maskSecret(oidcToken);
    return deps.sts
      .assumeRoleWithOidc({
        roleArn: role.roleArn,
        oidcProviderArn: role.oidcProviderArn,
        oidcToken,
        roleSessionName: role.roleSessionName,
        durationSeconds: role.durationSeconds,
        maskSecret: deps.maskSecret,
      })
      .catch((error: unknown) => {
        throw withTokenSubject(error, oidcToken);
      });
  };
  return async () => {
    if (!current || now() >= current.expiresAt.getTime() - RENEW_BEFORE_EXPIRY_MS) {
      pending ??= assume().finally(() => {
        pending = undefined;
      });
      current = await pending;
    }
    return current.credentials;
  };
}

/** A refusal by STS, with the `sub` of the token it refused (read from the payload, unverified; nothing else). */
function withTokenSubject(error: unknown, idToken: string): unknown {
  if (!(error instanceof AliyunApiError) || error.status === undefined) return error;
  const subject = idTokenSubject(idToken);
  if (subject === undefined) return error;
  return new AliyunApiError({
    action: error.action,
    code: error.code,
    message: error.message,
    ...(error.status === undefined ? {} : { status: error.status }),
    ...(error.requestId === undefined ? {} : { requestId: error.requestId }),
    ...(error.recommend === undefined ? {} : { recommend: error.recommend }),
    outcomeUnknown: error.outcomeUnknown,
    deadlineReached: error.deadlineReached,
    idTokenSubject: subject,
    cause: error,
  });
}

export function idTokenSubject(idToken: string): string | undefined {
  try {
    const payload = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8'));
    return typeof payload?.sub === 'string' && payload.sub !== '' ? payload.sub.slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
