// ACS3-HMAC-SHA256 for ROA requests, with the official SDK as the oracle: its `getAuthorization` on fixed vectors,
// and the very requests its Function Compute 3.0 client (@alicloud/fc20230330) sends, captured on a loopback
// server: ours, given the same date and nonce, must send the same signed bytes.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { OpenApiUtil } from '@alicloud/openapi-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acs3Authorization, acs3CanonicalRequest, signAcs3 } from '../../src/aliyun/acs3-signature.js';
import { buildRoaRequest, privateKeysIn } from '../../src/aliyun/roa.js';
import { sha256Hex } from '../../src/aliyun/sign.js';

const require = createRequire(import.meta.url);
const fc = require('@alicloud/fc20230330') as Record<string, new (fields: object) => object> & {
  default: new (config: object) => Record<string, (...args: unknown[]) => Promise<unknown>>;
};
const openapiCore = require('@alicloud/openapi-core') as {
  $OpenApiUtil: { Config: new (c: object) => object };
};

const KEY = { accessKeyId: 'LTAI-roa-key', accessKeySecret: 'roa/secret+with=chars&' };
const STS = { ...KEY, securityToken: 'CAIS-token/with+chars==' };
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB+/=\n-----END CERTIFICATE-----\n';
const PRIVATE_KEY = '-----BEGIN PRIVATE KEY-----\nMIIEv+/=abc\n-----END PRIVATE KEY-----\n';

const vectors = [
  {
    name: 'GET a custom domain',
    method: 'GET',
    pathname: '/2023-03-30/custom-domains/api.example.com',
    query: {},
    body: undefined,
    credentials: KEY,
  },
  {
    name: 'GET a wildcard domain with a query',
    method: 'GET',
    pathname: '/2023-03-30/custom-domains/%2A.example.com',
    query: { limit: '20', nextToken: 'a b+c/=*~', prefix: '中文' },
    body: undefined,
    credentials: KEY,
  },
  {
    name: 'PUT a certificate with its key, temporary credentials',
    method: 'PUT',
    pathname: '/2023-03-30/custom-domains/api.example.com',
    query: {},
    body: JSON.stringify({
      certConfig: { certName: 'cas-123', certificate: PEM, privateKey: PRIVATE_KEY },
      protocol: 'HTTP,HTTPS',
      tlsConfig: { minVersion: 'TLSv1.2', cipherSuites: ['TLS_AES_128_GCM_SHA256'] },
    }),
    credentials: STS,
  },
  {
    name: 'PUT with an empty JSON object',
    method: 'PUT',
    pathname: '/v1/domains/d-123',
    query: { force: 'true' },
    body: '{}',
    credentials: STS,
  },
] as const;

describe('ACS3-HMAC-SHA256 of ROA requests against the SDK getAuthorization', () => {
  it.each(vectors.map((v) => [v.name, v] as const))('%s', (_name, v) => {
    const { headers } = signAcs3(
      {
        method: v.method,
        host: 'fcv3.cn-hangzhou.aliyuncs.com',
        pathname: v.pathname,
        query: v.query,
        ...(v.body === undefined ? {} : { body: v.body, contentType: 'application/json; charset=utf-8' }),
        action: 'UpdateCustomDomain',
        version: '2023-03-30',
        date: '2026-12-07T20:00:00Z',
        nonce: 'nonce-fixed-1',
      },
      v.credentials,
    );
    expect(headers['x-acs-content-sha256']).toBe(sha256Hex(v.body ?? ''));
    const unsigned = { ...headers, 'user-agent': 'not-signed', accept: 'application/json' };
    delete (unsigned as Record<string, string>).authorization;
    const theirs = OpenApiUtil.getAuthorization(
      { method: v.method, pathname: v.pathname, query: v.query, headers: unsigned } as never,
      'ACS3-HMAC-SHA256',
      headers['x-acs-content-sha256'] ?? '',
      v.credentials.accessKeyId,
      v.credentials.accessKeySecret,
    );
    expect(headers.authorization).toBe(theirs);
    if ('securityToken' in v.credentials) {
      expect(headers['x-acs-security-token']).toBe(v.credentials.securityToken);
      expect(headers.authorization).toContain('x-acs-security-token');
    }
  });

  it('signs host, content-type and x-acs-* only, sorted, and never the user agent', () => {
    const { signedHeaders, canonicalRequest } = acs3CanonicalRequest({
      method: 'GET',
      pathname: '/2023-03-30/custom-domains/a.example.com',
      query: { b: '2', a: '1' },
      headers: { 'User-Agent': 'x', Host: 'h', 'X-Acs-Date': 'd', 'Content-Type': 't' },
      hashedPayload: sha256Hex(''),
    });
    expect(signedHeaders).toBe('content-type;host;x-acs-date');
    expect(canonicalRequest.split('\n').slice(0, 3)).toEqual([
      'GET',
      '/2023-03-30/custom-domains/a.example.com',
      'a=1&b=2',
    ]);
  });

  it('gives a different signature for another secret', () => {
    const input = { method: 'GET', pathname: '/', query: {}, headers: { host: 'h' }, hashedPayload: '' };
    expect(acs3Authorization(input, 'id', 'one')).not.toBe(acs3Authorization(input, 'id', 'two'));
  });
});

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

