// OSS's signature V4 (OSS4-HMAC-SHA256), checked as the service checks it: the canonical request rebuilt from
// what arrived (method, `/<bucket>/`, the query sorted, content-type, content-md5, every `x-oss-*` header and the
// AdditionalHeaders, the payload hash header), the key derived from the secret, day, region and `oss`. Written
// independently of src/ (gateway.ts says why).
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { percentEncode } from './encoding.js';

export const OSS4 = 'OSS4-HMAC-SHA256';

export interface OssAuthorization {
  accessKeyId: string;
  /** yyyymmdd of the scope. */
  day: string;
  region: string;
  product: string;
  additionalHeaders: string[];
  signature: string;
}

/** `OSS4-HMAC-SHA256 Credential=<id>/<day>/<region>/oss/aliyun_v4_request[,AdditionalHeaders=a;b],Signature=<hex>`. */
export function parseOssAuthorization(header: string): OssAuthorization | undefined {
  if (!header.startsWith(`${OSS4} `)) return undefined;
  const fields = new Map<string, string>();
  for (const part of header.slice(OSS4.length + 1).split(',')) {
    const equals = part.indexOf('=');
    if (equals < 0) return undefined;
    fields.set(part.slice(0, equals).trim(), part.slice(equals + 1).trim());
  }
  const credential = fields.get('Credential')?.split('/') ?? [];
  const signature = fields.get('Signature');
  if (credential.length !== 5 || credential[4] !== 'aliyun_v4_request' || !signature) return undefined;
  const [accessKeyId = '', day = '', region = '', product = ''] = credential;
  const additional = fields.get('AdditionalHeaders');
  return {
    accessKeyId,
    day,
    region,
    product,
    additionalHeaders: additional ? additional.split(';').map((name) => name.toLowerCase()) : [],
    signature,
  };
}

export interface ArrivedRequest {
  method: string;
  /** `/<bucket>/` whichever way the URL named the bucket. */
  canonicalUri: string;
  /** Decoded query pairs as they arrived; `cname` and `cname=` are the same sub-resource. */
  query: Array<[string, string]>;
  /** Lower-cased names, first value. */
  headers: Record<string, string>;
}

export function canonicalRequest(request: ArrivedRequest, additionalHeaders: string[]): string {
  const query = request.query
    .map(([name, value]) => [percentEncode(name), value === '' ? '' : percentEncode(value)] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => (value === '' ? name : `${name}=${value}`))
    .join('&');
  const names = new Set(additionalHeaders);
  for (const name of Object.keys(request.headers)) {
    if (name === 'content-type' || name === 'content-md5' || name.startsWith('x-oss-')) names.add(name);
  }
  const lines = [...names]
    .sort()
    .map((name) => `${name}:${(request.headers[name] ?? '').trim()}\n`)
    .join('');
  return [
    request.method,
    request.canonicalUri,
    query,
    lines,
    additionalHeaders.join(';'),
    request.headers['x-oss-content-sha256'] ?? '',
  ].join('\n');
}

export function stringToSign(date: string, scope: string, canonical: string): string {
  return [OSS4, date, scope, createHash('sha256').update(canonical, 'utf8').digest('hex')].join('\n');
}

export function expectedSignature(secret: string, auth: OssAuthorization, toSign: string): string {
  let key: Buffer = createHmac('sha256', `aliyun_v4${secret}`).update(auth.day).digest();
  for (const part of [auth.region, auth.product, 'aliyun_v4_request'])
    key = createHmac('sha256', key).update(part).digest();
  return createHmac('sha256', key).update(toSign, 'utf8').digest('hex');
}

export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** `20250417T153912Z` → epoch ms, or undefined when not that form. */
export function parseOssDate(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (!match) return undefined;
  const [, y, mo, d, h, mi, s] = match;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  return Number.isNaN(ms) ? undefined : ms;
}
