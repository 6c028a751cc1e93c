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
import { readZip, startFakeArtifactService } from '../support/fake-artifact-service.js';
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

describe('alert issues carry no secret and no live markdown', () => {
  const githubEnv = () => ({
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_SERVER_URL: 'https://github.example',
    GITHUB_RUN_ID: '77',
  });
  const alertText = (title: string) => {
    const issue = github.issues.find((i) => i.title === title);
    expect(issue, `no issue ${title}`).toBeDefined();
    return [issue?.body ?? '', ...(issue?.comments ?? [])];
  };
  const expectSafe = (texts: string[]) => {
    for (const text of texts) {
      for (const form of secretForms()) expect(text).not.toContain(form);
      const rendered = outsideFences(text);
      expect(rendered).not.toMatch(/@\w/);
      expect(rendered).not.toContain('](');
      expect(rendered).not.toContain('<img');
      expect(rendered).not.toContain('evil.example');
    }
  };

  it("a failing hook's output: every registered secret redacted in raw and encoded forms, markdown inert", async () => {
    const domain = fresh('alert-hook');
    const printed = secretForms().join(' | ');
    const hook = `echo "provider said: ${HOSTILE_MARKDOWN} | ${printed}"; exit 3`;
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: domain,
        'dns-provider': 'hook',
        'dns-hook': hook.replaceAll('!', "'!'"),
        'pfx-password': PFX_PASSWORD,
        alert: 'issue',
        'github-token': github.token,
      }),
      { env: githubEnv() },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('exited with code 3');
    const texts = alertText(`Certificate alert: ${domain}`);
    // The failure is still told: which step failed, and the fenced (inert) output.
    expect(texts[0]).toContain('dns-hook present');
    expect(texts[0]).toContain('exited with code 3');
    expectSafe(texts);
    // The log too: the runner masks raw values only, so the hook's output is redacted in every form first.
    const log = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const form of secretForms()) expect(log).not.toContain(form);
  });

  it('service free text (a hostile endpoint): the Message goes in fenced and redacted', async () => {
    const domain = fresh('alert-service');
    proxy.setRewrite((call, answer) =>
      call.action === 'DescribePackageState' || call.action === 'ListUserCertificateOrder'
        ? {
            ...answer,
            status: 400,
            body: JSON.stringify({
              Code: 'Forbidden.Hostile',
              Message: `denied ${HOSTILE_MARKDOWN} ${github.token} ${encodeURIComponent(PFX_PASSWORD)}`,
              RequestId: 'R-1',
            }),
          }
        : undefined,
    );
    try {
      const run = await runAction(
        emulatorInputs(emulator, {
          domains: domain,
          endpoint: proxy.url,
          'pfx-password': PFX_PASSWORD,
          alert: 'issue',
          'github-token': github.token,
        }),
        { env: githubEnv() },
      );
      expect(run.exitCode).toBe(1);
      const texts = alertText(`Certificate alert: ${domain}`);
      expect(texts[0]).toContain('Forbidden.Hostile');
      expectSafe(texts);
    } finally {
      proxy.setRewrite(undefined);
    }
  });
});