describe('ROA requests as the Function Compute 3.0 SDK sends them', () => {
  const captured: Captured[] = [];
  let server: ReturnType<typeof createServer>;
  let host: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        captured.push({
          method: request.method ?? '',
          url: request.url ?? '',
          headers: request.headers,
          body: Buffer.concat(chunks).toString('utf8'),
        });
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('{"domainName":"x"}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const sdkWith = (credentials: typeof KEY | typeof STS) =>
    new fc.default(new openapiCore.$OpenApiUtil.Config({ ...credentials, endpoint: host, protocol: 'http' }));

  const oursFor = (sent: Captured, credentials: typeof KEY | typeof STS, body?: unknown) => {
    const [pathname = '', search = ''] = sent.url.split('?');
    const ours = buildRoaRequest(
      {
        endpoint: `http://${host}`,
        version: '2023-03-30',
        action: String(sent.headers['x-acs-action']),
        method: sent.method as 'GET' | 'PUT',
        path: pathname.split('/').slice(1).map(decodeURIComponent),
        query: Object.fromEntries(new URLSearchParams(search)),
        ...(body === undefined ? {} : { body }),
        changesState: sent.method !== 'GET',
      },
      credentials,
      'ours',
      {
        date: String(sent.headers['x-acs-date']),
        nonce: String(sent.headers['x-acs-signature-nonce']),
        // The SDK names its credentials provider in a signed header of its own; ours sends none.
        headers: { 'x-acs-credentials-provider': String(sent.headers['x-acs-credentials-provider']) },
      },
    );
    return ours;
  };

  it('GetCustomDomain of a wildcard domain: the same path and Authorization', async () => {
    await sdkWith(KEY).getCustomDomain?.('*.example.com');
    const sent = captured.at(-1) as Captured;
    expect(sent.url).toBe('/2023-03-30/custom-domains/%2A.example.com');
    const ours = oursFor(sent, KEY);
    expect(new URL(ours.url).pathname).toBe(sent.url);
    expect(ours.method).toBe('GET');
    expect(ours.body).toBeUndefined();
    expect(ours.headers.authorization).toBe(sent.headers.authorization);
    expect(ours.headers['x-acs-content-sha256']).toBe(sent.headers['x-acs-content-sha256']);
  });

  it('UpdateCustomDomain with temporary credentials: the same body, token headers and Authorization', async () => {
    const CertConfig = fc.CertConfig as new (f: object) => object;
    const Input = fc.UpdateCustomDomainInput as new (f: object) => object;
    const Request = fc.UpdateCustomDomainRequest as new (f: object) => object;
    const request = new Request({
      body: new Input({
        protocol: 'HTTP,HTTPS',
        certConfig: new CertConfig({ certName: 'cas-123', certificate: PEM, privateKey: PRIVATE_KEY }),
      }),
    });
    await sdkWith(STS).updateCustomDomain?.('api.example.com', request);
    const sent = captured.at(-1) as Captured;
    const ours = oursFor(sent, STS, JSON.parse(sent.body));
    expect(ours.body).toBe(sent.body);
    expect(ours.headers['content-type']).toBe(sent.headers['content-type']);
    for (const name of [
      'x-acs-security-token',
      'x-acs-accesskey-id',
      'x-acs-content-sha256',
      'x-acs-version',
    ]) {
      expect(ours.headers[name], name).toBe(sent.headers[name]);
    }
    expect(ours.headers.authorization).toBe(sent.headers.authorization);
    // The key sent is among the values an echo must never repeat, raw and as JSON escapes it.
    expect(ours.secrets).toContain(PRIVATE_KEY);
    expect(ours.secrets).toContain(JSON.stringify(PRIVATE_KEY).slice(1, -1));
  });

  it('finds private keys anywhere in a body', () => {
    expect(privateKeysIn({ a: [{ b: PRIVATE_KEY }], c: PEM, d: 1 })).toEqual([PRIVATE_KEY]);
  });
});
