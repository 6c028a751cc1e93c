// A ROA request (a product addressed by method and path, JSON in and out: Function Compute 3.0, cloud-native API
// Gateway), signed with ACS3-HMAC-SHA256 as the official SDKs sign it. The signed client (rpc.ts) sends it with
// the same credentials, retries, deadline and error reading as every RPC call.
import { randomUUID } from 'node:crypto';
import { encodePathSegment, signAcs3 } from './acs3-signature.js';
import type { AccessKeyCredentials } from './credentials.js';
import { formatTimestamp, percentEncode } from './sign.js';

export type RoaMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

export interface RoaRequest {
  /** `https://fcv3.cn-hangzhou.aliyuncs.com`, `http://127.0.0.1:8080`, or a bare host (then https). */
  endpoint: string;
  version: string;
  /** The operation's name (`UpdateCustomDomain`): sent as `x-acs-action`, named by errors and the debug log. */
  action: string;
  method: RoaMethod;
  /** Segments as given, each encoded here: `['2023-03-30', 'custom-domains', '*.example.com']`. */
  path: readonly string[];
  query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** Sent as JSON. */
  body?: unknown;
  /** True for a write: retried only when it surely did not run (as RpcRequest.changesState). */
  changesState: boolean;
  /** Epoch ms after which no retry is started. */
  deadline?: number;
}

export interface SignedHttpRequest {
  method: RoaMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /** Values an answer must never repeat: signature, nonce, key id, secret, token, a private key sent. */
  secrets: string[];
}

export function buildRoaRequest(
  req: RoaRequest,
  key: AccessKeyCredentials,
  userAgent: string,
  /** Fixed by the tests (the SDK's date, nonce and its own headers); else now and a fresh nonce. */
  now: { date: string; nonce: string; headers?: Record<string, string> } = {
    date: formatTimestamp(new Date()),
    nonce: randomUUID(),
  },
): SignedHttpRequest {
  const base = new URL(/^https?:\/\//.test(req.endpoint) ? req.endpoint : `https://${req.endpoint}`);
  const pathname = `/${req.path.map(encodePathSegment).join('/')}`;
  const query: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.query ?? {})) {
    if (value !== undefined) query[name] = String(value);
  }
  const body = req.body === undefined ? undefined : JSON.stringify(req.body);
  const { headers, signature } = signAcs3(
    {
      method: req.method,
      host: base.host,
      pathname,
      query,
      ...(body === undefined ? {} : { body, contentType: 'application/json; charset=utf-8' }),
      action: req.action,
      version: req.version,
      ...now,
    },
    key,
  );
  const { host: _host, ...sent } = headers;
  const search = Object.keys(query)
    .sort()
    .map((name) => `${percentEncode(name)}=${percentEncode(query[name] ?? '')}`)
    .join('&');
  return {
    method: req.method,
    url: `${base.origin}${pathname}${search ? `?${search}` : ''}`,
    headers: { ...sent, accept: 'application/json', 'user-agent': userAgent },
    ...(body === undefined ? {} : { body }),
    secrets: [
      signature,
      now.nonce,
      key.accessKeyId,
      key.accessKeySecret,
      key.securityToken ?? '',
      ...privateKeysIn(req.body).flatMap((pem) => [pem, JSON.stringify(pem).slice(1, -1)]),
    ],
  };
}

/** Every string in a body that holds a private key (FC's `certConfig.privateKey`): as secret as the credentials. */
export function privateKeysIn(value: unknown): string[] {
  if (typeof value === 'string') return value.includes('PRIVATE KEY') ? [value] : [];
  if (Array.isArray(value)) return value.flatMap(privateKeysIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(privateKeysIn);
  return [];
}
