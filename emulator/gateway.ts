// The API gateway: parses RPC requests and authenticates them (ROA requests too: emulator/roa.ts routes them), as
// Alibaba Cloud's POP gateway does.
// Two signature styles: RPC v1 (HMAC-SHA1 over sorted params) and ACS3-HMAC-SHA256 (Authorization header).
// Written independently of src/: a signing bug shared by client and emulator would otherwise pass every test.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Clock } from './clock.js';
import { parseSignatureTimestamp, parseUrlEncoded, percentEncode } from './encoding.js';
import { ApiError, missingParameter } from './errors.js';

export interface AccessKey {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS: when set, every request must carry exactly this token. */
  securityToken?: string;
  /** STS: token expiry (ms since epoch, gateway clock). */
  securityTokenExpiresAt?: number;
  disabled?: boolean;
}

export interface IncomingCall {
  method: string;
  path: string;
  rawQuery: string;
  /** Lower-cased header name -> every value received. */
  headers: Record<string, string[]>;
  body: Buffer;
}

export type SignatureStyle = 'rpc-v1' | 'acs3';

export interface ParsedCall {
  style: SignatureStyle;
  action?: string;
  version?: string;
  /** Query and form-body parameters, percent-decoded (body wins on a clash). */
  params: Map<string, string>;
}

export interface AuthenticatedCall extends ParsedCall {
  action: string;
  version: string;
  accessKeyId: string;
}

const V1_COMMON_PARAMS = [
  'Action',
  'Version',
  'AccessKeyId',
  'SignatureMethod',
  'SignatureVersion',
  'SignatureNonce',
  'Timestamp',
  'Signature',
] as const;
const ACS3_REQUIRED_HEADERS = [
  'x-acs-action',
  'x-acs-version',
  'x-acs-date',
  'x-acs-signature-nonce',
  'x-acs-content-sha256',
] as const;
const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';
const DEFAULT_WINDOW_MS = 15 * 60_000;

function firstHeader(call: IncomingCall, name: string): string | undefined {
  return call.headers[name]?.[0];
}

function isFormBody(call: IncomingCall): boolean {
  const contentType = firstHeader(call, 'content-type') ?? '';
  return call.body.length > 0 && contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
}

