// A real ACME server for the tests: Pebble (Debian package `pebble`), on free loopback ports, validating DNS-01
// against the emulator's DNS server (emulator/dns-server.ts) and HTTP-01 against a loopback web root server.
// Its HTTPS listener has a self-signed certificate made here; the action trusts it through NODE_EXTRA_CA_CERTS
// (Node's TLS reads it at start), which `actionEnv` sets.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { request } from 'node:https';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const PEBBLE_BINARY = process.env.PEBBLE_BINARY || '/usr/bin/pebble';
export const PEBBLE_AVAILABLE = existsSync(PEBBLE_BINARY);
/** The one line a run without Pebble prints for these tests (vitest `describe.skipIf`). */
export const PEBBLE_MISSING = `Pebble not found at ${PEBBLE_BINARY}: ACME tests skipped (apt-get install pebble)`;

export interface PebbleOptions {
  /** The emulator's DNS server (`emulator.dnsServer.address`): where Pebble asks for TXT and A records. */
  dnsServer: string;
  /** The port Pebble's HTTP-01 checks connect to (the web root server's). */
  httpPort?: number;
  /** Percentage of good nonces Pebble rejects as bad (default 0: none). */
  nonceRejectPercent?: number;
  /** External Account Binding required, with these kid → HMAC key (base64url) pairs. */
  eabKeys?: Record<string, string>;
}

export interface Pebble {
  directoryUrl: string;
  /** The PEM of Pebble's self-signed listener certificate (what NODE_EXTRA_CA_CERTS names). */
  tlsCertificatePath: string;
  /** Its key, for a test's own HTTPS front with the same certificate (acme-proxy.ts). */
  tlsKeyPath: string;
  /** Pebble's issuing root, from its management interface (the chain of every certificate verifies to it). */
  rootPem: string;
  intermediatePem: string;
  /** The environment the action's process needs to reach Pebble over HTTPS. */
  actionEnv: Record<string, string>;
  /** GET on the ACME listener (the directory, an order URL), as JSON. */
  getJson(url: string): Promise<Record<string, unknown>>;
  output(): string;
  close(): Promise<void>;
}

async function freePort(): Promise<number> {
  const server = createNetServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

function httpsGet(url: string, ca: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const req = request(url, { ca, timeout: 5_000 }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        body += chunk;
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    req.on('timeout', () => req.destroy(new Error(`timeout: ${url}`)));
    req.end();
  });
}

export async function startPebble(options: PebbleOptions): Promise<Pebble> {
  const dir = await mkdtemp(join(tmpdir(), 'pebble-'));
  const certPath = join(dir, 'cert.pem');
  const keyPath = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-subj',
      '/CN=pebble test listener',
      '-addext',
      'subjectAltName=IP:127.0.0.1,DNS:localhost',
      '-days',
      '2',
      '-keyout',
      keyPath,
      '-out',
      certPath,
    ],
    { stdio: 'ignore' },
  );
  const [listen, management, tlsPort] = [await freePort(), await freePort(), await freePort()];
  const config = {
    pebble: {
      listenAddress: `127.0.0.1:${listen}`,
      managementListenAddress: `127.0.0.1:${management}`,
      certificate: certPath,
      privateKey: keyPath,
      httpPort: options.httpPort ?? (await freePort()),
      tlsPort,
      ocspResponderURL: '',
      externalAccountBindingRequired: options.eabKeys !== undefined,
      ...(options.eabKeys ? { externalAccountMACKeys: options.eabKeys } : {}),
    },
  };
  const configPath = join(dir, 'pebble-config.json');
  await writeFile(configPath, JSON.stringify(config));
  const child: ChildProcess = spawn(PEBBLE_BINARY, ['-config', configPath, '-dnsserver', options.dnsServer], {
    env: {
      PATH: process.env.PATH ?? '',
      PEBBLE_VA_NOSLEEP: '1',
      PEBBLE_WFE_NONCEREJECT: String(options.nonceRejectPercent ?? 0),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const ca = await readFile(certPath, 'utf8');
  const directoryUrl = `https://127.0.0.1:${listen}/dir`;
  const deadline = Date.now() + 15_000;
  for (;;) {
    const answer = await httpsGet(directoryUrl, ca).catch(() => undefined);
    if (answer?.status === 200) break;
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill();
      throw new Error(`Pebble did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const managementGet = async (path: string) => {
    const answer = await httpsGet(`https://127.0.0.1:${management}${path}`, ca);
    if (answer.status !== 200) throw new Error(`Pebble ${path}: ${answer.status} ${answer.body}`);
    return answer.body;
  };
  return {
    directoryUrl,
    tlsCertificatePath: certPath,
    tlsKeyPath: keyPath,
    rootPem: await managementGet('/roots/0'),
    intermediatePem: await managementGet('/intermediates/0'),
    actionEnv: { NODE_EXTRA_CA_CERTS: certPath },
    async getJson(url) {
      const answer = await httpsGet(url, ca);
      return JSON.parse(answer.body) as Record<string, unknown>;
    },
    output: () => output,
    async close() {
      child.kill();
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export interface WebRoot {
  port: number;
  /** Every path asked for. */
  requests: string[];
  close(): Promise<void>;
}

/** Serves files of `root` over plain HTTP on loopback: where an HTTP-01 check (Pebble's) reads the challenge. */
export async function startWebRoot(root: string): Promise<WebRoot> {
  const requests: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    requests.push(path);
    const file = resolve(root, `.${path}`);
    if (!file.startsWith(`${resolve(root)}/`)) {
      res.writeHead(404).end();
      return;
    }
    readFile(file)
      .then((body) => res.writeHead(200, { 'content-type': 'text/plain' }).end(body))
      .catch(() => res.writeHead(404).end());
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}
