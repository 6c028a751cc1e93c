// A tiny stand-in for the Actions cache service (v1 REST protocol, as @actions/cache speaks it with ACTIONS_CACHE_URL)
// on loopback: look up an entry by key or key prefix (newest first), reserve, upload in chunks, commit, download.
// Entries are kept across runs of the action, as a repository's cache is across workflow runs.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeCacheEntry {
  key: string;
  version: string;
  id: number;
  archive: Buffer;
  committed: boolean;
  createdAt: number;
}

export interface FakeCacheService {
  /** ACTIONS_CACHE_URL and ACTIONS_RUNTIME_TOKEN for the action's environment. */
  env: Record<string, string>;
  entries: FakeCacheEntry[];
  close(): Promise<void>;
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeCacheService(): Promise<FakeCacheService> {
  const entries: FakeCacheEntry[] = [];
  let base = '';
  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', base);
    const data = await body(request);
    const json = (status: number, value?: object) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(value ? JSON.stringify(value) : undefined);
    };
    const path = url.pathname.replace(/^\/_apis\/artifactcache\//, '');
    if (request.method === 'GET' && path === 'cache') {
      const keys = (url.searchParams.get('keys') ?? '').split(',');
      const version = url.searchParams.get('version');
      const usable = entries.filter((e) => e.committed && e.version === version).reverse();
      const [primary, ...prefixes] = keys;
      const hit =
        usable.find((e) => e.key === primary) ??
        prefixes.map((p) => usable.find((e) => e.key.startsWith(p))).find(Boolean);
      if (!hit) return json(204);
      return json(200, {
        cacheKey: hit.key,
        scope: 'refs/heads/main',
        creationTime: new Date(hit.createdAt).toISOString(),
        archiveLocation: `${base}/archive/${hit.id}?sig=${randomUUID()}`,
      });
    }
    if (request.method === 'POST' && path === 'caches') {
      const { key, version } = JSON.parse(data.toString('utf8')) as { key: string; version: string };
      if (entries.some((e) => e.key === key && e.version === version)) {
        return json(409, { message: `Cache already exists: ${key}` });
      }
      const entry = {
        key,
        version,
        id: entries.length + 1,
        archive: Buffer.alloc(0),
        committed: false,
        createdAt: Date.now(),
      };
      entries.push(entry);
      return json(201, { cacheId: entry.id });
    }
    const byId = /^caches\/(\d+)$/.exec(path);
    const entry = byId ? entries.find((e) => e.id === Number(byId[1])) : undefined;
    if (entry && request.method === 'PATCH') {
      const start = Number(/bytes (\d+)-/.exec(request.headers['content-range'] ?? '')?.[1] ?? 0);
      const archive = Buffer.alloc(Math.max(entry.archive.length, start + data.length));
      entry.archive.copy(archive);
      data.copy(archive, start);
      entry.archive = archive;
      return json(204);
    }
    if (entry && request.method === 'POST') {
      entry.committed = true;
      return json(204);
    }
    const archive = /^\/archive\/(\d+)$/.exec(url.pathname);
    const stored = archive ? entries.find((e) => e.id === Number(archive[1])) : undefined;
    if (stored && request.method === 'GET') {
      response.writeHead(200, { 'content-length': String(stored.archive.length) });
      return response.end(stored.archive);
    }
    json(404, { message: `no route ${request.method} ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: { ACTIONS_CACHE_URL: `${base}/`, ACTIONS_RUNTIME_TOKEN: 'fake-runtime-token' },
    entries,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
