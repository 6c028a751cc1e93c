// STS 2015-04-01 AssumeRoleWithOIDC, with the checks the STS error-code page documents: the provider and the
// role exist and trust each other, the JWT is well formed, signed by the provider's issuer, for one of its
// client IDs (audience), not expired; session name and duration within bounds. A granted key is installed in
// the gateway as an STS key: every later call must be signed with it and carry its SecurityToken.
import { type KeyObject, randomBytes, verify } from 'node:crypto';
import type { Clock } from './clock.js';
import { ApiError } from './errors.js';
import type { AccessKey } from './gateway.js';
import { GITHUB_OIDC_ISSUER, type GitHubOidc } from './github-oidc.js';
import type { JsonValue } from './json.js';
import type { ActionHandler, RequestParams } from './params.js';

export const STS_VERSION = '2015-04-01';
export const EMULATOR_ACCOUNT_ID = '1234567890123456';
export const EMULATOR_OIDC_PROVIDER_ARN = `acs:ram::${EMULATOR_ACCOUNT_ID}:oidc-provider/github-actions`;
export const EMULATOR_ROLE_ARN = `acs:ram::${EMULATOR_ACCOUNT_ID}:role/github-certificates`;

export interface OidcProvider {
  arn: string;
  issuer: string;
  clientIds: string[];
  publicKey: KeyObject;
}

export interface Role {
  arn: string;
  /** Providers the trust policy names (Principal.Federated). */
  trustedProviders: string[];
  /** The trust policy's `oidc:sub` StringLike condition (`*` wildcards); undefined: any subject. */
  subjectLike?: string;
  maxSessionDurationSeconds: number;
}

export interface GrantedKey extends Required<Omit<AccessKey, 'disabled'>> {
  roleArn: string;
  roleSessionName: string;
  subject: string;
}

const denied = (message: string) => new ApiError(401, 'AuthenticationFail.NoPermission', message);
const badToken = (suffix: string, message: string) =>
  new ApiError(401, `AuthenticationFail.OIDCToken.${suffix}`, message);

function decodeSegment(segment: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null) return value as Record<string, unknown>;
  } catch {}
  throw badToken('Invalid', 'The Jwt content is invalid that cannot be recognized.');
}

