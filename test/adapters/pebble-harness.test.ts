// The ACME test bed itself: Pebble validates DNS-01 by asking the emulator's DNS server for what the Alidns API
// holds, and HTTP-01 by reading the loopback web root (test/support/pebble.ts). acme-client drives it here as a
// plain client, so that a failure of the action's e2e tests (test/e2e/acme.test.ts) is not the test bed's.
import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { globalAgent } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as acme from 'acme-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../emulator/server.js';
import {
  PEBBLE_AVAILABLE,
  PEBBLE_MISSING,
  type Pebble,
  startPebble,
  startWebRoot,
  type WebRoot,
} from '../support/pebble.js';

describe.skipIf(!PEBBLE_AVAILABLE)('Pebble against the emulator', () => {
  let emulator: Emulator;
  let pebble: Pebble;
  let web: WebRoot;
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'webroot-'));
    web = await startWebRoot(root);
    emulator = await createEmulator({ zones: ['example.com'], dnsServer: { loopbackV6: false } });
    pebble = await startPebble({ dnsServer: emulator.dnsServer?.address ?? '', httpPort: web.port });
    // This process's own client trusts the listener the way the action's does through NODE_EXTRA_CA_CERTS.
    globalAgent.options.ca = readFileSync(pebble.tlsCertificatePath, 'utf8');
  });
  afterAll(async () => {
    globalAgent.options.ca = undefined;
    await pebble?.close();
    await emulator?.close();
    await web?.close();
  });

  it('issues for a DNS-01 TXT record in the emulated zone and an HTTP-01 file in the web root', async () => {
    const client = new acme.Client({
      directoryUrl: pebble.directoryUrl,
      accountKey: await acme.crypto.createPrivateEcdsaKey(),
    });
    await client.createAccount({ termsOfServiceAgreed: true });
    const names = ['*.example.com', 'www.example.com'];
    const order = await client.createOrder({ identifiers: names.map((value) => ({ type: 'dns', value })) });
    for (const authz of await client.getAuthorizations(order)) {
      const type = authz.wildcard ? 'dns-01' : 'http-01';
      const challenge = authz.challenges.find((c) => c.type === type);
      if (!challenge) throw new Error(`no ${type}`);
      const keyAuthorization = await client.getChallengeKeyAuthorization(challenge);
      if (type === 'dns-01') {
        const fqdn = `_acme-challenge.${authz.identifier.value}`;
        emulator.dns.addRecord({ fqdn, type: 'TXT', value: keyAuthorization });
      } else {
        await mkdir(join(root, '.well-known/acme-challenge'), { recursive: true });
        const token = (challenge as { token: string }).token;
        await writeFile(join(root, '.well-known/acme-challenge', token), keyAuthorization);
      }
      await client.completeChallenge(challenge);
      await client.waitForValidStatus(challenge);
    }
    const [, csr] = await acme.crypto.createCsr({ altNames: names });
    const certificate = await client.getCertificate(await client.finalizeOrder(order, csr));
    expect(certificate).toContain('BEGIN CERTIFICATE');
    expect(emulator.dnsServer?.questions).toContain('TXT _acme-challenge.example.com');
    expect(web.requests.some((path) => path.startsWith('/.well-known/acme-challenge/'))).toBe(true);
    expect(pebble.rootPem).toContain('BEGIN CERTIFICATE');
  });
});

describe.skipIf(PEBBLE_AVAILABLE)(PEBBLE_MISSING, () => {
  it.skip('needs Pebble', () => {});
});
