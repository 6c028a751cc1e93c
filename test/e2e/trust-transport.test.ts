// Trust nothing the endpoint says (SECURITY.md, docs/faults.md), end to end through `node dist/index.js`: the key
// leaves the runner encrypted with a strong key derivation, credentials never travel over plain http off the
// machine, and a hostile endpoint (test/support/hostile-proxy.ts) cannot hold the run past its deadline or fill its
// memory.
import { execFileSync, spawnSync } from 'node:child_process';
import { createPrivateKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EMULATOR_OIDC_PROVIDER_ARN, EMULATOR_ROLE_ARN } from '../../emulator/sts.js';
import {
  createEmulator,
  createValidationRecordsByHand,
  type Emulator,
  emulatorInputs,
} from '../support/fixtures.js';
import { type HostileProxy, rewriteJson, startHostileProxy } from '../support/hostile-proxy.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
let proxy: HostileProxy;
let counter = 0;
const freshDomain = (label: string) => `${label}-${++counter}.example.com`;

beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
  await emulator.cas.seedOrder({ domains: ['held.example.com'] });
  proxy = await startHostileProxy(emulator.url);
});
beforeEach(() => {
  emulator.calls.length = 0;
  emulator.faults.clear();
  proxy.setRewrite(undefined);
  proxy.calls.length = 0;
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
});

/** Every endpoint through the hostile proxy. */
const hostileInputs = (extra: Record<string, string> = {}) =>
  emulatorInputs(emulator, {
    endpoint: proxy.url,
    'dns-endpoint': proxy.url,
    'cdn-endpoint': proxy.url,
    ...extra,
  });

const errorLines = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('::error::'));

describe('the key leaves the runner encrypted with a strong key derivation', () => {
  const PFX_PASSWORD = 'pfx password, long enough';
  const KEY_PASSPHRASE = 'key passphrase, long enough';

  it('refuses a pfx-password or private-key-passphrase under 12 characters, naming each, before any call', async () => {
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: freshDomain('short'),
        'output-dir': 'certs',
        'pfx-password': 'short-pfx',
        'private-key-passphrase': 'elevenchars',
      }),
    );
    expect(run.exitCode).toBe(1);
    const [error] = errorLines(run.stdout);
    expect(error).toContain("input 'pfx-password' must be at least 12 characters long (got 9)");
    expect(error).toContain("input 'private-key-passphrase' must be at least 12 characters long (got 11)");
    expect(error).not.toContain('short-pfx');
    expect(error).not.toContain('elevenchars');
    expect(emulator.calls).toEqual([]);
  });

  it('derives the keys of privkey.encrypted.pem and cert.pfx with 600,000 PBKDF2-SHA256 iterations', async () => {
    const domain = freshDomain('strong');
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: domain,
        'dns-provider': 'manual',
        'output-dir': 'certs',
        'pfx-password': PFX_PASSWORD,
        'private-key-passphrase': KEY_PASSPHRASE,
      }),
      { whileRunning: () => createValidationRecordsByHand(emulator, [domain]) },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    const dir = join(run.workDir, 'certs');
    const env = (password: string) => ({ PATH: process.env.PATH ?? '', PASS: password });

    // The encrypted PEM: PBES2, PBKDF2 with hmacWithSHA256 and 600000 (0x927C0) rounds, AES-256-CBC.
    const pemPath = join(dir, 'privkey.encrypted.pem');
    const parsed = execFileSync('openssl', ['asn1parse', '-in', pemPath], { encoding: 'utf8' });
    expect(parsed).toContain(':PBES2');
    expect(parsed).toContain(':PBKDF2');
    expect(parsed).toMatch(/INTEGER\s+:0927C0/);
    expect(parsed).toContain(':hmacWithSHA256');
    expect(parsed).toContain(':aes-256-cbc');
    // Node and openssl open it with the passphrase to the key of the certificate.
    const key = createPrivateKey({ key: await readFile(pemPath, 'utf8'), passphrase: KEY_PASSPHRASE });
    expect(key.export({ type: 'pkcs8', format: 'pem' })).toBe(
      createPrivateKey(run.outputs['private-key'] ?? '').export({ type: 'pkcs8', format: 'pem' }),
    );
    execFileSync('openssl', ['pkey', '-in', pemPath, '-passin', 'env:PASS', '-noout'], {
      env: env(KEY_PASSPHRASE),
    });

    // The .pfx: the key bag, the certificates and the MAC all at 600000 iterations.
    const report = spawnSync(
      'openssl',
      ['pkcs12', '-in', join(dir, 'cert.pfx'), '-passin', 'env:PASS', '-info', '-noout'],
      { env: env(PFX_PASSWORD), encoding: 'utf8' },
    );
    expect(report.status, report.stderr).toBe(0);
    const info = `${report.stderr}${report.stdout}`;
    expect(info).toContain('MAC: sha256, Iteration 600000');
    expect(info).toMatch(/Shrouded Keybag: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/);
    expect(info).toMatch(
      /PKCS7 Encrypted data: PBES2, PBKDF2, AES-256-CBC, Iteration 600000, PRF hmacWithSHA256/,
    );
  }, 60_000);
});

