// Pure request signing for Object Storage Service, signature V4 (OSS4-HMAC-SHA256): OSS is REST with its own
// signature, not the RPC gateway's (sign.ts). It must match ali-oss's `authorizationV4` byte for byte
// (test/unit/oss-signature.test.ts).
import { createHash, createHmac } from 'node:crypto';

export const OSS4_ALGORITHM = 'OSS4-HMAC-SHA256';

/** What `x-oss-content-sha256` says when the body is not hashed (OSS accepts it over TLS). */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface OssSignInput {
  method: string;
  /** The bucket (and object) the request addresses, whichever way the URL writes it: the canonical URI `/<bucket>/`. */
  bucket: string;
  object?: string;
  /** The query as sent: a sub-resource with no value (`?cname`) is null. */
  query: Readonly<Record<string, string | null>>;
  /** The headers as sent (any case); `x-oss-date` among them. */
  headers: Readonly<Record<string, string>>;
  /** Headers signed besides content-type, content-md5 and `x-oss-*` (`host`): named in `AdditionalHeaders`. */
  additionalHeaders?: readonly string[];
  /** The bucket's region, as OSS names regions in the scope (`cn-shanghai`; `oss-cn-shanghai` is read as it). */
  region: string;
}

/** RFC 3986 as OSS encodes it: `encodeURIComponent`, plus `!'()*`. */
export function ossEncode(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function lowerCased(headers: Readonly<Record<string, string>>): Map<string, string> {
  return new Map(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

/** The additional headers as signed: lower case, once each, sorted, never those signed anyway. */
export function signedAdditionalHeaders(names: readonly string[] = []): string[] {
  return [...new Set(names.map((name) => name.toLowerCase()))]
    .filter((name) => name !== 'content-type' && name !== 'content-md5' && !name.startsWith('x-oss-'))
    .sort();
}

const standardRegion = (region: string) => region.replace(/^oss-/, '');

export function ossCanonicalRequest(input: OssSignInput): string {
  const headers = lowerCased(input.headers);
  const additional = signedAdditionalHeaders(input.additionalHeaders);
  const uri = ossEncode(`/${input.bucket}/${input.object ?? ''}`).replace(/%2F/g, '/');
  const query = Object.keys(input.query)
    .sort()
    .map((name) => {
      const value = input.query[name];
      return value === null || value === undefined
        ? ossEncode(name)
        : `${ossEncode(name)}=${ossEncode(value)}`;
    })
    .join('&');
  const signed = new Set(additional);
  for (const name of headers.keys()) {
    if (name === 'content-type' || name === 'content-md5' || name.startsWith('x-oss-')) signed.add(name);
  }
  const canonicalHeaders = [...signed]
    .sort()
    .map((name) => `${name}:${(headers.get(name) ?? '').trim()}\n`)
    .join('');
  return [
    input.method.toUpperCase(),
    uri,
    query,
    canonicalHeaders,
    additional.join(';'),
    headers.get('x-oss-content-sha256') || UNSIGNED_PAYLOAD,
  ].join('\n');
}

/** The scope: `<yyyymmdd>/<region>/oss/aliyun_v4_request`. */
export function ossScope(day: string, region: string): string {
  return `${day}/${standardRegion(region)}/oss/aliyun_v4_request`;
}

function dateOf(input: OssSignInput): string {
  const date = lowerCased(input.headers).get('x-oss-date');
  if (!date) throw new Error('an OSS V4 request carries x-oss-date');
  return date;
}

export function ossStringToSign(input: OssSignInput): string {
  const date = dateOf(input);
  const hashed = createHash('sha256').update(ossCanonicalRequest(input)).digest('hex');
  return [OSS4_ALGORITHM, date, ossScope(date.slice(0, 8), input.region), hashed].join('\n');
}

/** The signing key chain: `aliyun_v4<secret>` → day → region → `oss` → `aliyun_v4_request`, then the string. */
export function ossSignature(
  accessKeySecret: string,
  day: string,
  region: string,
  stringToSign: string,
): string {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  const key = ['oss', 'aliyun_v4_request'].reduce(
    (k, part) => hmac(k, part),
    hmac(hmac(`aliyun_v4${accessKeySecret}`, day), standardRegion(region)),
  );
  return createHmac('sha256', key).update(stringToSign).digest('hex');
}

/** The `Authorization` header value. */
export function ossAuthorization(input: OssSignInput, accessKeyId: string, accessKeySecret: string): string {
  const day = dateOf(input).slice(0, 8);
  const signature = ossSignature(accessKeySecret, day, input.region, ossStringToSign(input));
  const additional = signedAdditionalHeaders(input.additionalHeaders);
  const named = additional.length > 0 ? `AdditionalHeaders=${additional.join(';')},` : '';
  return `${OSS4_ALGORITHM} Credential=${accessKeyId}/${ossScope(day, input.region)},${named}Signature=${signature}`;
}

/** `20250417T153912Z`, the form of `x-oss-date`. */
export function ossDate(at: Date): string {
  return at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
}
