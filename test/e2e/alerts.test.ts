// `alert: issue` end to end: dist/index.js against the emulator and a fake of the GitHub REST API
// (GITHUB_API_URL), as a scheduled renewal meets them: a failing renewal opens one issue, a second failure
// comments on it, the run that renews the certificate closes it; a plan alerts on a certificate close to expiry.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERT_LABEL } from '../../src/alert/events.js';
import { type FakeGitHubApi, startFakeGitHubApi } from '../support/fake-github-api.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

let emulator: Emulator;
let github: FakeGitHubApi;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
  github = await startFakeGitHubApi();
});
afterAll(async () => {
  await emulator.close();
  await github.close();
});

const githubEnv = () => ({
  GITHUB_API_URL: github.url,
  GITHUB_REPOSITORY: github.repository,
  GITHUB_SERVER_URL: 'https://github.example',
  GITHUB_RUN_ID: '4242',
});
const alertInputs = (extra: Record<string, string>) =>
  emulatorInputs(emulator, { alert: 'issue', 'github-token': github.token, ...extra });

describe('alert: issue', () => {
  it('opens one issue on a failed renewal, comments on the next failure, closes it on renewal', async () => {
    const domains = 'alert.example.org';
    // A pull request with the same title and label: never taken for the alert issue.
    github.issues.push({
      number: 1,
      title: `Certificate alert: ${domains}`,
      body: '',
      state: 'open',
      labels: [ALERT_LABEL],
      comments: [],
      pull_request: { url: 'https://example.invalid/pr/1' },
    });
    // No DNS zone for example.org in the account: the renewal fails before ordering.
    const first = await runAction(alertInputs({ domains }), { env: githubEnv() });
    expect(first.exitCode).toBe(1);
    const alerts = () => github.issues.filter((i) => !i.pull_request);
    expect(alerts()).toHaveLength(1);
    const [issue] = alerts();
    expect(issue).toMatchObject({
      title: `Certificate alert: ${domains}`,
      state: 'open',
      labels: [ALERT_LABEL],
    });
    expect(issue?.body).toContain('No Alibaba Cloud DNS zone');
    expect(issue?.body).toContain('https://github.example/octo/fleet/actions/runs/4242');
    expect(github.labels).toContain(ALERT_LABEL);
    expect(first.stdout).toContain(`alert: opened issue #${issue?.number}`);

    const second = await runAction(alertInputs({ domains }), { env: githubEnv() });
    expect(second.exitCode).toBe(1);
    expect(alerts()).toHaveLength(1);
    expect(issue?.comments).toHaveLength(1);
    expect(issue?.comments[0]).toContain('failed');

    emulator.dns.addZone('example.org');
    const renewed = await runAction(alertInputs({ domains }), { env: githubEnv() });
    expect(renewed.exitCode, renewed.stdout).toBe(0);
    expect(renewed.outputs).toMatchObject({ status: 'issued', changed: 'true' });
    expect(alerts()).toHaveLength(1);
    expect(issue).toMatchObject({ state: 'closed', state_reason: 'completed' });
    expect(issue?.comments.at(-1)).toMatch(/^Renewed \(order \d+\), valid until/);

    // The token is masked and goes nowhere: not in the logs, outputs, state or summary.
    for (const run of [first, second, renewed]) {
      expect(run.stdout).toContain(`::add-mask::${github.token}`);
      const everything = [run.stdout.replaceAll(`::add-mask::${github.token}`, ''), run.stderr]
        .concat(Object.values(run.files))
        .join('\n');
      expect(everything).not.toContain(github.token);
    }
    // A later no-op run touches no issue at all.
    const before = github.requests.length;
    const noop = await runAction(alertInputs({ domains }), { env: githubEnv() });
    expect(noop.outputs).toMatchObject({ status: 'unchanged', changed: 'false' });
    expect(github.requests.length).toBe(before);
  });

  it('a plan alerts on a certificate with fewer than alert-before-days left, once, and closes it when renewed', async () => {
    const now = emulator.clock.now();
    const day = 86_400_000;
    await emulator.cas.seedOrder({
      domains: ['soon.example.com'],
      notBefore: now - 87 * day,
      notAfter: now + 3 * day,
      consumeQuota: false,
    });
    const certificates = JSON.stringify([{ name: 'soon', domains: 'soon.example.com' }]);
    const plan = () => runAction(alertInputs({ mode: 'plan', certificates }), { env: githubEnv() });
    const first = await plan();
    expect(first.exitCode, first.stdout).toBe(0);
    const title = 'Certificate alert: soon.example.com';
    const mine = () => github.issues.filter((i) => i.title === title);
    expect(mine()).toHaveLength(1);
    expect(mine()[0]?.body).toMatch(/Certificate soon \(soon\.example\.com\) expires in \d days/);
    await plan();
    expect(mine()).toHaveLength(1);
    expect(mine()[0]?.comments).toHaveLength(1);
    // The renewal job's run (the same domains) renews it and closes the plan's issue.
    const renewed = await runAction(alertInputs({ domains: 'soon.example.com' }), { env: githubEnv() });
    expect(renewed.outputs.status).toBe('issued');
    expect(mine()[0]?.state).toBe('closed');
  });

  it('a token without issues: write is a warning naming the permission, never a failed renewal', async () => {
    github.failWith = 403;
    try {
      const run = await runAction(alertInputs({ domains: 'denied.example.net' }), { env: githubEnv() });
      expect(run.exitCode).toBe(1); // the renewal's own failure (no zone), not the alert's
      expect(run.stdout).toMatch(/::warning::alert: could not update the alert issues.*issues: write/);
    } finally {
      github.failWith = undefined;
    }
  });
});
