// One request at a time (a POST to the service; a GET for GitHub's ID token), over Node's own http/https: loading
// undici costs more than the rest of a no-op run (README, "Development"). undici is imported only when the
// environment names a proxy, for its EnvHttpProxyAgent (HTTPS_PROXY / HTTP_PROXY, honouring NO_PROXY), as
// self-hosted runners behind a proxy need.
import type { Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Dispatcher } from 'undici';
import { plainHttpProblem } from './plain-http.js';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface TransportTimeouts {
  connectMs: number;
  headersMs: number;
  /** Between two pieces of the body: re-armed on each, so totalMs bounds the whole. */
  bodyMs: number;
  /** The whole request, however the answer trickles in. */
  totalMs: number;
}

export interface RequestLimits {
  /** Epoch ms: the request is abandoned then, whatever its timers say (the run's deadline, docs/faults.md). */
  deadline?: number | undefined;
}

/** What the products are called with: RPC posts; ROA products also put and delete; GitHub's token is a GET. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Transport {
  /** A body is sent with its content-length; without one, none. */
  request(
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
    body?: string,
    limits?: RequestLimits,
  ): Promise<HttpAnswer>;
  close(): Promise<void>;
}

/** The client's timeouts unless a caller sets its own (RpcClientOptions.timeouts). */
export const DEFAULT_TIMEOUTS: TransportTimeouts = {
  connectMs: 10_000,
  headersMs: 30_000,
  bodyMs: 30_000,
  totalMs: 60_000,
};

/** No answer of these APIs comes near it (a page of 100 records, a certificate with its chain and key). */
export const MAX_ANSWER_BYTES = 8 * 1024 * 1024;

/**
 * Errors carry `code`: CONNECT_TIMEOUT, DEADLINE_PASSED and PLAIN_HTTP mean nothing was sent; HEADERS_TIMEOUT, BODY_TIMEOUT,
 * ANSWER_TIMEOUT, DEADLINE and ANSWER_TOO_LARGE mean it may have run.
 */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]));
}

/** The order undici's EnvHttpProxyAgent reads them in: https URLs fall back to the http proxy. */
const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];
const HTTP_PROXY_VARIABLES = ['http_proxy', 'HTTP_PROXY'];

