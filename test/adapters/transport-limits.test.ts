// The transport's limits over loopback, direct and through a proxy (undici): an absolute deadline that a trickling
// answer cannot stretch, the 8 MiB answer cap, plain http off loopback refused before anything is sent.
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTransport,
  describeProxies,
  proxyFor,
  type Transport,
  TransportError,
} from '../../src/aliyun/transport.js';

let server: Server;
let proxy: Server;
let base: string;
let proxyUrl: string;
let proxied = 0;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/trickle') {
      res.writeHead(200, { 'content-length': '1000' });
      const drip = setInterval(() => res.write(' '), 100);
      res.on('close', () => clearInterval(drip));
    } else if (req.url === '/huge') {
      res.writeHead(200);
      const mebibyte = Buffer.alloc(1024 * 1024, 0x20);
      for (let i = 0; i < 9; i++) res.write(mebibyte);
      res.end();
    } else {
      res.end('{}');
    }
  });
  // A forwarding proxy (absolute-form requests and CONNECT tunnels), counting what goes through it.
  proxy = createServer((req, res) => {
    proxied++;
    const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  // undici tunnels plain http through CONNECT too.
  proxy.on('connect', (req, socket, head) => {
    proxied++;
    const [host = '', port = ''] = (req.url ?? '').split(':');
    const upstream = connect(Number(port), host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  await Promise.all([server, proxy].map((s) => new Promise<void>((done) => s.listen(0, '127.0.0.1', done))));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterAll(async () => {
  for (const s of [server, proxy]) {
    s.closeAllConnections();
    await new Promise((done) => s.close(done));
  }
});

/**
 * Runs `use` with a transport built with HTTP_PROXY set (the proxy transport, which reads it at its first request)
 * or without (Node's own); the variable is restored after.
 */
async function withTransport<T>(kind: 'direct' | 'proxied', use: (t: Transport) => Promise<T>): Promise<T> {
  const saved = process.env.HTTP_PROXY;
  if (kind === 'proxied') process.env.HTTP_PROXY = proxyUrl;
  else delete process.env.HTTP_PROXY;
  const transport = createTransport();
  try {
    return await use(transport);
  } finally {
    await transport.close();
    if (saved === undefined) delete process.env.HTTP_PROXY;
    else process.env.HTTP_PROXY = saved;
  }
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as TransportError,
  );

describe.each(['direct', 'proxied'] as const)('%s transport', (kind) => {
  it('abandons a trickling answer at the deadline, though bytes keep coming', async () => {
    const started = Date.now();
    const error = await withTransport(kind, (t) =>
      failureOf(t.request('GET', `${base}/trickle`, {}, undefined, { deadline: Date.now() + 800 })),
    );
    expect(error?.code).toBe('DEADLINE');
    expect(Date.now() - started).toBeLessThan(3_000);
    if (kind === 'proxied') expect(error?.message).toContain("no complete answer by this run's deadline");
  });

  it('does not send at all once the deadline has passed', async () => {
    const before = proxied;
    const error = await withTransport(kind, (t) =>
      failureOf(t.request('GET', `${base}/`, {}, undefined, { deadline: Date.now() - 1 })),
    );
    expect(error?.code).toBe('DEADLINE_PASSED');
    expect(proxied).toBe(before);
  });

  it('cuts an answer off past 8 MiB', async () => {
    const error = await withTransport(kind, (t) => failureOf(t.request('GET', `${base}/huge`, {})));
    expect(error?.code).toBe('ANSWER_TOO_LARGE');
    expect(error?.message).toBe('the answer exceeded 8 MiB');
  });

  it('answers within the limits, through the proxy when one is set', async () => {
    const before = proxied;
    const answer = await withTransport(kind, (t) => t.request('GET', `${base}/`, {}));
    expect(answer.text).toBe('{}');
    expect(proxied - before).toBe(kind === 'proxied' ? 1 : 0);
  });

  it('refuses plain http off loopback before connecting', async () => {
    const before = proxied;
    const error = await withTransport(kind, (t) =>
      failureOf(t.request('POST', 'http://cas.example.net/', {}, 'x')),
    );
    expect(error).toBeInstanceOf(TransportError);
    expect(error?.code).toBe('PLAIN_HTTP');
    expect(error?.message).toContain('plain http is allowed for loopback only');
    expect(proxied).toBe(before);
  });
});

describe('which proxy a request takes', () => {
  it('follows undici: https falls back to the http proxy; NO_PROXY bypasses; credentials never shown', () => {
    const env = {
      HTTP_PROXY: 'http://user:secret@proxy.corp:3128',
      NO_PROXY: 'internal.corp,.svc.local:8443',
    };
    expect(proxyFor(new URL('https://cas.aliyuncs.com'), env)).toEqual({
      variable: 'HTTP_PROXY',
      hostPort: 'proxy.corp:3128',
    });
    expect(proxyFor(new URL('https://a.internal.corp'), env)).toBeUndefined();
    expect(proxyFor(new URL('https://x.svc.local:8443'), env)).toBeUndefined();
    expect(proxyFor(new URL('https://x.svc.local'), env)).toEqual({
      variable: 'HTTP_PROXY',
      hostPort: 'proxy.corp:3128',
    });
    expect(proxyFor(new URL('https://cas.aliyuncs.com'), { ...env, HTTPS_PROXY: 'http://tls.corp' })).toEqual(
      {
        variable: 'HTTPS_PROXY',
        hostPort: 'tls.corp',
      },
    );
    expect(proxyFor(new URL('http://127.0.0.1:1'), { HTTPS_PROXY: 'http://tls.corp' })).toBeUndefined();
    expect(describeProxies(env)).toBe(
      'Proxy in use: HTTP_PROXY (proxy.corp:3128) for http and https, except the hosts in NO_PROXY.',
    );
    expect(describeProxies({})).toBeUndefined();
  });
});
