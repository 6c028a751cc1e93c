// The admin API is a developer's local tool: a web page open in their browser (or a DNS-rebound name) must not be
// able to drive it, and what it reports must never repeat a credential or a key that came in a call.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_HEADER, createEmulator, type Emulator } from './server.js';
import { callCas } from './test-helpers.js';

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
afterAll(() => emulator.close());

const admin = (path: string, init: RequestInit = {}) =>
  fetch(`${emulator.url}/__emulator${path}`, init).then(async (r) => ({
    status: r.status,
    text: await r.text(),
  }));
const withToken = (token: string, init: RequestInit = {}): RequestInit => ({
  ...init,
  headers: { [ADMIN_TOKEN_HEADER]: token },
});

/** A raw request with a Host header of our choosing (fetch would not let us set it). */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(`${emulator.url}${path}`, { headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('emulator admin API: token and loopback', () => {
  it('has a fresh per-process token of enough entropy', async () => {
    expect(emulator.adminToken).toMatch(/^[0-9a-f]{32,}$/);
    const other = await createEmulator();
    try {
      expect(other.adminToken).not.toBe(emulator.adminToken);
    } finally {
      await other.close();
    }
  });

  it('refuses every route without the token, or with a wrong one, and changes nothing', async () => {
    // What a web page can send cross-origin without a preflight: a plain POST with a text body.
    const page = await admin('/faults', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ kind: 'internal', times: -1 }),
    });
    expect(page.status).toBe(401);
    expect(page.text).toContain(ADMIN_TOKEN_HEADER);
    expect(emulator.faults.pending()).toEqual([]);
    expect((await admin('/state')).status).toBe(401);
    expect((await admin('/calls')).status).toBe(401);
    const wrong = await admin(
      '/dns/zones',
      withToken('0'.repeat(48), {
        method: 'POST',
        body: JSON.stringify({ domainName: 'evil.example' }),
      }),
    );
    expect(wrong.status).toBe(401);
    expect(emulator.dns.zones().map((z) => z.domainName)).not.toContain('evil.example');
    // The token in the query string (a link a page could make) is not accepted either.
    expect((await admin(`/state?token=${emulator.adminToken}`)).status).toBe(401);
  });

  it('answers with the token, and refuses a Host that is not loopback (DNS rebinding)', async () => {
    const ok = await admin('/state', withToken(emulator.adminToken));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text)).toHaveProperty('orders');
    const headers = { [ADMIN_TOKEN_HEADER]: emulator.adminToken };
    expect(await rawGet('/__emulator/state', { ...headers, host: `localhost:${emulator.port}` })).toBe(200);
    expect(await rawGet('/__emulator/state', { ...headers, host: `evil.example:${emulator.port}` })).toBe(
      403,
    );
  });

  it('never returns credentials or keys in its call log', async () => {
    await callCas(emulator, 'DescribePackageState', {}, { extraCommon: { SecurityToken: 'sts-token-abc' } });
    await callCas(emulator, 'UploadUserCertificate', {
      Name: 'x',
      Cert: '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----',
      Key: '-----BEGIN PRIVATE KEY-----\nSECRETKEYBODY\n-----END PRIVATE KEY-----',
    });
    const calls = await admin('/calls', withToken(emulator.adminToken));
    expect(calls.status).toBe(200);
    expect(calls.text).toContain('UploadUserCertificate');
    expect(calls.text).not.toContain('SECRETKEYBODY');
    expect(calls.text).not.toContain('PRIVATE KEY');
    expect(calls.text).not.toContain(emulator.accessKeySecret);
    expect(calls.text).not.toContain('sts-token-abc');
    expect(calls.text).not.toContain('"Signature"');
    const state = await admin('/state', withToken(emulator.adminToken));
    expect(state.text).not.toContain('PRIVATE KEY');
  });
});
