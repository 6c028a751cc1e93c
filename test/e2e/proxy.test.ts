// Self-hosted runners behind a proxy: HTTP(S)_PROXY sends the calls through it, NO_PROXY bypasses it.
// The proxy is a small CONNECT / forwarding proxy on loopback that records what went through it.

import { mkdtemp, writeFile } from 'node:fs/promises';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_OIDC_PROVIDER_ARN, EMULATOR_ROLE_ARN } from '../../emulator/sts.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
let proxy: Server;
let proxyUrl: string;
const seen: string[] = [];

function startProxy(): Promise<Server> {
  const server = createServer((req, res) => {
    // Absolute-form request: forward it.
    seen.push(`${req.method} ${req.url}`);
    const upstream = httpRequest(req.url ?? '', { method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    seen.push(`CONNECT ${req.url}`);
    const [host = '', port = ''] = (req.url ?? '').split(':');
    // Plain http goes to loopback only (docs/security.md): `localhost`, used for one service alone, shows in the
    // CONNECT lines which calls went through the proxy; it is mapped to the emulator's IPv4 address.
    const upstream = connect(Number(port), host === 'localhost' ? '127.0.0.1' : host, () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
  await emulator.cas.seedOrder({ domains: ['proxy.example.com'] });
  proxy = await startProxy();
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
beforeEach(() => {
  seen.length = 0;
  emulator.calls.length = 0;
});
afterAll(async () => {
  proxy.closeAllConnections();
  await new Promise((resolve) => proxy.close(resolve));
  await emulator.close();
});

const inputs = () => emulatorInputs(emulator, { mode: 'status', domains: 'proxy.example.com' });

describe('proxy', () => {
  it.each(['HTTP_PROXY', 'https_proxy'])('sends every call through %s', async (variable) => {
    // The emulator speaks http: HTTP_PROXY applies to it; https_proxy alone must not capture it.
    const run = await runAction(inputs(), { env: { [variable]: proxyUrl } });
    expect(run.exitCode, run.stdout).toBe(0);
    if (variable === 'HTTP_PROXY') {
      expect(emulator.calls.length).toBeGreaterThan(0);
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.every((s) => s.includes(`127.0.0.1:${emulator.port}`))).toBe(true);
    } else {
      expect(seen).toEqual([]);
    }
  });

  it('sends the STS exchange of a keyless run through the proxy too', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'oidc-')), 'token');
    await writeFile(file, emulator.github.mint('sts.aliyuncs.com'));
    const { 'access-key-id': _id, 'access-key-secret': _secret, ...keyless } = inputs();
    const run = await runAction(
      { ...keyless, 'sts-endpoint': `http://localhost:${emulator.port}` },
      {
        env: {
          HTTP_PROXY: proxyUrl,
          ALIBABA_CLOUD_ROLE_ARN: EMULATOR_ROLE_ARN,
          ALIBABA_CLOUD_OIDC_PROVIDER_ARN: EMULATOR_OIDC_PROVIDER_ARN,
          ALIBABA_CLOUD_OIDC_TOKEN_FILE: file,
        },
      },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(emulator.callsTo('AssumeRoleWithOIDC')).toHaveLength(1);
    expect(seen).toContain(`CONNECT localhost:${emulator.port}`);
  });

  it("asks GitHub's ID token service through the proxy too", async () => {
    const { 'access-key-id': _id, 'access-key-secret': _secret, ...keyless } = inputs();
    const tokenUrl = new URL(emulator.idTokenRequestUrl);
    tokenUrl.hostname = 'localhost';
    const run = await runAction(
      {
        ...keyless,
        'role-arn': EMULATOR_ROLE_ARN,
        'oidc-provider-arn': EMULATOR_OIDC_PROVIDER_ARN,
        'sts-endpoint': emulator.url,
      },
      {
        env: {
          HTTP_PROXY: proxyUrl,
          ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl.href,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.github.requestToken,
        },
      },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(seen).toContain(`CONNECT localhost:${emulator.port}`);
    expect(emulator.callsTo('AssumeRoleWithOIDC')).toHaveLength(1);
  });

  it('a keyless run whose proxy is down names the ID token service that did not answer', async () => {
    const { 'access-key-id': _id, 'access-key-secret': _secret, ...keyless } = inputs();
    const run = await runAction(
      { ...keyless, 'role-arn': EMULATOR_ROLE_ARN, 'oidc-provider-arn': EMULATOR_OIDC_PROVIDER_ARN },
      {
        env: {
          HTTP_PROXY: 'http://127.0.0.1:9',
          ACTIONS_ID_TOKEN_REQUEST_URL: emulator.idTokenRequestUrl,
          ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.github.requestToken,
        },
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `::error::Alibaba Cloud SSL certificate: GitHub's ID token service at ${new URL(emulator.idTokenRequestUrl).origin} did not answer (`,
    );
    expect(emulator.calls).toEqual([]);
  });

  it('sends a ROA product its reads and PUT through the proxy (Function Compute 3.0)', async () => {
    const certId =
      (await emulator.cas.seedOrder({ domains: ['fc-proxy.example.com'] })).certificate?.certId ?? '';
    emulator.fc.addDomain({ domainName: 'fc-proxy.example.com', protocol: 'HTTPS' });
    const run = await runAction(
      emulatorInputs(emulator, {
        mode: 'deploy',
        'cert-id': certId,
        deploy: 'fc: fc-proxy.example.com',
        // `localhost` for FC alone: its tunnel shows in the proxy's CONNECT lines.
        'fc-endpoint': `http://localhost:${emulator.port}`,
      }),
      { env: { HTTP_PROXY: proxyUrl } },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(seen).toContain(`CONNECT localhost:${emulator.port}`);
    expect(emulator.callsTo('UpdateCustomDomain').map((c) => c.status)).toEqual([200]);
    expect(emulator.fc.domain('fc-proxy.example.com')?.certConfig?.certName).toBe(`cas-${certId}`);
  });

  it('bypasses the proxy for hosts in NO_PROXY', async () => {
    const run = await runAction(inputs(), { env: { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' } });
    expect(run.exitCode, run.stdout).toBe(0);
    expect(emulator.calls.length).toBeGreaterThan(0);
    expect(seen).toEqual([]);
  });

  it('fails clearly when the proxy is down, without ordering', async () => {
    const run = await runAction(inputs(), { env: { HTTP_PROXY: 'http://127.0.0.1:9' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/NetworkError|no answer/);
    expect(run.stdout).toContain('through the proxy 127.0.0.1:9 that HTTP_PROXY sets');
    expect(emulator.calls).toEqual([]);
  });

  it('logs one line that a proxy is in use: the variable and host:port, never its credentials', async () => {
    const port = (proxy.address() as AddressInfo).port;
    const run = await runAction(inputs(), {
      env: { HTTP_PROXY: `http://proxy-user:proxy-Pa55word@127.0.0.1:${port}` },
    });
    expect(run.exitCode, run.stdout).toBe(0);
    const lines = run.stdout.split('\n').filter((l) => l.includes('Proxy in use'));
    expect(lines).toEqual([`Proxy in use: HTTP_PROXY (127.0.0.1:${port}) for http and https.`]);
    expect(`${run.stdout}${run.stderr}${run.summary}`).not.toMatch(/proxy-user|proxy-Pa55word/);
    // undici's "EnvHttpProxyAgent is experimental" warning is not the user's to read.
    expect(run.stderr).toBe('');
    expect(seen.length).toBeGreaterThan(0);
  });

  it('a proxy that refuses the tunnel is named with HTTPS_PROXY, the variable that set it', async () => {
    const refusing = createServer();
    refusing.on('connect', (_req, socket) => {
      socket.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
    });
    await new Promise<void>((done) => refusing.listen(0, '127.0.0.1', done));
    const port = (refusing.address() as AddressInfo).port;
    try {
      // The default, https endpoints: HTTPS_PROXY is the variable that applies.
      const run = await runAction(
        { ...inputs(), endpoint: '', 'dns-endpoint': '', 'cdn-endpoint': '', 'wait-timeout': '5' },
        { env: { HTTPS_PROXY: `http://127.0.0.1:${port}` } },
      );
      expect(run.exitCode).toBe(1);
      const [error] = run.stdout.split('\n').filter((l) => l.startsWith('::error::'));
      expect(error).toContain(`no answer from https://cas.aliyuncs.com (`);
      expect(error).toContain(`through the proxy 127.0.0.1:${port} that HTTPS_PROXY sets`);
      expect(run.stdout).toContain(`Proxy in use: HTTPS_PROXY (127.0.0.1:${port}) for https.`);
    } finally {
      refusing.closeAllConnections();
      await new Promise((done) => refusing.close(done));
    }
  });
});
