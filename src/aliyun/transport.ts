// One request at a time (a POST to the service; a GET for GitHub's ID token), over Node's own http/https: loading
// undici costs more than the rest of a no-op run (README, "Development"). undici is imported only when the
// environment names a proxy, for its EnvHttpProxyAgent (HTTPS_PROXY / HTTP_PROXY, honouring NO_PROXY), as
// self-hosted runners behind a proxy need.
import type { Agent as HttpAgent, IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Dispatcher } from 'undici';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

export interface TransportTimeouts {
  connectMs: number;
  headersMs: number;
  bodyMs: number;
}

export interface Transport {
  /** A body is sent with its content-length; without one, none. */
  request(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpAnswer>;
  close(): Promise<void>;
}

/** The client's timeouts unless a caller sets its own (RpcClientOptions.timeouts). */
export const DEFAULT_TIMEOUTS: TransportTimeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

/** Errors carry `code`: CONNECT_TIMEOUT means nothing was sent; HEADERS_TIMEOUT / BODY_TIMEOUT mean it may have run. */
export class TransportError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const PROXY_VARIABLES = ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'];

export function proxyConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return PROXY_VARIABLES.some((name) => Boolean(env[name]));
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
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpAnswer> {
    const target = new URL(url);
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
      const arm = (ms: number, code: string, what: string) => {
        clearTimeout(timer);
        timer = setTimeout(() => request.destroy(new TransportError(code, `${what} within ${ms} ms`)), ms);
      };
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
        arm(bodyMs, 'BODY_TIMEOUT', 'no body');
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          arm(bodyMs, 'BODY_TIMEOUT', 'no body');
        });
        response.on('end', () => {
          clearTimeout(timer);
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            text: Buffer.concat(chunks).toString('utf8'),
          });
        });
        response.on('error', (error) => {
          clearTimeout(timer);
          reject(error);
        });
      });
      request.on('error', (error) => {
        clearTimeout(timer);
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
      agent: new EnvHttpProxyAgent({
        keepAliveTimeout: 10_000,
        connect: { timeout: this.timeouts.connectMs },
        headersTimeout: this.timeouts.headersMs,
        bodyTimeout: this.timeouts.bodyMs,
      }),
    }));
    return this.dispatcher;
  }

  async request(
    method: 'GET' | 'POST',
    url: string,
    headers: Record<string, string>,
    body?: string,
  ): Promise<HttpAnswer> {
    const { agent, request } = await this.load();
    const response = await request(url, { method, headers, body, dispatcher: agent });
    return {
      status: response.statusCode,
      headers: response.headers as IncomingHttpHeaders,
      text: await response.body.text(),
    };
  }

  async close(): Promise<void> {
    if (this.dispatcher) await (await this.dispatcher).agent.close();
  }
}
