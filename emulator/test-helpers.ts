// Test-only client pieces: a tiny RPC v1 signer (written apart from the gateway's verifier) and the
// official SDK, which is the external oracle for both signature styles.
import { createHmac, randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import type { Emulator } from './server.js';

/** Where to send calls: an in-process emulator or one started by the CLI. */
export type EmulatorTarget = Pick<Emulator, 'url' | 'port' | 'accessKeyId' | 'accessKeySecret'>;

const require = createRequire(import.meta.url);
// CommonJS packages whose named exports ESM cannot see statically; loaded as Node would.
const openapiCore = require('@alicloud/openapi-core') as {
  $OpenApiUtil: { Config: new (config: Record<string, unknown>) => unknown };
};
export const casSdk = require('@alicloud/cas20200407') as Record<
  string,
  new (
    fields: Record<string, unknown>,
  ) => unknown
> & {
  default: new (config: unknown) => CasSdkClient;
};

type SdkCall = (request: unknown) => Promise<{ statusCode: number; body: Record<string, unknown> }>;
/** The operations of @alicloud/cas20200407 that the emulator serves. */
export type CasSdkClient = Record<
  | 'describePackageState'
  | 'createCertificateForPackageRequest'
  | 'createCertificateRequest'
  | 'createCertificateWithCsrRequest'
  | 'describeCertificateState'
  | 'cancelOrderRequest'
  | 'deleteCertificateRequest'
  | 'cancelCertificateForPackageRequest'
  | 'renewCertificateOrderForPackageRequest'
  | 'listUserCertificateOrder'
  | 'uploadUserCertificate'
  | 'getUserCertificateDetail'
  | 'deleteUserCertificate',
  SdkCall
>;

export interface SdkClientOptions {
  style: 'v2' | 'acs3';
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
}

/** The official CAS client pointed at the emulator; `v2` = HMAC-SHA1 RPC, `acs3` = the SDK's default. */
export function casSdkClient(emulator: EmulatorTarget, options: SdkClientOptions): CasSdkClient {
  const config = new openapiCore.$OpenApiUtil.Config({
    accessKeyId: options.accessKeyId ?? emulator.accessKeyId,
    accessKeySecret: options.accessKeySecret ?? emulator.accessKeySecret,
    ...(options.securityToken === undefined ? {} : { securityToken: options.securityToken }),
    endpoint: `127.0.0.1:${emulator.port}`,
    protocol: 'http',
    ...(options.style === 'v2' ? { signatureAlgorithm: 'v2' } : {}),
  });
  return new casSdk.default(config);
}

const dara = require('@darabonba/typescript') as { RuntimeOptions: new (fields: object) => unknown };
const genericSdk = require('@alicloud/openapi-core') as {
  default: new (
    config: unknown,
  ) => {
    callApi(params: unknown, request: unknown, runtime: unknown): Promise<{ body: Record<string, unknown> }>;
  };
  $OpenApiUtil: Record<
    'Config' | 'Params' | 'OpenApiRequest',
    new (
      fields: Record<string, unknown>,
    ) => unknown
  >;
};

/**
 * A ROA operation sent by the official generic client (@alicloud/openapi-core `callApi`, which every product SDK
 * calls, ACS3-signed): for products without an SDK on the registry, with the parameters their Go SDK gives it.
 * Rejects with the SDK's error (its `code`) when the service refuses.
 */
export function callRoaWithSdk(
  emulator: EmulatorTarget,
  request: {
    action: string;
    version: string;
    method: 'GET' | 'PUT' | 'POST' | 'DELETE';
    pathname: string;
    body?: object;
    query?: Record<string, string>;
  },
): Promise<{ body: Record<string, unknown> }> {
  const { Config, Params, OpenApiRequest } = genericSdk.$OpenApiUtil;
  const client = new genericSdk.default(
    new Config({
      accessKeyId: emulator.accessKeyId,
      accessKeySecret: emulator.accessKeySecret,
      endpoint: `127.0.0.1:${emulator.port}`,
      protocol: 'http',
    }),
  );
  return client.callApi(
    new Params({
      action: request.action,
      version: request.version,
      protocol: 'HTTP',
      pathname: request.pathname,
      method: request.method,
      authType: 'AK',
      style: 'ROA',
      reqBodyType: 'json',
      bodyType: 'json',
    }),
    new OpenApiRequest({
      ...(request.body ? { body: request.body } : {}),
      ...(request.query ? { query: request.query } : {}),
    }),
    new dara.RuntimeOptions({}),
  );
}

/** Builds an SDK request model, e.g. sdkRequest('DescribeCertificateStateRequest', { orderId: 1 }). */
export function sdkRequest(model: string, fields: Record<string, unknown> = {}): unknown {
  const Model = casSdk[model];
  if (!Model) throw new Error(`No SDK model ${model}`);
  return new Model(fields);
}

/** Encoding for the string to sign: RFC 3986 unreserved characters stay, everything else is %XX. */
function rfc3986(text: string): string {
  return [...new TextEncoder().encode(text)]
    .map((byte) => {
      const char = String.fromCharCode(byte);
      return /[A-Za-z0-9\-_.~]/.test(char) ? char : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');
}

export function utcTimestamp(at = Date.now()): string {
  return new Date(at).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export interface RpcCallOptions {
  method?: 'GET' | 'POST';
  /** POST: put the operation's parameters in a form body (with `+` for spaces) instead of the query. */
  formBody?: boolean;
  accessKeyId?: string;
  accessKeySecret?: string;
  timestamp?: string;
  nonce?: string;
  /** Replace the computed signature. */
  signature?: string;
  /** Drop these common parameters before signing. */
  omit?: string[];
  extraCommon?: Record<string, string>;
  /** Abort the request after this long. */
  timeoutMs?: number;
}

export interface RpcResult {
  status: number;
  text: string;
  json: Record<string, unknown>;
  headers: Headers;
}

/** Signs and sends an RPC v1 call with plain fetch. */
export async function callRpc(
  emulator: EmulatorTarget,
  version: string,
  action: string,
  params: Record<string, string | number>,
  options: RpcCallOptions = {},
): Promise<RpcResult> {
  const method = options.method ?? 'GET';
  const common: Record<string, string> = {
    Format: 'JSON',
    Version: version,
    AccessKeyId: options.accessKeyId ?? emulator.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    Timestamp: options.timestamp ?? utcTimestamp(),
    SignatureVersion: '1.0',
    SignatureNonce: options.nonce ?? randomUUID(),
    Action: action,
    ...options.extraCommon,
  };
  for (const name of options.omit ?? []) delete common[name];
  const operation = Object.fromEntries(Object.entries(params).map(([name, value]) => [name, String(value)]));
  const all = { ...common, ...operation };
  const canonical = Object.keys(all)
    .sort()
    .map((name) => `${rfc3986(name)}=${rfc3986(all[name] ?? '')}`)
    .join('&');
  const stringToSign = `${method}&${rfc3986('/')}&${rfc3986(canonical)}`;
  const signature =
    options.signature ??
    createHmac('sha1', `${options.accessKeySecret ?? emulator.accessKeySecret}&`)
      .update(stringToSign)
      .digest('base64');
  const query = new URLSearchParams(
    options.formBody ? { ...common, Signature: signature } : { ...all, Signature: signature },
  );
  const init: RequestInit = { method };
  if (options.timeoutMs !== undefined) init.signal = AbortSignal.timeout(options.timeoutMs);
  if (options.formBody) {
    init.body = new URLSearchParams(operation).toString(); // URLSearchParams writes spaces as '+'
    init.headers = { 'content-type': 'application/x-www-form-urlencoded' };
  }
  const response = await fetch(`${emulator.url}/?${query.toString()}`, init);
  const text = await response.text();
  let json: Record<string, unknown> = {};
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    // malformed bodies are asserted on through `text`
  }
  return { status: response.status, text, json, headers: response.headers };
}

/** Convenience for CAS calls. */
export function callCas(
  emulator: EmulatorTarget,
  action: string,
  params: Record<string, string | number> = {},
  options?: RpcCallOptions,
): Promise<RpcResult> {
  return callRpc(emulator, '2020-04-07', action, params, options);
}

/** The raw digits of a numeric JSON field, read from the text (JSON.parse would round Longs above 2^53). */
export function rawJsonNumber(text: string, field: string): string | undefined {
  return new RegExp(`"${field}":(-?\\d+)`).exec(text)?.[1];
}

/** The SHA-256 fingerprint (`AB:CD:…`) of the leaf a loopback HTTPS front serves for `servername`. */
export async function servedFingerprint(port: number, servername: string): Promise<string> {
  const { connect } = await import('node:tls');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false }, () => {
      const leaf = socket.getPeerX509Certificate();
      socket.end();
      if (leaf) resolve(leaf.fingerprint256);
      else reject(new Error('no certificate served'));
    });
    socket.on('error', reject);
  });
}
