// A tiny stand-in for the Actions artifact service (v4 protocol, as @actions/artifact speaks it) on loopback:
// twirp CreateArtifact / FinalizeArtifact, and the blob upload (Put Block, Put Block List, or Put Blob) at the
// signed URL it hands out. It keeps each uploaded zip so that tests can open it.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inflateRawSync } from 'node:zlib';

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';

export interface FakeArtifact {
  name: string;
  id: number;
  zip: Buffer;
  finalized: boolean;
  /** CreateArtifact's `expiresAt` (RFC 3339), absent when the repository's retention applies. */
  expiresAt?: string;
}

export interface FakeArtifactService {
  /** ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL for the action's environment. */
  env: Record<string, string>;
  artifacts: FakeArtifact[];
  close(): Promise<void>;
}

/** An unsigned JWT (the library decodes, never verifies it) with the Actions.Results scope. */
function runtimeToken(): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const scp = `Actions.GenericRead Actions.Results:${randomUUID()}:${randomUUID()}`;
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ scp })}.`;
}

async function body(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startFakeArtifactService(): Promise<FakeArtifactService> {
  const artifacts: FakeArtifact[] = [];
  const blocks = new Map<string, Buffer>();
  let base = '';

  const json = (response: ServerResponse, status: number, value: object) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(value));
  };
  const blobDone = (response: ServerResponse, status = 201) => {
    response.writeHead(status, {
      etag: `"${randomUUID()}"`,
      'last-modified': new Date().toUTCString(),
      'x-ms-request-id': randomUUID(),
      'x-ms-version': '2025-01-05',
      'x-ms-request-server-encrypted': 'true',
    });
    response.end();
  };

  const server: Server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', base);
    const data = await body(request);
    if (request.method === 'POST' && url.pathname.startsWith(TWIRP_PREFIX)) {
      const call = url.pathname.slice(TWIRP_PREFIX.length);
      const payload = JSON.parse(data.toString('utf8') || '{}') as { name?: string; expires_at?: string };
      if (call === 'CreateArtifact') {
        const artifact = {
          name: payload.name ?? '',
          id: artifacts.length + 1,
          zip: Buffer.alloc(0),
          finalized: false,
          // The library sends proto field names (useProtoFieldName).
          ...(payload.expires_at ? { expiresAt: payload.expires_at } : {}),
        };
        artifacts.push(artifact);
        return json(response, 200, { ok: true, signedUploadUrl: `${base}/blob/${artifact.id}?sig=fake` });
      }
      if (call === 'FinalizeArtifact') {
        const artifact = artifacts.find((a) => a.name === payload.name);
        if (!artifact) return json(response, 404, { code: 'not_found', msg: 'no such artifact' });
        artifact.finalized = true;
        return json(response, 200, { ok: true, artifactId: String(artifact.id) });
      }
      return json(response, 404, { code: 'bad_route', msg: call });
    }
    const blob = /^\/blob\/(\d+)$/.exec(url.pathname);
    const artifact = blob ? artifacts.find((a) => a.id === Number(blob[1])) : undefined;
    if (request.method === 'PUT' && artifact) {
      const comp = url.searchParams.get('comp');
      if (comp === 'block') {
        blocks.set(`${artifact.id}/${url.searchParams.get('blockid')}`, data);
        return blobDone(response);
      }
      if (comp === 'blocklist') {
        const ids = [...data.toString('utf8').matchAll(/<(?:Latest|Uncommitted|Committed)>([^<]*)</g)].map(
          (m) => m[1] ?? '',
        );
        artifact.zip = Buffer.concat(ids.map((id) => blocks.get(`${artifact.id}/${id}`) ?? Buffer.alloc(0)));
        return blobDone(response);
      }
      artifact.zip = data;
      return blobDone(response);
    }
    response.writeHead(404);
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    env: { ACTIONS_RUNTIME_TOKEN: runtimeToken(), ACTIONS_RESULTS_URL: `${base}/` },
    artifacts,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The entries of a zip file (stored or deflated), read from its central directory. */
export function readZip(zip: Buffer): Map<string, Buffer> {
  const entries = new Map<string, Buffer>();
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart =
      localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const raw = zip.subarray(dataStart, dataStart + compressedSize);
    entries.set(name, method === 8 ? inflateRawSync(raw) : Buffer.from(raw));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
