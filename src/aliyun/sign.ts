// Pure request signing for Alibaba Cloud RPC APIs: v1 (HMAC-SHA1, SignatureVersion 1.0) and ACS3-HMAC-SHA256.
// Both must match the official SDKs byte for byte (see test/unit/sign-oracle.test.ts).
import { createHash, createHmac } from 'node:crypto';
import { isoSeconds } from '../core/time.js';

export type SignedParams = Readonly<Record<string, string>>;

/** RFC 3986 percent-encoding as the SDKs do it: space %20, `*` %2A, `~` kept. */
export function percentEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/** `k=v` pairs sorted by name (UTF-16 order, like the SDKs' `Object.keys().sort()`), each side encoded. */
export function canonicalizeParams(params: SignedParams): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(params[name] ?? '')}`)
    .join('&');
}

export function rpcStringToSign(method: string, params: SignedParams): string {
  return `${method}&${percentEncode('/')}&${percentEncode(canonicalizeParams(params))}`;
}

/** v1 signature over every parameter sent (query and form body together), `Signature` itself excluded. */
export function signRpcV1(method: string, params: SignedParams, accessKeySecret: string): string {
  return createHmac('sha1', `${accessKeySecret}&`).update(rpcStringToSign(method, params)).digest('base64');
}

/** `YYYY-MM-DDThh:mm:ssZ`, the only timestamp form the RPC gateway accepts. */
export const formatTimestamp = isoSeconds;

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export interface Acs3SignInput {
  method: string;
  pathname: string;
  query: SignedParams;
  /** Headers as sent; `host`, `content-type` and `x-acs-*` are signed. */
  headers: SignedParams;
  /** Hex SHA-256 of the body, also sent as `x-acs-content-sha256`. */
  hashedPayload: string;
}

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export function acs3CanonicalRequest(input: Acs3SignInput): {
  canonicalRequest: string;
  signedHeaders: string;
} {
  const uri = input.pathname.replace(/\+/g, '%20').replace(/\*/g, '%2A').replace(/%7E/g, '~');
  const query = Object.keys(input.query)
    .sort()
    .map((name) => `${name}=${percentEncode(input.query[name] ?? '')}`)
    .join('&');
  const signed = new Map<string, string[]>();
  for (const [name, value] of Object.entries(input.headers)) {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-acs-') || lower === 'host' || lower === 'content-type') {
      signed.set(lower, [...(signed.get(lower) ?? []), value.trim()]);
    }
  }
  const names = [...signed.keys()].sort();
  const headerLines = names.map((name) => `${name}:${(signed.get(name) ?? []).sort().join(',')}\n`).join('');
  const signedHeaders = names.join(';');
  return {
    canonicalRequest: [input.method, uri, query, headerLines, signedHeaders, input.hashedPayload].join('\n'),
    signedHeaders,
  };
}

/** The `Authorization` header value, as the SDKs' `getAuthorization` builds it. */
export function acs3Authorization(
  input: Acs3SignInput,
  accessKeyId: string,
  accessKeySecret: string,
): string {
  const { canonicalRequest, signedHeaders } = acs3CanonicalRequest(input);
  const stringToSign = `${ACS3_ALGORITHM}\n${sha256Hex(canonicalRequest)}`;
  const signature = createHmac('sha256', accessKeySecret).update(stringToSign).digest('hex');
  return `${ACS3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${signedHeaders},Signature=${signature}`;
}
