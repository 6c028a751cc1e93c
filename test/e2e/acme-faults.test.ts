// certificate-api acme when the CA or the way to it misbehaves, through the built action against Pebble: a finalize
// whose answer is lost (re-read from the order URL, never placed twice), bad nonces (retried), External Account
// Binding (required by the CA: refused without it, naming the ACME problem type), and DNS-01 through a dns-hook.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_HEADER } from '../../emulator/server.js';
import { startAcmeProxy } from '../support/acme-proxy.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { PEBBLE_AVAILABLE, PEBBLE_MISSING, type Pebble, startPebble } from '../support/pebble.js';
import { runAction } from '../support/run-action.js';

const accountKey = execFileSync('openssl', [
  'genpkey',
  '-algorithm',
  'EC',
  '-pkeyopt',
  'ec_paramgen_curve:P-256',
]).toString();

describe.skipIf(!PEBBLE_AVAILABLE)('certificate-api acme: faults, EAB and hooks against Pebble', () => {
  let emulator: Emulator;
  const pebbles: Pebble[] = [];
  beforeAll(async () => {
    emulator = await createEmulator({
      zones: ['example.com', 'example.org'],
      dnsServer: { loopbackV6: false },
      cdnDomains: ['renewed.example.com'],
    });
  });
  afterAll(async () => {
    for (const pebble of pebbles) await pebble.close();
    await emulator?.close();
  });
  const pebble = async (options: { nonceRejectPercent?: number; eabKeys?: Record<string, string> } = {}) => {
    const started = await startPebble({ dnsServer: emulator.dnsServer?.address ?? '', ...options });
    pebbles.push(started);
    return started;
  };
  const inputs = (directory: string, extra: Record<string, string>) =>
    emulatorInputs(emulator, {
      'certificate-api': 'acme',
      'acme-directory': directory,
      'acme-account-key': accountKey,
      ...extra,
    });

  /** Pebble 2.4 has no ARI: a front adds `renewalInfo` to its directory and answers it with a one-day window. */
  async function startAriFront(ca: Pebble, windowStart: () => Date) {
    let proxyOrigin = '';
    const proxy = await startAcmeProxy(ca, () => false, {
      rewrite: (path, body) =>
        path === '/dir'
          ? JSON.stringify({ ...JSON.parse(body), renewalInfo: `${proxyOrigin}/renewal-info` })
          : body,
      answer: (method, path) =>
        method === 'GET' && path.startsWith('/renewal-info/')
          ? {
              status: 200,
              json: {
                suggestedWindow: {
                  start: windowStart().toISOString(),
                  end: new Date(windowStart().getTime() + 86_400_000).toISOString(),
                },
              },
            }
          : undefined,
    });
    proxyOrigin = new URL(proxy.directoryUrl).origin;
    return proxy;
  }

  it('a finalize whose answer is lost is read again from the order URL: one certificate, never finalized twice', async () => {
    const ca = await pebble();
    let lost = false;
    const proxy = await startAcmeProxy(ca, (method, path) => {
      if (lost || method !== 'POST' || !path.startsWith('/finalize-order/')) return false;
      lost = true;
      return true;
    });
    try {
      const run = await runAction(inputs(proxy.directoryUrl, { domains: 'lost.example.com' }), {
        env: ca.actionEnv,
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.status).toBe('issued');
      expect(new X509Certificate(run.outputs.certificate ?? '').subjectAltName).toBe('DNS:lost.example.com');
      const finalizes = proxy.requests.filter((r) => r.path.startsWith('/finalize-order/'));
      // The CA took the one that was lost; whatever was sent after it, none was a second finalization.
      expect(finalizes[0]).toMatchObject({ status: 200, lost: true });
      expect(finalizes.slice(1).filter((r) => r.status === 200)).toEqual([]);
      const lostAt = proxy.requests.indexOf(finalizes[0] as (typeof proxy.requests)[number]);
      expect(proxy.requests.slice(lostAt).some((r) => r.path.startsWith('/my-order/'))).toBe(true);
    } finally {
      await proxy.close();
    }
  });

  it('rateLimited with Retry-After: waited out within wait-timeout, else the run ends at once naming the time', async () => {
    const ca = await pebble({});
    const limited = (seconds: number, times: number) => {
      let left = times;
      return (method: string, path: string) => {
        if (method !== 'POST' || !path.startsWith('/order-plz') || left-- <= 0) return undefined;
        return {
          status: 429,
          headers: { 'retry-after': String(seconds) },
          json: {
            type: 'urn:ietf:params:acme:error:rateLimited',
            detail: 'too many new orders',
            status: 429,
          },
        };
      };
    };
    const soon = await startAcmeProxy(ca, () => false, { answer: limited(2, 1) });
    try {
      const run = await runAction(inputs(soon.directoryUrl, { domains: 'soon.example.com' }), {
        env: ca.actionEnv,
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.status).toBe('issued');
      expect(soon.requests.filter((r) => r.path.startsWith('/order-plz')).map((r) => r.status)).toEqual([
        429, 201,
      ]);
    } finally {
      await soon.close();
    }
    const late = await startAcmeProxy(ca, () => false, { answer: limited(3600, 100) });
    try {
      const started = Date.now();
      const run = await runAction(
        inputs(late.directoryUrl, { domains: 'late.example.com', 'wait-timeout': '120' }),
        { env: ca.actionEnv },
      );
      expect(run.exitCode).not.toBe(0);
      expect(Date.now() - started).toBeLessThan(60_000);
      expect(run.stdout).toMatch(
        /::error::.*urn:ietf:params:acme:error:rateLimited: too many new orders.*retry after \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ/,
      );
      expect(late.requests.filter((r) => r.path.startsWith('/order-plz'))).toHaveLength(1);
    } finally {
      await late.close();
    }
  });

  it('a run killed while the CA validates leaves its _acme-challenge TXT record to the post step, which removes it', async () => {
    const ca = await pebble({});
    // The CA puts the challenge off (rateLimited, Retry-After within wait-timeout): the run waits mid-validation.
    const stalled = await startAcmeProxy(ca, () => false, {
      answer: (method, path) =>
        method === 'POST' && path.startsWith('/chalZ/')
          ? {
              status: 429,
              headers: { 'retry-after': '60' },
              json: { type: 'urn:ietf:params:acme:error:rateLimited', detail: 'held' },
            }
          : undefined,
    });
    try {
      const given = inputs(stalled.directoryUrl, { domains: 'killed.example.com', 'wait-timeout': '120' });
      const txt = () => emulator.dns.records().filter((r) => r.type === 'TXT');
      const crashed = await runAction(given, {
        env: ca.actionEnv,
        killAfterMs: 8_000,
        whileRunning: async () => {
          for (let i = 0; i < 150 && !stalled.requests.some((r) => r.path.startsWith('/chalZ/')); i++)
            await new Promise((done) => setTimeout(done, 100));
        },
      });
      expect(crashed.exitCode, crashed.stdout).toBeNull();
      expect(txt().map((r) => r.rr)).toEqual(['_acme-challenge.killed']);
      const saved = crashed.state['validation-cleanup'] ?? '';
      expect(saved).toContain('_acme-challenge.killed');
      const post = await runAction(given, {
        env: { ...ca.actionEnv, STATE_isPost: 'true', 'STATE_validation-cleanup': saved },
      });
      expect(post.exitCode, post.stdout).toBe(0);
      expect(post.stdout).toContain('Removed the TXT record _acme-challenge.killed.example.com');
      expect(txt()).toEqual([]);
    } finally {
      await stalled.close();
    }
  }, 60_000);

  it('bad nonces are retried with a fresh one: Pebble rejecting half of the good nonces still issues', async () => {
    const ca = await pebble({ nonceRejectPercent: 50 });
    const proxy = await startAcmeProxy(ca, () => false);
    try {
      const run = await runAction(inputs(proxy.directoryUrl, { domains: 'nonce.example.com' }), {
        env: ca.actionEnv,
      });
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.status).toBe('issued');
      // Pebble did refuse some (400 badNonce), and each was sent again.
      expect(proxy.requests.filter((r) => r.method === 'POST' && r.status === 400).length).toBeGreaterThan(0);
    } finally {
      await proxy.close();
    }
  });

  it('External Account Binding: issued with acme-eab-kid and acme-eab-hmac-key, refused without (the problem type named)', async () => {
    const hmacKey = 'zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W';
    const ca = await pebble({ eabKeys: { 'kid-1': hmacKey } });
    const without = await runAction(inputs(ca.directoryUrl, { domains: 'eab.example.com' }), {
      env: ca.actionEnv,
    });
    expect(without.exitCode).not.toBe(0);
    expect(without.stdout).toMatch(/::error::.*urn:ietf:params:acme:error:externalAccountRequired/);
    const bound = await runAction(
      inputs(ca.directoryUrl, {
        domains: 'eab.example.com',
        'acme-eab-kid': 'kid-1',
        'acme-eab-hmac-key': hmacKey,
      }),
      { env: ca.actionEnv },
    );
    expect(bound.exitCode, bound.stdout).toBe(0);
    expect(bound.outputs.status).toBe('issued');
    // The HMAC key was registered as a secret before anything was printed, and never printed itself.
    expect(bound.stdout.split('\n')).toContain(`::add-mask::${hmacKey}`);
    expect(bound.stdout.replaceAll(`::add-mask::${hmacKey}`, '')).not.toContain(hmacKey);
  });

  it('ARI: the CA’s renewal window decides (Pebble 2.4 has none, so the front adds renewalInfo to its directory)', async () => {
    const ca = await pebble();
    let windowStart = new Date(Date.now() + 86_400_000);
    const proxy = await startAriFront(ca, () => windowStart);
    try {
      const run = () =>
        runAction(inputs(proxy.directoryUrl, { domains: 'ari.example.com', upload: 'true' }), {
          env: ca.actionEnv,
        });
      const first = await run();
      expect(first.exitCode, first.stdout).toBe(0);
      expect(first.outputs.status).toBe('issued');
      // The window starts tomorrow: the certificate in CAS is handed out again.
      const second = await run();
      expect(second.exitCode, second.stdout).toBe(0);
      expect(second.outputs.status).toBe('unchanged');
      expect(second.outputs['cert-id']).toBe(first.outputs['cert-id']);
      const asked = proxy.requests.filter((r) => r.path.startsWith('/renewal-info/'));
      expect(asked).toHaveLength(1);
      // The certificate's ARI id: base64url(AKI) '.' base64url(serial).
      const leaf = new X509Certificate(first.outputs.certificate ?? '');
      const serial = Buffer.from(
        leaf.serialNumber.padStart(leaf.serialNumber.length + (leaf.serialNumber.length % 2), '0'),
        'hex',
      );
      const serialBytes = (serial[0] ?? 0) & 0x80 ? Buffer.concat([Buffer.from([0]), serial]) : serial;
      expect(asked[0]?.path.split('.')[1]).toBe(serialBytes.toString('base64url'));
      // The window has begun: ordered anew, though renew-before-days (30 of five years) says it is not due.
      windowStart = new Date(Date.now() - 60_000);
      const third = await run();
      expect(third.exitCode, third.stdout).toBe(0);
      expect(third.outputs.status).toBe('issued');
      expect(third.outputs['fingerprint-sha256']).not.toBe(first.outputs['fingerprint-sha256']);
      expect(third.stdout).toContain('(ARI): ordering anew');
    } finally {
      await proxy.close();
    }
  });

  it('a renewal deployed with delete-superseded deletes the previous ACME upload once the CDN domain serves the new one', async () => {
    const ca = await pebble();
    let windowStart = new Date(Date.now() + 86_400_000);
    const proxy = await startAriFront(ca, () => windowStart);
    try {
      const run = () =>
        runAction(
          inputs(proxy.directoryUrl, {
            domains: 'renewed.example.com',
            'cdn-domains': 'renewed.example.com',
            'delete-superseded': 'true',
          }),
          { env: ca.actionEnv },
        );
      const first = await run();
      expect(first.exitCode, first.stdout).toBe(0);
      const firstId = first.outputs['cert-id'] ?? '';
      expect(emulator.cas.certificates.get(firstId)).toBeDefined();
      expect(emulator.cdn.servedSet('renewed.example.com')?.default).toBe(firstId);
      // The CA's window has begun: a new certificate, uploaded, deployed, and the one it replaces deleted.
      windowStart = new Date(Date.now() - 60_000);
      const second = await run();
      expect(second.exitCode, second.stdout).toBe(0);
      expect(second.outputs.status).toBe('issued');
      const secondId = second.outputs['cert-id'] ?? '';
      expect(secondId).not.toBe(firstId);
      expect(emulator.cdn.servedSet('renewed.example.com')?.default).toBe(secondId);
      expect(second.outputs['superseded-cert-ids']).toBe(firstId);
      expect(emulator.cas.certificates.get(firstId)).toBeUndefined();
      expect(emulator.cas.certificates.get(secondId)).toBeDefined();
    } finally {
      await proxy.close();
    }
  });

  it('DNS-01 through a dns-hook: the hook writes the TXT record where the CA looks, and is called to clean up', async () => {
    const ca = await pebble();
    const alidnsWrites = emulator.callsTo('AddDomainRecord').length;
    const dir = await mkdtemp(join(tmpdir(), 'acme-hook-'));
    const hook = join(dir, 'hook.sh');
    await writeFile(
      hook,
      [
        '#!/bin/sh',
        'set -e',
        'touch "$HOOK_LOG_DIR/$CAS_VALIDATION_ACTION-$CAS_VALIDATION_RECORD_DOMAIN"',
        '[ "$CAS_VALIDATION_ACTION" = present ] || exit 0',
        `node -e 'fetch(process.env.ADMIN_URL, { method: "POST", headers: { "${ADMIN_TOKEN_HEADER}": process.env.ADMIN_TOKEN, "content-type": "application/json" }, body: JSON.stringify({ fqdn: process.env.CAS_VALIDATION_RECORD_DOMAIN, type: process.env.CAS_VALIDATION_RECORD_TYPE, value: process.env.CAS_VALIDATION_RECORD_VALUE }) }).then((r) => { if (!r.ok) process.exit(1); })'`,
        '',
      ].join('\n'),
    );
    const run = await runAction(
      inputs(ca.directoryUrl, {
        domains: 'hook.example.org',
        'dns-provider': 'hook',
        'dns-hook': `sh ${hook}`,
        'dns-hook-env': 'HOOK_LOG_DIR, ADMIN_URL, ADMIN_TOKEN',
      }),
      {
        env: {
          ...ca.actionEnv,
          HOOK_LOG_DIR: dir,
          ADMIN_URL: `${emulator.url}/__emulator/dns/records`,
          ADMIN_TOKEN: emulator.adminToken,
        },
      },
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expect((await readdir(dir)).filter((f) => f !== 'hook.sh').sort()).toEqual([
      'cleanup-_acme-challenge.hook.example.org',
      'present-_acme-challenge.hook.example.org',
    ]);
    expect(emulator.callsTo('AddDomainRecord')).toHaveLength(alidnsWrites);
    expect(emulator.dnsServer?.questions).toContain('TXT _acme-challenge.hook.example.org');
  });
});

describe.skipIf(PEBBLE_AVAILABLE)(PEBBLE_MISSING, () => {
  it.skip('needs Pebble', () => {});
});