describe('plain http only on this machine', () => {
  it('refuses every plain http endpoint off loopback, naming each input, before any call', async () => {
    const run = await runAction(
      emulatorInputs(emulator, {
        mode: 'status',
        domains: 'held.example.com',
        endpoint: 'http://cas.example.net',
        'dns-endpoint': 'http://10.0.0.8:8080',
        'cdn-endpoint': 'http://cdn.example.net',
        'dcdn-endpoint': 'http://[2001:db8::1]',
        'sts-endpoint': 'http://128.0.0.1',
      }),
    );
    expect(run.exitCode).toBe(1);
    const [error] = errorLines(run.stdout);
    for (const input of ['endpoint', 'dns-endpoint', 'cdn-endpoint', 'dcdn-endpoint', 'sts-endpoint']) {
      expect(error).toContain(
        `input '${input}' must use https: plain http is allowed for loopback only (127.0.0.0/8, ::1, localhost)`,
      );
    }
    expect(emulator.calls).toEqual([]);
  });

  // [::1] is taken as well (test/unit/config.test.ts); the emulator listens on IPv4 only.
  it('takes plain http on loopback: 127.x.y.z and localhost alike', async () => {
    const port = emulator.port;
    const run = await runAction(
      emulatorInputs(emulator, {
        mode: 'status',
        domains: 'held.example.com',
        endpoint: `http://127.0.0.1:${port}`,
        'dns-endpoint': `http://localhost:${port}`,
        'sts-endpoint': `http://127.8.9.10:${port}`,
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('active');
  });

  it("refuses GitHub's ID-token URL over plain http off loopback, naming ACTIONS_ID_TOKEN_REQUEST_URL", async () => {
    const {
      'access-key-id': _id,
      'access-key-secret': _secret,
      ...keyless
    } = emulatorInputs(emulator, {
      mode: 'status',
      domains: 'held.example.com',
      'sts-endpoint': emulator.url,
      'role-arn': EMULATOR_ROLE_ARN,
      'oidc-provider-arn': EMULATOR_OIDC_PROVIDER_ARN,
    });
    const issuedBefore = emulator.github.issued.length;
    const run = await runAction(keyless, {
      env: {
        ACTIONS_ID_TOKEN_REQUEST_URL: 'http://token.example.net/idtoken?api-version=2.0',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: emulator.github.requestToken,
      },
    });
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.stdout).join('\n')).toContain(
      'ACTIONS_ID_TOKEN_REQUEST_URL must use https: plain http is allowed for loopback only',
    );
    expect(run.stdout).not.toContain(emulator.github.requestToken);
    expect(emulator.github.issued.length).toBe(issuedBefore);
    expect(emulator.calls).toEqual([]);
  });
});

describe('a hostile endpoint cannot hang the run or fill its memory', () => {
  it('a one-byte-every-2-s answer ends at the run deadline, not when the trickle stops', async () => {
    proxy.setRewrite((call, _answer, response) => {
      if (call.action !== 'ListUserCertificateOrder') return undefined;
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': '1000000' });
      response.write('{');
      const drip = setInterval(() => response.write(' '), 2_000);
      response.on('close', () => clearInterval(drip));
      return 'handled';
    });
    const started = Date.now();
    // wait-timeout 1: the run's deadline is its start plus 1 s and the 30 s allowance after the wait (docs/faults.md).
    const run = await runAction(
      hostileInputs({ mode: 'status', domains: 'held.example.com', 'wait-timeout': '1' }),
    );
    const seconds = (Date.now() - started) / 1000;
    expect(run.exitCode).toBe(1);
    expect(seconds).toBeLessThan(45);
    expect(errorLines(run.stdout).join('\n')).toMatch(
      /ListUserCertificateOrder failed: NetworkError: no answer from http:\/\/127\.0\.0\.1:\d+ \(DEADLINE: no complete answer by this run's deadline\).*run again later/,
    );
  }, 90_000);

  it('a 9 MiB answer is cut off at 8 MiB with one clear error, and not retried', async () => {
    proxy.setRewrite((call, _answer, response) => {
      if (call.action !== 'ListUserCertificateOrder') return undefined;
      // Chunked, no content-length: the cap must count what arrives.
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"Padding":"');
      const mebibyte = 'x'.repeat(1024 * 1024);
      for (let i = 0; i < 9; i++) response.write(mebibyte);
      response.end('","TotalCount":0,"CertificateOrderList":[]}');
      return 'handled';
    });
    const run = await runAction(hostileInputs({ mode: 'status', domains: 'held.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.stdout).join('\n')).toMatch(
      /ListUserCertificateOrder failed: AnswerTooLarge: the answer from http:\/\/127\.0\.0\.1:\d+ exceeded 8 MiB/,
    );
    expect(proxy.calls.filter((c) => c.action === 'ListUserCertificateOrder')).toHaveLength(1);
  }, 60_000);

  it('a CAS list whose TotalCount is never reached stops after its page limit with one clear error', async () => {
    // Every page holds the first page's orders again, and the total is always above what the pages held.
    let firstPage: unknown;
    proxy.setRewrite(
      rewriteJson('ListUserCertificateOrder', (body) => {
        firstPage ??= body.CertificateOrderList;
        return { ...body, CertificateOrderList: firstPage, TotalCount: 1_000_000_000 };
      }),
    );
    const run = await runAction(hostileInputs({ mode: 'status', domains: 'held.example.com' }));
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.stdout).join('\n')).toContain(
      "ListUserCertificateOrder: 200 pages read, yet the service's TotalCount (1000000000) was not reached",
    );
    // Distinct pages: under chaos (EMULATOR_CHAOS_SEED) a page may be asked again after a refusal.
    const pages = new Set(
      proxy.calls
        .filter((c) => c.action === 'ListUserCertificateOrder')
        .map((c) => c.params.get('CurrentPage')),
    );
    expect(pages.size).toBe(200);
  }, 60_000);

  it('a DNS zone list whose TotalCount is never reached stops after its page limit too', async () => {
    // Page after page the first page's zones again, with a total no page reaches.
    let firstPage: unknown;
    proxy.setRewrite(
      rewriteJson('DescribeDomains', (body) => {
        firstPage ??= body.Domains;
        return { ...body, Domains: firstPage, TotalCount: 999_999 };
      }),
    );
    const run = await runAction(
      hostileInputs({ domains: freshDomain('zones'), 'dns-provider': 'alidns', 'wait-timeout': '5' }),
    );
    expect(run.exitCode).toBe(1);
    expect(errorLines(run.stdout).join('\n')).toContain(
      "DescribeDomains: 200 pages read, yet the service's TotalCount (999999) was not reached",
    );
  }, 60_000);
});
