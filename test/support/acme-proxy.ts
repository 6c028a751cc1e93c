// A front for Pebble that loses answers: HTTPS with Pebble's own listener certificate (so the action trusts it as
// it trusts Pebble), forwarding every request unchanged, Host included (Pebble builds its URLs from it, so every URL
// it gives names this front), and for the requests `lose` picks, forwarding them and then cutting the connection
// instead of answering: the CA acted, the client never hears of it.
import { readFile } from 'node:fs/promises';
import { createServer, request } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Pebble } from './pebble.js';

export interface AnsweredRequest {
  method: string;
  path: string;
  /** Pebble's status; `lost` when the front cut the answer. */
  status: number;
  lost: boolean;
}

export interface AcmeProxy {
  directoryUrl: string;
  requests: AnsweredRequest[];
  close(): Promise<void>;
}

/** What the front adds to Pebble: endpoints of its own (ARI, which Pebble 2.4 lacks), and answers rewritten. */
export interface ProxyExtras {
  /** Answers a request itself (JSON), or undefined to forward it. */
  answer?: (
    method: string,
    path: string,
  ) => { status: number; json: unknown; headers?: Record<string, string> } | undefined;
  /** Rewrites the body of Pebble's answer to `path`. */
  rewrite?: (path: string, body: string) => string;
}

export async function startAcmeProxy(
  pebble: Pebble,
  lose: (method: string, path: string, seen: AnsweredRequest[]) => boolean,
  extras: ProxyExtras = {},
): Promise<AcmeProxy> {
  const [cert, key] = await Promise.all([
    readFile(pebble.tlsCertificatePath, 'utf8'),
    readFile(pebble.tlsKeyPath, 'utf8'),
  ]);
  const target = new URL(pebble.directoryUrl);
  const requests: AnsweredRequest[] = [];
  const server = createServer({ cert, key }, (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => {
      const method = incoming.method ?? 'GET';
      const path = incoming.url ?? '/';
      const local = extras.answer?.(method, path);
      if (local) {
        requests.push({ method, path, status: local.status, lost: false });
        outgoing.writeHead(local.status, { 'content-type': 'application/problem+json', ...local.headers });
        outgoing.end(JSON.stringify(local.json));
        return;
      }
      const cut = lose(method, path, requests);
      const forwarded = request(
        { host: target.hostname, port: target.port, method, path, headers: incoming.headers, ca: cert },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            requests.push({ method, path, status: answer.statusCode ?? 0, lost: cut });
            if (cut) {
              incoming.socket.destroy();
              return;
            }
            const text = Buffer.concat(body).toString('utf8');
            const sent = extras.rewrite ? extras.rewrite(path, text) : text;
            const { 'content-length': _, ...headers } = answer.headers;
            outgoing.writeHead(answer.statusCode ?? 502, headers);
            outgoing.end(sent);
          });
        },
      );
      forwarded.on('error', () => outgoing.destroy());
      forwarded.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    directoryUrl: `https://127.0.0.1:${port}${target.pathname}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