/** The variable whose proxy a request to `url` goes through, and the proxy's host:port (never its credentials). */
export function proxyFor(
  url: URL,
  env: NodeJS.ProcessEnv = process.env,
): { variable: string; hostPort: string } | undefined {
  const names = url.protocol === 'https:' ? PROXY_VARIABLES : HTTP_PROXY_VARIABLES;
  const variable = names.find((name) => Boolean(env[name]));
  if (!variable || bypassesProxy(url, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  return { variable, hostPort: proxyHostPort(env[variable] ?? '') };
}

/** The one line a proxied run logs: which variables, which proxies (host:port only). */
export function describeProxies(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const https = ['https_proxy', 'HTTPS_PROXY'].find((name) => Boolean(env[name]));
  const http = HTTP_PROXY_VARIABLES.find((name) => Boolean(env[name]));
  const parts = [
    https && `${https} (${proxyHostPort(env[https] ?? '')}) for https`,
    http && `${http} (${proxyHostPort(env[http] ?? '')}) for ${https ? 'http' : 'http and https'}`,
  ].filter(Boolean);
  if (parts.length === 0) return undefined;
  const noProxy = (env.no_proxy ?? env.NO_PROXY) ? ', except the hosts in NO_PROXY' : '';
  return `Proxy in use: ${parts.join(', ')}${noProxy}.`;
}

function proxyHostPort(value: string): string {
  try {
    const url = new URL(value);
    return url.port ? `${url.hostname}:${url.port}` : url.hostname;
  } catch {
    return 'an unreadable URL';
  }
}

/** NO_PROXY as undici reads it: `*`, or host[:port] entries (a leading `.` or `*.` for a domain and its hosts). */
function bypassesProxy(url: URL, noProxy: string): boolean {
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  return noProxy
    .split(/[,\s]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [host = '', entryPort] = entry.toLowerCase().split(/:(?=\d+$)/);
      if (entryPort && entryPort !== port) return false;
      const bare = host.replace(/^\*?\./, '');
      return url.hostname === bare || url.hostname.endsWith(`.${bare}`);
    });
}

export function createTransport(timeouts: TransportTimeouts = DEFAULT_TIMEOUTS): Transport {
  return proxyConfigured() ? new ProxyTransport(timeouts) : new NodeTransport(timeouts);
}

/** Built-ins through getBuiltinModule: on Node 24 a static `import 'node:http'` also loads Node's internal undici. */
function builtin<T>(id: 'node:http' | 'node:https'): T {
  return process.getBuiltinModule(id) as T;
}

class NodeTransport implements Transport {
  private readonly agents = new Map<string, HttpAgent>();

  constructor(private readonly timeouts: TransportTimeouts) {}

  request(
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
    body?: string,
    limits: RequestLimits = {},
  ): Promise<HttpAnswer> {
    const target = new URL(url);
    const refused = refusal(target, limits, this.timeouts);
    if (refused instanceof TransportError) return Promise.reject(refused);
    const client = builtin<typeof import('node:http')>(
      target.protocol === 'https:' ? 'node:https' : 'node:http',
    );
    let agent = this.agents.get(target.protocol);
    if (!agent) {
      agent = new client.Agent({ keepAlive: true });
      this.agents.set(target.protocol, agent);
    }
    const payload = body === undefined ? undefined : Buffer.from(body);
    const { connectMs, headersMs, bodyMs } = this.timeouts;
    return new Promise((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const settle = () => {
        clearTimeout(timer);
        clearTimeout(whole);
      };
      // Rejected with this error before the socket's own (a reset, an abort) can take its place.
      const fail = (error: Error) => {
        settle();
        reject(error);
        request.destroy(error);
      };
      const arm = (ms: number, code: string, what: string) => {
        clearTimeout(timer);
        timer = setTimeout(() => fail(new TransportError(code, `${what} within ${ms} ms`)), ms);
      };
      // The idle timers re-arm on every piece; this one does not (a byte every few seconds cannot hold the run).
      const whole = setTimeout(() => fail(refused.error()), refused.ms);
      const request = client.request(target, {
        method,
        agent,
        headers: payload ? { ...headers, 'content-length': String(payload.length) } : headers,
      });
      arm(connectMs, 'CONNECT_TIMEOUT', 'no connection');
      request.on('socket', (socket) => {
        const connected = () => arm(headersMs, 'HEADERS_TIMEOUT', 'no answer');
        if (!socket.connecting) connected();
        else socket.once(target.protocol === 'https:' ? 'secureConnect' : 'connect', connected);
      });
      request.on('response', (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let bytes = 0;
        arm(bodyMs, 'BODY_TIMEOUT', 'no body');
        if (Number(response.headers['content-length'] ?? 0) > MAX_ANSWER_BYTES) {
          fail(tooLarge());
          return;
        }
        response.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes > MAX_ANSWER_BYTES) {
            fail(tooLarge());
            return;
          }
          chunks.push(chunk);
          arm(bodyMs, 'BODY_TIMEOUT', 'no body');
        });
        response.on('end', () => {
          settle();
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', (error) => {
          settle();
          reject(error);
        });
      });
      request.on('error', (error) => {
        settle();
        reject(error);
      });
      request.end(payload);
    });
  }

  async close(): Promise<void> {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}

class ProxyTransport implements Transport {
  private dispatcher: Promise<{ agent: Dispatcher; request: typeof import('undici').request }> | undefined;

  constructor(private readonly timeouts: TransportTimeouts) {}

  private load() {
    this.dispatcher ??= import('undici').then(({ EnvHttpProxyAgent, request }) => ({
      request,
      agent: withoutExperimentalWarning(
        () =>
          new EnvHttpProxyAgent({
            keepAliveTimeout: 10_000,
            connect: { timeout: this.timeouts.connectMs },
            headersTimeout: this.timeouts.headersMs,
            bodyTimeout: this.timeouts.bodyMs,
          }),
      ),
    }));
    return this.dispatcher;
  }