describe('dns-hook environment: an allowlist', () => {
  const SECRETS = {
    ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
    ALICLOUD_SECRET_KEY: 'alicloud-secret-value-1',
    ALIBABACLOUD_ACCESS_KEY_SECRET: 'alibabacloud-secret-value-2',
    GITHUB_TOKEN: 'ghs_job-token-value-3',
    ACTIONS_RUNTIME_TOKEN: 'runtime-token-value-4',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-request-value-5',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/id-token',
    UNLISTED_VARIABLE: 'unlisted-value-6',
  };

  /** Runs a hook that dumps its environment, then fails (the dump is what the test reads). */
  async function hookEnvironment(extra: Record<string, string>) {
    const dir = await mkdtemp(join(tmpdir(), 'hook-env-'));
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: fresh('hook-env'),
        'dns-provider': 'hook',
        'dns-hook': `env > "${dir}/$CAS_VALIDATION_ACTION.env"; exit 4`,
        ...extra,
      }),
      { env: { ...SECRETS, CF_API_TOKEN: 'cloudflare-token-value' } },
    );
    const files = (await readdir(dir)).sort();
    const present = files.includes('present.env') ? await readFile(join(dir, 'present.env'), 'utf8') : '';
    const names = present
      .split('\n')
      .map((line) => /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line)?.[1])
      .filter(Boolean);
    return { run, files, present, names };
  }

  it('passes the record, the basics and the names dns-hook-env lists; no cloud secret, no runner token', async () => {
    const { run, files, present, names } = await hookEnvironment({ 'dns-hook-env': 'CF_API_TOKEN' });
    expect(run.exitCode).toBe(1);
    expect(files).toEqual(['cleanup.env', 'present.env']);
    expect(present).toContain('CAS_VALIDATION_ACTION=present');
    expect(present).toMatch(/^CAS_VALIDATION_RECORD_DOMAIN=_dnsauth\.hook-env-\d+\.example\.com$/m);
    expect(present).toMatch(/^PATH=/m);
    expect(present).toContain('CF_API_TOKEN=cloudflare-token-value');
    for (const [name, value] of Object.entries(SECRETS)) {
      expect(names).not.toContain(name);
      expect(present).not.toContain(value);
    }
    // Nothing the runner reads back from the step: no command file, no input, no state.
    expect(
      names.filter((n) => /^(INPUT_|STATE_|GITHUB_(OUTPUT|STATE|ENV|PATH|STEP_SUMMARY)$)/.test(n ?? '')),
    ).toEqual([]);
  });

  it('passes GITHUB_TOKEN only when dns-hook-env names it', async () => {
    const { present } = await hookEnvironment({ 'dns-hook-env': 'CF_API_TOKEN\nGITHUB_TOKEN' });
    expect(present).toContain(`GITHUB_TOKEN=${SECRETS.GITHUB_TOKEN}`);
    expect(present).not.toContain(SECRETS.ACTIONS_RUNTIME_TOKEN);
  });

  it('refuses to pass an Alibaba Cloud variable, naming dns-hook-env, before any call', async () => {
    const before = emulator.calls.length;
    const { run, files } = await hookEnvironment({
      'dns-hook-env': 'CF_API_TOKEN, ALIBABA_CLOUD_ACCESS_KEY_SECRET, ALICLOUD_SECRET_KEY',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error::.*input 'dns-hook-env'.*ALIBABA_CLOUD_ACCESS_KEY_SECRET/);
    expect(files).toEqual([]);
    expect(emulator.calls.length).toBe(before);
  });
});

describe('csr: the certificate must carry the CSR key, and a key the service sends is never handed out', () => {
  const csrRun = async (domain: string, csrPem: string, extra: Record<string, string> = {}, env = {}) => {
    const outputDir = 'certs';
    const run = await runAction(
      emulatorInputs(emulator, {
        domains: domain,
        csr: csrPem,
        endpoint: proxy.url,
        'output-dir': outputDir,
        ...extra,
      }),
      { env },
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
    const artifacts = await startFakeArtifactService();
    try {
      const { run, written } = await csrRun(
        domain,
        csrPem,
        { 'artifact-name': 'csr-files', 'private-key-passphrase': 'artifact-passphrase' },
        artifacts.env,
      );
      expect(run.exitCode, run.stdout).toBe(0);
      expect(run.outputs.status).toBe('issued');
      expect(run.outputs).not.toHaveProperty('private-key');
      expect(run.outputs).not.toHaveProperty('private-key-file');
      expect(written.sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem']);
      expect(run.files.output).not.toContain('PRIVATE KEY');
      const artifact = artifacts.artifacts.find((a) => a.name === 'csr-files');
      expect(artifact?.finalized).toBe(true);
      const entries = readZip(artifact?.zip ?? Buffer.alloc(0));
      expect([...entries.keys()].sort()).toEqual(['cert.pem', 'chain.pem', 'fullchain.pem']);
      for (const entry of entries.values()) expect(entry.toString('utf8')).not.toContain('PRIVATE KEY');
    } finally {
      proxy.setRewrite(undefined);
      await artifacts.close();
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
