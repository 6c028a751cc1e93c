// What a run says about itself, through `node dist/index.js` against the emulator: `changed` after a delete, the
// account's expiring orders without the superseded ones, both list APIs leaving expired certificates out, the
// `chain-file` output, a reused certificate's summary without an issue-like timeline, deploy rows with their real
// served-since and short result cells, alert bodies that say issuance or renewal with the current expiry, "1 day"
// not "1 days", and the emulator's banner naming every endpoint it serves.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FakeGitHubApi, startFakeGitHubApi } from '../support/fake-github-api.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

const DAY = 86_400_000;
let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'], recycleLeafKeys: true });
});
afterAll(() => emulator.close());

const run = (inputs: Record<string, string>, options?: Parameters<typeof runAction>[1]) =>
  runAction(emulatorInputs(emulator, inputs), options);

/** An issued order for these names, ending in `daysLeft` days. */
const seedIssued = (domain: string, daysLeft: number, lifetimeDays = 90) => {
  const now = emulator.clock.now();
  return emulator.cas.seedOrder({
    domains: [domain],
    state: 'certificate',
    notBefore: now - (lifetimeDays - daysLeft) * DAY,
    notAfter: now + daysLeft * DAY,
  });
};

describe('outputs', () => {
  it('`changed` is true after a delete that removed a certificate, false when it was gone already', async () => {
    const order = await seedIssued('delete-me.example.com', 60);
    const certId = order.certificate?.certId ?? '';
    const first = await run({ mode: 'delete', 'cert-id': certId });
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs).toMatchObject({ status: 'deleted', changed: 'true' });
    const again = await run({ mode: 'delete', 'cert-id': certId });
    expect(again.outputs).toMatchObject({ status: 'deleted', changed: 'false' });
  });

  it('`chain-file` names chain.pem beside the other files', async () => {
    const run1 = await run({ domains: 'chain.example.com', 'output-dir': 'certs' });
    expect(run1.exitCode, run1.stdout).toBe(0);
    const dir = join(run1.workDir, 'certs');
    expect(run1.outputs['chain-file']).toBe(join(dir, 'chain.pem'));
    expect(await readFile(join(dir, 'chain.pem'), 'utf8')).toBe(run1.outputs['certificate-chain']);
  });

  it('`mode: status` of the account does not count an order whose replacement is issued as expiring', async () => {
    const old = await seedIssued('replaced.example.com', 5);
    const replacement = await seedIssued('replaced.example.com', 85);
    const alone = await seedIssued('alone.example.com', 1.5);
    const status = await run({ mode: 'status', 'renew-before-days': '30' });
    expect(status.exitCode, status.stdout).toBe(0);
    expect(status.summary).not.toContain(`| ${old.orderId} |`);
    expect(status.summary).not.toContain(`| ${replacement.orderId} |`);
    expect(status.summary).toContain(`| ${alone.orderId} | alone.example.com |`);
    expect(status.stdout).toContain(`Order ${alone.orderId} for alone.example.com expires in 1 day.`);
    expect(status.summary).toMatch(/\| alone\.example\.com \| [^|]+ \| [^|]* \| \S+ \(1 day\) \|/);
  });
});

describe('the two list APIs agree on expired certificates', () => {
  it.each(['2020-04-07', '2018-07-13'])('api-version %s lists only the unexpired', async (version) => {
    const tag = version.slice(0, 4);
    const now = emulator.clock.now();
    const expired = await emulator.ca.issueLeaf({
      names: [`gone${tag}.agree.example.com`],
      notBefore: new Date(now - 100 * DAY),
      notAfter: new Date(now - DAY),
    });
    const valid = await emulator.ca.issueLeaf({ names: [`kept${tag}.agree.example.com`] });
    for (const [name, leaf] of [
      [`gone${tag}`, expired],
      [`kept${tag}`, valid],
    ] as const) {
      emulator.cas.certificates.add({
        name,
        pem: `${leaf.certificatePem}${leaf.chainPem}`,
        privateKeyPem: leaf.privateKeyPem ?? '',
        source: 'upload',
      });
    }
    const listed = await run({
      mode: 'list',
      'api-version': version,
      domains: `gone${tag}.agree.example.com, kept${tag}.agree.example.com`,
    });
    expect(listed.exitCode, listed.stdout).toBe(0);
    const names = (JSON.parse(listed.outputs.certificates ?? '[]') as Array<{ name: string }>).map(
      (c) => c.name,
    );
    expect(names).toEqual([`kept${tag}`]);
  });
});

