// Pure ACS3-HMAC-SHA256 signing, for RPC calls that choose it and for every ROA product (Function Compute 3.0,
// cloud-native API Gateway): the canonical request, the hashed payload, the signed headers and the Authorization
// header, as the official SDKs' `getAuthorization` builds them (test/unit/acs3-signature.test.ts,
// test/unit/sign-oracle.test.ts hold it to their bytes).
import { createHmac } from 'node:crypto';
import type { AccessKeyCredentials } from './credentials.js';
import { percentEncode, type SignedParams, sha256Hex } from './sign.js';

export const ACS3_ALGORITHM = 'ACS3-HMAC-SHA256';

export interface Acs3SignInput {
  method: string;
  /** As sent: path segments already percent-encoded. */
  pathname: string;
  query: SignedParams;
  /** Headers as sent; `host`, `content-type` and `x-acs-*` are signed. */
  headers: SignedParams;
  /** Hex SHA-256 of the body, also sent as `x-acs-content-sha256`. */
  hashedPayload: string;
}

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

/** One request to sign: what the SDKs' `doRequest` puts in its headers, with the date and nonce given. */
export interface Acs3Request {
  method: string;
  /** `fcv3.cn-hangzhou.aliyuncs.com`, `127.0.0.1:8080`: the `host` header, signed. */
  host: string;
  pathname: string;
  query?: SignedParams;
  /** The body as sent (a JSON text, a form); none for a GET. */
  body?: string;
  /** The body's type: `application/json; charset=utf-8` for JSON, as the SDKs send it. */
  contentType?: string;
  action: string;
  version: string;
  /** `YYYY-MM-DDThh:mm:ssZ`. */
  date: string;
  nonce: string;
  /** More headers to send (signed when `x-acs-*`). */
  headers?: Readonly<Record<string, string>>;
}

/**
 * The headers to send, `authorization` among them, and the signature alone (a value an echo must never repeat).
 * A temporary key adds `x-acs-accesskey-id` and `x-acs-security-token`, signed, as the SDKs do.
 */
export function signAcs3(
  request: Acs3Request,
  { accessKeyId, accessKeySecret, securityToken }: AccessKeyCredentials,
): { headers: Record<string, string>; signature: string } {
  const headers: Record<string, string> = {
    host: request.host,
    'x-acs-version': request.version,
    'x-acs-action': request.action,
    'x-acs-date': request.date,
    'x-acs-signature-nonce': request.nonce,
    'x-acs-content-sha256': sha256Hex(request.body ?? ''),
    ...(request.contentType ? { 'content-type': request.contentType } : {}),
    ...(securityToken ? { 'x-acs-accesskey-id': accessKeyId, 'x-acs-security-token': securityToken } : {}),
    ...request.headers,
  };
  const authorization = acs3Authorization(
    {
      method: request.method,
      pathname: request.pathname,
      query: request.query ?? {},
      headers,
      hashedPayload: headers['x-acs-content-sha256'] ?? '',
    },
    accessKeyId,
    accessKeySecret,
  );
  return {
    headers: { ...headers, authorization },
    signature: /Signature=([0-9a-f]+)$/.exec(authorization)?.[1] ?? '',
  };
}

/** A path segment as the SDKs encode it (`*.example.com` → `%2A.example.com`). */
export function encodePathSegment(segment: string): string {
  return percentEncode(segment);
}
