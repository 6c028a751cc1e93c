// A hostile endpoint for the trust tests (docs/security.md): a loopback server in front of the emulator that
// forwards every request unchanged (so signatures still verify) and lets a test rewrite or stretch the answer.
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ForwardedCall {
  /** The RPC `Action` (query or form body), or '' for other requests. */
  action: string;
  method: string;
  path: string;
  /** Query and form parameters of the request. */
  params: URLSearchParams;
}

export interface ServiceAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What a test does to an answer: return a changed one, or take over the response (trickle, hang, huge). */
export type Rewrite = (
  call: ForwardedCall,
  answer: ServiceAnswer,
  response: ServerResponse,
) => ServiceAnswer | 'handled' | undefined | Promise<ServiceAnswer | 'handled' | undefined>;

export interface HostileProxy {
  url: string;
  /** Every call forwarded, in order. */
  calls: ForwardedCall[];
  /** Replaces the rewrite (undefined: forward unchanged). */
  setRewrite(rewrite: Rewrite | undefined): void;
  close(): Promise<void>;
}

/** Rewrites the JSON answers of one action: `edit` changes the parsed body in place or returns a new one. */
export function rewriteJson(
  action: string,
  edit: (body: Record<string, unknown>, call: ForwardedCall) => Record<string, unknown> | undefined,
): Rewrite {
  return (call, answer) => {
    if (call.action !== action || answer.status >= 400) return undefined;
    const body = JSON.parse(answer.body) as Record<string, unknown>;
    const edited = edit(body, call) ?? body;
    return { ...answer, body: JSON.stringify(edited) };
  };
}

function readBody(incoming: IncomingMessage): Promise<Buffer> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (c: Buffer) => chunks.push(c));
    incoming.on('end', () => done(Buffer.concat(chunks)));
    incoming.on('error', fail);
  });
}

function forward(target: URL, incoming: IncomingMessage, body: Buffer): Promise<ServiceAnswer> {
  return new Promise((done, fail) => {
    const outgoing = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: incoming.method,
        path: incoming.url,
        headers: { ...incoming.headers, host: target.host },
      },
      async (answer) => {
        const text = (await readBody(answer)).toString('utf8');
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(answer.headers)) {
          if (
            typeof value === 'string' &&
            !['content-length', 'transfer-encoding', 'connection'].includes(name)
          )
            headers[name] = value;
        }
        done({ status: answer.statusCode ?? 502, headers, body: text });
      },
    );
    outgoing.on('error', fail);
    outgoing.end(body);
  });
}

export async function startHostileProxy(targetUrl: string, rewrite?: Rewrite): Promise<HostileProxy> {
  const target = new URL(targetUrl);
  let current = rewrite;
  const calls: ForwardedCall[] = [];
  const server = createServer(async (incoming, response) => {
    try {
      const body = await readBody(incoming);
      const url = new URL(incoming.url ?? '/', 'http://127.0.0.1');
      const params = new URLSearchParams(url.search);
      const type = String(incoming.headers['content-type'] ?? '');
      if (type.includes('x-www-form-urlencoded'))
        for (const [k, v] of new URLSearchParams(body.toString('utf8'))) params.append(k, v);
      const call: ForwardedCall = {
        action: params.get('Action') ?? '',
        method: incoming.method ?? 'GET',
        path: url.pathname,
        params,
      };
      calls.push(call);
      const answer = await forward(target, incoming, body);
      const changed = current ? await current(call, answer, response) : undefined;
      if (changed === 'handled') return;
      const sent = changed ?? answer;
      response.writeHead(sent.status, { ...sent.headers, 'content-length': Buffer.byteLength(sent.body) });
      response.end(sent.body);
    } catch (error) {
      response.writeHead(502).end(String(error));
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    setRewrite: (next) => {
      current = next;
    },
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}