function sameSecret(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** RPC v1 string to sign: METHOD&%2F&encode(sorted k=v joined by &), every name and value RFC 3986 encoded. */
export function rpcStringToSign(method: string, params: Map<string, string>): string {
  const pairs = [...params.entries()]
    .filter(([name]) => name !== 'Signature')
    .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const canonical = pairs.map(([name, value]) => `${name}=${value}`).join('&');
  return `${method}&${percentEncode('/')}&${percentEncode(canonical)}`;
}

interface Acs3Authorization {
  algorithm: string;
  accessKeyId: string;
  signedHeaders: string[];
  signature: string;
}

function parseAcs3Authorization(header: string): Acs3Authorization | undefined {
  const match = /^(\S+)\s+(.*)$/.exec(header.trim());
  if (!match) return undefined;
  const [, algorithm = '', rest = ''] = match;
  const fields = new Map<string, string>();
  for (const part of rest.split(',')) {
    const equals = part.indexOf('=');
    if (equals === -1) return undefined;
    fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const credential = fields.get('Credential');
  const signedHeaders = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeaders || !signature) return undefined;
  return { algorithm, accessKeyId: credential, signedHeaders: signedHeaders.split(';'), signature };
}

export interface GatewayOptions {
  keys: AccessKey[];
  clock: Clock;
  knownVersions: readonly string[];
  /** Allowed distance between the request's timestamp and the gateway's clock. Default 15 minutes. */
  timestampWindowMs?: number;
}

export class Gateway {
  private readonly keys = new Map<string, AccessKey>();
  /** accessKeyId -> nonce -> time (gateway clock) after which it may be forgotten. */
  private readonly seenNonces = new Map<string, Map<string, number>>();
  private readonly windowMs: number;

  constructor(private readonly options: GatewayOptions) {
    for (const key of options.keys) this.keys.set(key.accessKeyId, key);
    this.windowMs = options.timestampWindowMs ?? DEFAULT_WINDOW_MS;
  }

  setKey(key: AccessKey): void {
    this.keys.set(key.accessKeyId, key);
  }

  removeKey(accessKeyId: string): void {
    this.keys.delete(accessKeyId);
  }

  /** Extracts style, action, version and parameters; throws only on undecodable input. */
  parse(call: IncomingCall): ParsedCall {
    const params = new Map<string, string>(parseUrlEncoded(call.rawQuery));
    if (isFormBody(call))
      for (const [name, value] of parseUrlEncoded(call.body.toString('utf8'))) params.set(name, value);
    const authorization = firstHeader(call, 'authorization') ?? '';
    if (authorization.startsWith('ACS3-')) {
      const parsed: ParsedCall = { style: 'acs3', params };
      const action = firstHeader(call, 'x-acs-action') ?? params.get('Action');
      const version = firstHeader(call, 'x-acs-version') ?? params.get('Version');
      if (action !== undefined) parsed.action = action;
      if (version !== undefined) parsed.version = version;
      return parsed;
    }
    const parsed: ParsedCall = { style: 'rpc-v1', params };
    const action = params.get('Action');
    const version = params.get('Version');
    if (action !== undefined) parsed.action = action;
    if (version !== undefined) parsed.version = version;
    return parsed;
  }

  /** Checks signature, time window, nonce and credentials. Throws ApiError as the real gateway would. */
  authenticate(call: IncomingCall, parsed: ParsedCall): AuthenticatedCall {
    return parsed.style === 'acs3'
      ? this.authenticateAcs3(call, parsed)
      : this.authenticateRpcV1(call, parsed);
  }

  private authenticateRpcV1(call: IncomingCall, parsed: ParsedCall): AuthenticatedCall {
    const { params } = parsed;
    for (const name of V1_COMMON_PARAMS) if (!params.get(name)) throw missingParameter(name);
    const get = (name: (typeof V1_COMMON_PARAMS)[number]) => params.get(name) ?? '';
    this.checkVersion(get('Version'));
    this.checkFormat(params.get('Format'));
    if (get('SignatureMethod') !== 'HMAC-SHA1') {
      throw new ApiError(
        400,
        'IncompleteSignature',
        `SignatureMethod "${get('SignatureMethod')}" is not supported; use HMAC-SHA1.`,
      );
    }
    if (get('SignatureVersion') !== '1.0') {
      throw new ApiError(
        400,
        'IncompleteSignature',
        `SignatureVersion "${get('SignatureVersion')}" is not supported; use 1.0.`,
      );
    }
    this.checkTimestamp(get('Timestamp'));
    const key = this.lookUpKey(get('AccessKeyId'), params.get('SecurityToken'));
    const stringToSign = rpcStringToSign(call.method, params);
    const expected = createHmac('sha1', `${key.accessKeySecret}&`)
      .update(stringToSign, 'utf8')
      .digest('base64');
    if (!sameSecret(expected, get('Signature'))) {
      throw new ApiError(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}`,
      );
    }
    this.useNonce(key.accessKeyId, get('SignatureNonce'));
    return { ...parsed, action: get('Action'), version: get('Version'), accessKeyId: key.accessKeyId };
  }

  private authenticateAcs3(call: IncomingCall, parsed: ParsedCall): AuthenticatedCall {
    for (const name of ACS3_REQUIRED_HEADERS) if (!firstHeader(call, name)) throw missingParameter(name);
    const header = (name: string) => firstHeader(call, name) ?? '';
    this.checkVersion(header('x-acs-version'));
    const authorization = parseAcs3Authorization(header('authorization'));
    if (!authorization) {
      throw new ApiError(
        400,
        'IncompleteSignature',
        'The request signature does not conform to Aliyun standards.',
      );
    }
    if (authorization.algorithm !== ACS3_ALGORITHM) {
      throw new ApiError(
        400,
        'IncompleteSignature',
        `Signature algorithm "${authorization.algorithm}" is not supported; use ${ACS3_ALGORITHM}.`,
      );
    }
    for (const required of ['host', ...ACS3_REQUIRED_HEADERS]) {
      if (!authorization.signedHeaders.includes(required)) {
        throw new ApiError(
          400,
          'IncompleteSignature',
          `Header "${required}" must be listed in SignedHeaders.`,
        );
      }
    }
    this.checkTimestamp(header('x-acs-date'));
    const key = this.lookUpKey(authorization.accessKeyId, firstHeader(call, 'x-acs-security-token'));

    const payloadHash = createHash('sha256').update(call.body).digest('hex');
    if (header('x-acs-content-sha256') !== payloadHash) {
      throw new ApiError(
        400,
        'SignatureDoesNotMatch',
        'The x-acs-content-sha256 header does not match the request body.',
      );
    }
    const canonicalRequest = this.acs3CanonicalRequest(
      call,
      authorization.signedHeaders,
      header('x-acs-content-sha256'),
    );
    const stringToSign = `${ACS3_ALGORITHM}\n${createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;
    const expected = createHmac('sha256', key.accessKeySecret).update(stringToSign, 'utf8').digest('hex');
    if (!sameSecret(expected, authorization.signature)) {
      throw new ApiError(
        400,
        'SignatureDoesNotMatch',
        `Specified signature is not matched with our calculation. server string to sign is:${stringToSign}, canonical request is:${canonicalRequest}`,
      );
    }
    this.useNonce(key.accessKeyId, header('x-acs-signature-nonce'));
    return {
      ...parsed,
      action: header('x-acs-action'),
      version: header('x-acs-version'),
      accessKeyId: key.accessKeyId,
    };
  }

  /** Canonical request of ACS3: method, URI, sorted query, signed headers (lower-cased, trimmed), their names, payload hash. */
  private acs3CanonicalRequest(call: IncomingCall, signedHeaders: string[], payloadHash: string): string {
    const canonicalUri = call.path === '' ? '/' : call.path;
    const canonicalQuery = parseUrlEncoded(call.rawQuery)
      .map(([name, value]) => [percentEncode(name), percentEncode(value)] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([name, value]) => `${name}=${value}`)
      .join('&');
    const sortedNames = [...signedHeaders].map((name) => name.toLowerCase()).sort();
    const canonicalHeaders = sortedNames
      .map((name) => {
        const values = (call.headers[name] ?? ['']).map((value) => value.trim()).sort();
        return `${name}:${values.join(',')}\n`;
      })
      .join('');
    return [
      call.method,
      canonicalUri,
      canonicalQuery,
      canonicalHeaders,
      sortedNames.join(';'),
      payloadHash,
    ].join('\n');
  }

  private checkVersion(version: string): void {
    if (!this.options.knownVersions.includes(version)) {
      throw new ApiError(400, 'InvalidVersion', `Specified parameter Version "${version}" is not valid.`);
    }
  }

  private checkFormat(format: string | undefined): void {
    if (format !== undefined && format.toUpperCase() !== 'JSON') {
      throw new ApiError(
        400,
        'InvalidParameter.Format',
        `Format "${format}" is not supported by this emulator; use JSON.`,
      );
    }
  }

  private checkTimestamp(text: string): void {
    const at = parseSignatureTimestamp(text);
    if (at === undefined) {
      throw new ApiError(
        400,
        'InvalidTimeStamp.Format',
        `Specified time stamp or date value "${text}" is not well formatted.`,
      );
    }
    if (Math.abs(this.options.clock.gatewayNow() - at) > this.windowMs) {
      throw new ApiError(
        400,
        'InvalidTimeStamp.Expired',
        `Specified time stamp or date value "${text}" is expired.`,
      );
    }
  }

  /** The key a request names, as the RPC checks find it (OSS checks its own signature: emulator/oss.ts). */
  lookUpKey(accessKeyId: string, securityToken: string | undefined): AccessKey {
    const key = this.keys.get(accessKeyId);
    if (!key) throw new ApiError(404, 'InvalidAccessKeyId.NotFound', 'Specified access key is not found.');
    if (key.disabled)
      throw new ApiError(400, 'InvalidAccessKeyId.Inactive', 'Specified access key is disabled.');
    if (key.securityToken !== undefined) {
      if (securityToken === undefined || !sameSecret(key.securityToken, securityToken)) {
        throw new ApiError(
          400,
          'InvalidSecurityToken.MismatchWithAccessKey',
          'Specified SecurityToken mismatch with the AccessKey.',
        );
      }
      if (
        key.securityTokenExpiresAt !== undefined &&
        this.options.clock.gatewayNow() >= key.securityTokenExpiresAt
      ) {
        throw new ApiError(400, 'InvalidSecurityToken.Expired', 'Specified SecurityToken is expired.');
      }
    } else if (securityToken !== undefined && securityToken !== '') {
      throw new ApiError(400, 'InvalidSecurityToken.Malformed', 'Specified SecurityToken is malformed.');
    }
    return key;
  }

  /** Records the nonce after a valid signature, so a forged request cannot burn a legitimate nonce. */
  private useNonce(accessKeyId: string, nonce: string): void {
    const now = this.options.clock.gatewayNow();
    let nonces = this.seenNonces.get(accessKeyId);
    if (!nonces) {
      nonces = new Map();
      this.seenNonces.set(accessKeyId, nonces);
    }
    for (const [seen, forgetAt] of nonces) if (forgetAt <= now) nonces.delete(seen);
    if (nonces.has(nonce))
      throw new ApiError(400, 'SignatureNonceUsed', 'Specified signature nonce was used already.');
    // A timestamp can be up to one window ahead or behind, so remember the nonce for two windows.
    nonces.set(nonce, now + 2 * this.windowMs);
  }
}