function wildcardMatch(pattern: string, value: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${source.join('.*')}$`).test(value);
}

const isoSeconds = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

export class StsService {
  readonly providers = new Map<string, OidcProvider>();
  readonly roles = new Map<string, Role>();
  readonly granted: GrantedKey[] = [];

  constructor(
    private readonly clock: Clock,
    github: GitHubOidc,
    private readonly installKey: (key: AccessKey) => void,
  ) {
    this.providers.set(EMULATOR_OIDC_PROVIDER_ARN, {
      arn: EMULATOR_OIDC_PROVIDER_ARN,
      issuer: GITHUB_OIDC_ISSUER,
      clientIds: ['sts.aliyuncs.com'],
      get publicKey() {
        return github.publicKey;
      },
    });
    this.roles.set(EMULATOR_ROLE_ARN, {
      arn: EMULATOR_ROLE_ARN,
      trustedProviders: [EMULATOR_OIDC_PROVIDER_ARN],
      subjectLike: 'repo:octo-org/site:*',
      maxSessionDurationSeconds: 3600,
    });
  }

  readonly actions: Record<string, ActionHandler> = {
    AssumeRoleWithOIDC: (p) => this.assumeRoleWithOidc(p),
  };

  /** Actions that take no signature (the OIDC token is the proof). */
  static readonly anonymousActions: ReadonlySet<string> = new Set(['AssumeRoleWithOIDC']);

  private assumeRoleWithOidc(p: RequestParams): Record<string, JsonValue> {
    const providerArn = p.required('OIDCProviderArn');
    const roleArn = p.required('RoleArn');
    const token = p.optional('OIDCToken');
    if (!token) throw badToken('Invalid', 'The OIDCToken can not empty.');
    const sessionName = p.required('RoleSessionName');
    if (!/^[A-Za-z0-9.@_-]{2,64}$/.test(sessionName)) {
      throw new ApiError(400, 'InvalidParameter.RoleSessionName', 'The parameter RoleSessionName is wrong.');
    }
    const provider = this.providers.get(providerArn);
    if (!provider) throw denied('No such OIDC Provider registered.');
    const role = this.roles.get(roleArn);
    if (!role) throw new ApiError(404, 'EntityNotExist.Role', `The role not exists: ${roleArn}.`);
    const durationText = p.optional('DurationSeconds') ?? '3600';
    const duration = Number(durationText);
    if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDurationSeconds) {
      throw new ApiError(
        400,
        'InvalidParameter.DurationSeconds',
        `The Min/Max value of DurationSeconds is 900/${role.maxSessionDurationSeconds} seconds, got ${durationText}.`,
      );
    }

    const claims = this.verifyToken(token, provider);
    if (!role.trustedProviders.includes(providerArn)) denyUntrusted();
    if (role.subjectLike && !wildcardMatch(role.subjectLike, String(claims.sub))) denyUntrusted();

    const now = this.clock.gatewayNow();
    const key: GrantedKey = {
      accessKeyId: `STS.${randomBytes(12).toString('hex')}`,
      accessKeySecret: randomBytes(24).toString('base64url'),
      securityToken: `CAIS${randomBytes(96).toString('base64url')}`,
      securityTokenExpiresAt: now + duration * 1000,
      roleArn,
      roleSessionName: sessionName,
      subject: String(claims.sub),
    };
    this.installKey(key);
    this.granted.push(key);
    return {
      Credentials: {
        AccessKeyId: key.accessKeyId,
        AccessKeySecret: key.accessKeySecret,
        SecurityToken: key.securityToken,
        Expiration: isoSeconds(key.securityTokenExpiresAt),
      },
      AssumedRoleUser: {
        Arn: `${roleArn.replace(':role/', ':assumed-role/')}/${sessionName}`,
        AssumedRoleId: `3${randomBytes(8).toString('hex')}:${sessionName}`,
      },
      OIDCTokenInfo: {
        Issuer: String(claims.iss),
        Subject: String(claims.sub),
        ClientIds: String(claims.aud),
        IssuanceTime: isoSeconds(Number(claims.iat) * 1000),
        ExpirationTime: isoSeconds(Number(claims.exp) * 1000),
      },
      SourceIdentity: '',
    };

    function denyUntrusted(): never {
      throw denied('There is no permission');
    }
  }

  private verifyToken(token: string, provider: OidcProvider): Record<string, unknown> {
    const parts = token.split('.');
    if (parts.length !== 3) {
      throw badToken('Invalid', "The number of Jwt field should be divided into 3 parts with '.' .");
    }
    const [headerText = '', payloadText = '', signatureText = ''] = parts;
    const header = decodeSegment(headerText);
    if (header.alg !== 'RS256') {
      throw badToken(
        'Invalid',
        `The algorithm ${String(header.alg)} that be specified in Jwt header is unknown.`,
      );
    }
    const claims = decodeSegment(payloadText);
    const signed = verify(
      'sha256',
      Buffer.from(`${headerText}.${payloadText}`),
      provider.publicKey,
      Buffer.from(signatureText, 'base64url'),
    );
    if (!signed) throw badToken('InvalidSignature', 'OIDC token validate failed: invalid signature.');
    if (claims.iss !== provider.issuer) throw badToken('IssuerNotMatch', 'Invalid issuer.');
    const audiences = Array.isArray(claims.aud) ? claims.aud.map(String) : [String(claims.aud)];
    if (!audiences.some((aud) => provider.clientIds.includes(aud))) {
      throw badToken('AudienceNotMatch', 'Invalid audience.');
    }
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= this.clock.gatewayNow()) {
      throw badToken('Expired', 'This JsonWebToken is expired.');
    }
    return claims;
  }

  /** A key id that STS handed out (to tell temporary from long-lived keys in the call log). */
  isGranted(accessKeyId: string | undefined): boolean {
    return this.granted.some((key) => key.accessKeyId === accessKeyId);
  }
}
