// Pure request signing for Alibaba Cloud RPC APIs: v1 (HMAC-SHA1, SignatureVersion 1.0); ACS3-HMAC-SHA256 is in
// acs3-signature.ts. Both must match the official SDKs byte for byte (see test/unit/sign-oracle.test.ts).
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
