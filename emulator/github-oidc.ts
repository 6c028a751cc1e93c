// A loopback stand-in for GitHub's ID-token service (what `permissions: id-token: write` gives a job):
// ACTIONS_ID_TOKEN_REQUEST_URL answers `{ "value": <JWT> }` to a GET with the request token as Bearer,
// as @actions/core's getIDToken expects. Tokens are RS256 JWTs signed by this issuer's own key.
import { generateKeyPairSync, type KeyObject, randomUUID, sign } from 'node:crypto';
import type { ServerResponse } from 'node:http';

export const GITHUB_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';
export const ID_TOKEN_PATH = '/_github/id-token';

export interface IdTokenClaims {
  iss: string;
  aud: string;
  sub: string;
  exp: number;
  iat: number;
  nbf: number;
  jti: string;
  repository: string;
  run_id: string;
  [claim: string]: string | number;
}

const base64url = (data: Buffer | string) => Buffer.from(data).toString('base64url');

export class GitHubOidc {
  /** What the job's ACTIONS_ID_TOKEN_REQUEST_TOKEN must be. */
  readonly requestToken = `ghs_${randomUUID().replace(/-/g, '')}`;
  /** Knobs for tests: the token's subject, lifetime, and a clock offset for minted tokens. */
  subject = 'repo:octo-org/site:ref:refs/heads/main';
  lifetimeSeconds = 300;
  issuedAtOffsetMs = 0;
  /** Every token handed out, to check that none of them is printed. */
  readonly issued: string[] = [];
  private keys?: { privateKey: KeyObject; publicKey: KeyObject };

  /** The issuer's verification key (what a RAM OIDC provider fetches from the issuer's JWKS). */
  get publicKey(): KeyObject {
    return this.keyPair().publicKey;
  }

  mint(audience: string, overrides: Partial<IdTokenClaims> = {}): string {
    const iat = Math.floor((Date.now() + this.issuedAtOffsetMs) / 1000);
    const claims: IdTokenClaims = {
      jti: randomUUID(),
      sub: this.subject,
      aud: audience,
      repository: 'octo-org/site',
      run_id: '4242',
      iss: GITHUB_OIDC_ISSUER,
      nbf: iat - 5,
      iat,
      exp: iat + this.lifetimeSeconds,
      ...overrides,
    };
    const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'emulator' }));
    const payload = base64url(JSON.stringify(claims));
    const signature = sign('sha256', Buffer.from(`${header}.${payload}`), this.keyPair().privateKey);
    const token = `${header}.${payload}.${base64url(signature)}`;
    this.issued.push(token);
    return token;
  }

  /** GET ACTIONS_ID_TOKEN_REQUEST_URL&audience=…: the runner's token service. */
  handle(method: string, url: URL, authorization: string | undefined, response: ServerResponse): void {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    if (method !== 'GET') reply(405, { message: 'GET only' });
    else if (authorization !== `Bearer ${this.requestToken}`) reply(401, { message: 'Bad credentials' });
    // GitHub's default audience is the repository owner's URL; callers set it explicitly.
    else
      reply(200, {
        count: 1,
        value: this.mint(url.searchParams.get('audience') ?? 'https://github.com/octo-org'),
      });
  }

  private keyPair() {
    this.keys ??= generateKeyPairSync('rsa', { modulusLength: 2048 });
    return this.keys;
  }
}
