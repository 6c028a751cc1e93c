// Trust nothing the endpoint, a proxy or a hook says (docs/security.md), end to end through dist/index.js:
// alert issues carry no secret and no live markdown, the dns-hook gets an environment built from an allowlist,
// and with a csr the certificate must carry the CSR's key and a private key the service sends is never handed out.
import { X509Certificate } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCsr } from '../../emulator/ca.js';
import { EMULATOR_ACCESS_KEY_SECRET } from '../../emulator/server.js';
import { type FakeGitHubApi, startFakeGitHubApi } from '../support/fake-github-api.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type HostileProxy, rewriteJson, startHostileProxy } from '../support/hostile-proxy.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
let github: FakeGitHubApi;
let proxy: HostileProxy;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
  github = await startFakeGitHubApi();
  proxy = await startHostileProxy(emulator.url);
});
afterAll(async () => {
  await proxy.close();
  await emulator.close();
  await github.close();
});

let counter = 0;
const fresh = (label: string) => `${label}-${++counter}.example.com`;

/** A secret with characters that percent-encoding changes, so that its encoded forms differ from it. */
const PFX_PASSWORD = 'p@ss w/rd+&=?#%!';
const doubleEncoded = (s: string) => encodeURIComponent(encodeURIComponent(s));
/** Every form of every secret the run registered that must never reach an issue. */
function secretForms(): string[] {
  return [github.token, EMULATOR_ACCESS_KEY_SECRET, PFX_PASSWORD].flatMap((s) => [
    s,
    encodeURIComponent(s),
    doubleEncoded(s),
  ]);
}
/** What GitHub renders as markdown: the body with its fenced code blocks taken out. */
function outsideFences(body: string): string {
  return body.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
}
const HOSTILE_MARKDOWN =
  '@team see ![pixel](https://evil.example/p.png) and [click](https://evil.example/x) <img src=x>';

describe('csr: the certificate must carry the CSR key, and a key the service sends is never handed out', () => {
  const csrRun = async (domain: string, csrPem: string) => {
    const outputDir = 'certs';
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: domain,
        csr: csrPem,
        endpoint: proxy.url,
        'output-dir': outputDir,
      }),
    );
    return { run, written: await readdir(join(run.workDir, outputDir)).catch(() => [] as string[]) };
  };

  it('ignores a PrivateKey the service adds to the certificate: no output, no key file', async () => {
    const domain = fresh('csr-key');
    const { csrPem } = await createCsr({ names: [domain] });
    const stranger = await emulator.ca.issueLeaf({ names: [domain] });
    proxy.setRewrite(
      rewriteJson('DescribeCertificateState', (body) =>
        body.Type === 'certificate' ? { ...body, PrivateKey: stranger.privateKeyPem } : body,
      ),
    );
    try {
      const { run, written } = await csrRun(domain, csrPem);
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.status).toBe('issued');
      expect(run.outputs).not.toHaveProperty('private-key');
      expect(run.outputs).not.toHaveProperty('private-key-file');
      expect(written.sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem']);
      expect(run.files.output).not.toContain('PRIVATE KEY');
    } finally {
      proxy.setRewrite(undefined);
    }
  });

  it('refuses a certificate whose key is not the CSR key, with a clear error, and writes nothing', async () => {
    const domain = fresh('csr-swap');
    const { csrPem } = await createCsr({ names: [domain] });
    const swapped = await emulator.ca.issueLeaf({ names: [domain] });
    proxy.setRewrite(
      rewriteJson('DescribeCertificateState', (body) =>
        body.Type === 'certificate'
          ? { ...body, Certificate: `${swapped.certificatePem}${swapped.chainPem}` }
          : body,
      ),
    );
    try {
      const { run, written } = await csrRun(domain, csrPem);
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/::error::.*public key is not the one in the csr/i);
      expect(run.outputs).not.toHaveProperty('certificate');
      expect(written).toEqual([]);
      // The swapped leaf really was for the same names, from the same CA: only its key gave it away.
      expect(new X509Certificate(swapped.certificatePem).subjectAltName).toContain(domain);
    } finally {
      proxy.setRewrite(undefined);
    }
  });

  it('the instance API too: a swapped Cert is refused, and a Key sent with it is never handed out', async () => {
    const domain = fresh('csr-instance');
    emulator.instances.addInstance();
    const { csrPem } = await createCsr({ names: [domain] });
    const swapped = await emulator.ca.issueLeaf({ names: [domain] });
    proxy.setRewrite(
      rewriteJson('GetUserCertificateDetail', (body) => ({
        ...body,
        Cert: `${swapped.certificatePem}${swapped.chainPem}`,
        Key: swapped.privateKeyPem,
      })),
    );
    try {
      const run = await runAction(
        emulatorInputs(emulator, {
          'certificate-api': 'instance',
          domains: domain,
          csr: csrPem,
          endpoint: proxy.url,
          'output-dir': 'certs',
        }),
      );
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toMatch(/::error::.*public key is not the one in the csr/i);
      expect(run.outputs).not.toHaveProperty('private-key');
      expect(await readdir(join(run.workDir, 'certs')).catch(() => [])).toEqual([]);
    } finally {
      proxy.setRewrite(undefined);
    }
  });
});