describe('summaries', () => {
  it('a reused certificate shows no timeline stamped with this run, but says it was not issued now', async () => {
    const first = await run({ domains: 'reuse.example.com' });
    expect(first.outputs.status, first.stdout).toBe('issued');
    const again = await run({ domains: 'reuse.example.com' });
    expect(again.outputs.status).toBe('unchanged');
    expect(again.summary).not.toContain('| Timeline |');
    expect(again.summary).toMatch(
      /\| Reused \| Order \d+ \(certificate\), valid since \S+: not issued by this run \|/,
    );
  });

  it('a deploy row of a domain already serving keeps its served-since; a failure cell is short, the detail below', async () => {
    emulator.cdn.addDomain('served.example.com');
    const first = await run({ domains: 'served.example.com', 'cdn-domains': 'served.example.com' });
    expect(first.exitCode, first.stdout).toBe(0);
    const servedSince = first.summary.match(
      /\| CDN \| served\.example\.com \| none \| \d+ \| (\S+) \| deployed \|/,
    )?.[1];
    expect(servedSince).toBeDefined();
    // A later run, when the service says since when (CertUpdateTime): the row shows that time, not this run's.
    await new Promise((done) => setTimeout(done, 1100));
    const again = await run({ domains: 'served.example.com', 'cdn-domains': 'served.example.com' });
    expect(again.exitCode, again.stdout).toBe(0);
    const row = again.summary.split('\n').find((l) => l.startsWith('| CDN | served.example.com |')) ?? '';
    const updated = emulator.cdn.domain('served.example.com')?.certificate?.updatedAt ?? 0;
    expect(row.split(' | ')[4]).toBe(`${new Date(updated).toISOString().slice(0, 19)}Z`);
    expect(row).toMatch(/\| already served \|$/);
    // A domain that cannot take it: the cell says failed, the sentence is below the table.
    emulator.cdn.addDomain('broken.example.com', { failStatus: 'cname_error' });
    const broken = await run({ domains: 'broken.example.com', 'cdn-domains': 'broken.example.com' });
    expect(broken.exitCode).toBe(1);
    expect(broken.summary).toMatch(/\| CDN \| broken\.example\.com \| none \| none \| {2}\| failed \|/);
    expect(broken.summary).toMatch(
      /^- CDN broken\.example\.com: CDN domain broken\.example\.com reports cname_error/m,
    );
  });
});

describe('alert bodies', () => {
  let github: FakeGitHubApi;
  beforeAll(async () => {
    github = await startFakeGitHubApi();
  });
  afterAll(() => github.close());
  const env = () => ({
    GITHUB_API_URL: github.url,
    GITHUB_REPOSITORY: github.repository,
    GITHUB_RUN_ID: '7',
  });
  const bodyOf = (domain: string) =>
    github.issues.find((i) => i.title === `Certificate alert: ${domain}`)?.body ?? '';

  it('a first issuance that fails says issuance; a failing renewal gives the current expiry', async () => {
    // No DNS zone for example.org in the account: both fail before ordering.
    const first = await run(
      { domains: 'first.example.org', alert: 'issue', 'github-token': github.token },
      { env: env() },
    );
    expect(first.exitCode).toBe(1);
    expect(bodyOf('first.example.org')).toMatch(
      /^\*\*The issuance of the certificate for first\.example\.org failed\*\*/,
    );
    const current = await seedIssued('due.example.org', 1.5);
    const renewal = await run(
      { domains: 'due.example.org', alert: 'issue', 'github-token': github.token },
      { env: env() },
    );
    expect(renewal.exitCode).toBe(1);
    const body = bodyOf('due.example.org');
    expect(body).toMatch(/^\*\*The renewal of the certificate for due\.example\.org failed\*\*/);
    const notAfter = `${new Date(current.certificate?.notAfter ?? 0).toISOString().slice(0, 19)}Z`;
    expect(body).toContain(`The current certificate expires ${notAfter} (in 1 day).`);
  });
});

describe('the emulator banner', () => {
  it('names every endpoint it serves and what a keyless try needs, and the ID-token URL answers', async () => {
    const root = resolve(import.meta.dirname, '../..');
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['emulator/cli.ts'], { cwd: root });
    try {
      const banner = await new Promise<string>((done, fail) => {
        let out = '';
        child.stdout.on('data', (chunk) => {
          out += chunk;
          // The banner is one write; the secret's line is in it whatever follows.
          if (/access-key-secret[^\n]*\n/.test(out)) setTimeout(() => done(out), 200);
        });
        child.on('exit', () => fail(new Error(`emulator exited: ${out}`)));
      });
      const url = /^listening on (\S+)$/m.exec(banner)?.[1] ?? '';
      expect(banner).toMatch(/dcdn-endpoint/);
      expect(banner).toMatch(new RegExp(`sts-endpoint[^\\n]*: ${url}`));
      const tokenUrl = /ACTIONS_ID_TOKEN_REQUEST_URL=(\S+)/.exec(banner)?.[1] ?? '';
      const requestToken = /ACTIONS_ID_TOKEN_REQUEST_TOKEN=(\S+)/.exec(banner)?.[1] ?? '';
      expect(banner).toMatch(/role-arn acs:ram::\d+:role\/\S+/);
      expect(banner).toMatch(/oidc-provider-arn acs:ram::\d+:oidc-provider\/\S+/);
      const answer = await fetch(`${tokenUrl}&audience=sts.aliyuncs.com`, {
        headers: { authorization: `Bearer ${requestToken}` },
      });
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { value?: string }).value).toMatch(/^ey/);
    } finally {
      child.kill('SIGTERM');
    }
  }, 30_000);
});