  async request(
    method: HttpMethod,
    url: string,
    headers: Record<string, string>,
    body?: string,
    limits: RequestLimits = {},
  ): Promise<HttpAnswer> {
    const target = new URL(url);
    const refused = refusal(target, limits, this.timeouts);
    if (refused instanceof TransportError) throw refused;
    const { agent, request } = await this.load();
    const abort = new AbortController();
    const whole = setTimeout(() => abort.abort(refused.error()), refused.ms);
    try {
      const response = await request(url, { method, headers, body, dispatcher: agent, signal: abort.signal });
      if (Number(response.headers['content-length'] ?? 0) > MAX_ANSWER_BYTES) throw tooLarge();
      const chunks: Buffer[] = [];
      let bytes = 0;
      for await (const chunk of response.body as AsyncIterable<Buffer>) {
        bytes += chunk.length;
        if (bytes > MAX_ANSWER_BYTES) throw tooLarge();
        chunks.push(chunk);
      }
      return {
        status: response.statusCode,
        headers: response.headers as IncomingHttpHeaders,
        text: Buffer.concat(chunks).toString('utf8'),
      };
    } catch (cause) {
      abort.abort();
      throw throughProxy(cause, target);
    } finally {
      clearTimeout(whole);
    }
  }

  async close(): Promise<void> {
    // destroy, not close: close waits for what is in flight, and an abandoned tunnel may never end.
    if (this.dispatcher) await (await this.dispatcher).agent.destroy();
  }
}

/**
 * Why a request may not start (plain http off loopback, the deadline gone), or when it must be abandoned: the
 * earlier of the caller's deadline and the request's own total time.
 */
function refusal(
  target: URL,
  limits: RequestLimits,
  timeouts: TransportTimeouts,
): TransportError | { ms: number; error: () => TransportError } {
  const plainHttp = plainHttpProblem(target);
  if (plainHttp) return new TransportError('PLAIN_HTTP', `${target.origin}: an endpoint ${plainHttp}`);
  const untilDeadline =
    limits.deadline === undefined ? Number.POSITIVE_INFINITY : limits.deadline - Date.now();
  if (untilDeadline <= 0)
    return new TransportError('DEADLINE_PASSED', "not sent: this run's deadline has passed");
  if (untilDeadline < timeouts.totalMs) {
    return {
      ms: untilDeadline,
      error: () => new TransportError('DEADLINE', "no complete answer by this run's deadline"),
    };
  }
  return {
    ms: timeouts.totalMs,
    error: () => new TransportError('ANSWER_TIMEOUT', `no complete answer within ${timeouts.totalMs} ms`),
  };
}

function tooLarge(): TransportError {
  return new TransportError('ANSWER_TOO_LARGE', `the answer exceeded ${MAX_ANSWER_BYTES / 1024 / 1024} MiB`);
}

/** A failure of a proxied request names the proxy and the variable that set it (never the proxy's credentials). */
function throughProxy(cause: unknown, target: URL): unknown {
  const proxy = proxyFor(target);
  if (cause instanceof TransportError || !proxy) return cause;
  const { code, message } = (cause ?? {}) as { code?: string; message?: string };
  return new TransportError(
    code ?? 'PROXY_ERROR',
    `${message ?? String(cause)}, through the proxy ${proxy.hostPort} that ${proxy.variable} sets`,
    { cause },
  );
}

/** undici says once that EnvHttpProxyAgent is experimental: a warning for its users, not for this action's log. */
function withoutExperimentalWarning<T>(make: () => T): T {
  const emitWarning = process.emitWarning;
  process.emitWarning = ((warning: string | Error, ...rest: unknown[]) => {
    const code = (rest[0] as { code?: string } | undefined)?.code;
    if (code === 'UNDICI-EHPA') return;
    (emitWarning as (...args: unknown[]) => void).call(process, warning, ...rest);
  }) as typeof process.emitWarning;
  try {
    return make();
  } finally {
    process.emitWarning = emitWarning;
  }
}
