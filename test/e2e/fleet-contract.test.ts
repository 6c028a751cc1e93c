// One fleet contract (docs/fleet.md): the keys a fleet entry may give (src/fleet/entry-keys.ts) are the keys the
// plan accepts, the keys renew.yml's matrix job forwards through certificate.yml to the action, and the keys the
// batch job (dist/renew-batch.js) turns into inputs. Anything else — a typo, an endpoint, a hook, a mode — is
// refused: by the plan with "did you mean", by the batch before any run. The batch job checks the action out at
// the reusable workflow's own commit and keeps its files under RUNNER_TEMP, removed on cancellation too.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET } from '../../emulator/server.js';
import { MATRIX_INPUTS } from '../../src/fleet/entry-keys.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { eventually, NODE_BINARY, runAction } from '../support/run-action.js';

const root = path.resolve(import.meta.dirname, '../..');
// The scheduled fleet example is in examples/ (GitHub would run it here); the reusable workflows it calls stay.
const workflow = (name: string) =>
  parse(readFileSync(path.join(root, name === 'renew.yml' ? 'examples' : '.github/workflows', name), 'utf8'));
const BATCH_SCRIPT = path.join(root, 'dist/renew-batch.js');
const expression = (text: string) => `\${{ ${text} }}`;

type Context = Record<string, Record<string, unknown>>;

/** `${{ a.b || 'x' || 30 }}` and plain text: the expressions the fleet workflows use with `with:`. */
function evaluate(value: unknown, context: Context): string {
  const text = String(value);
  const whole = /^\$\{\{\s*(.*?)\s*\}\}$/.exec(text);
  if (!whole) return text;
  for (const term of (whole[1] ?? '').split(/\s*\|\|\s*/)) {
    const literal = /^'(.*)'$/.exec(term);
    const ref = /^(matrix|inputs|secrets|vars)\.([\w-]+)$/.exec(term);
    let result: unknown;
    if (literal) result = literal[1];
    else if (/^\d+$/.test(term) || term === 'false' || term === 'true') result = term;
    else if (ref) result = context[ref[1] ?? '']?.[ref[2] ?? ''];
    else throw new Error(`expression the test does not emulate: ${term}`);
    if (result !== undefined && result !== '' && result !== false && result !== 0) return String(result);
  }
  return '';
}

/** The keys of a `with:` map whose value reads `<scope>.<key>`, each of them reading its own name. */
function forwarded(withMap: Record<string, unknown>, scope: string): string[] {
  const keys: string[] = [];
  for (const [key, value] of Object.entries(withMap)) {
    const refs = [...String(value).matchAll(new RegExp(`\\b${scope}\\.([\\w-]+)`, 'g'))].map((m) => m[1]);
    if (refs.length === 0) continue;
    expect(refs, `with: ${key}`).toEqual([key]);
    keys.push(key);
  }
  return keys.sort();
}

interface BatchRun {
  code: number | null;
  stdout: string;
}

function startBatch(env: Record<string, string>): { child: ChildProcess; done: Promise<BatchRun> } {
  const child = spawn(NODE_BINARY, [BATCH_SCRIPT], { env: { PATH: process.env.PATH ?? '', ...env } });
  let out = '';
  child.stdout?.on('data', (chunk) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    out += chunk;
  });
  const done = new Promise<BatchRun>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout: out })),
  );
  return { child, done };
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
afterAll(() => emulator.close());

/** BATCH_INPUTS as a workflow gives them, pointed at the emulator (credentials from the environment). */
const batchEnv = (certificates: unknown[], extra: Record<string, string> = {}) => ({
  CERTIFICATES: JSON.stringify(certificates),
  BATCH_INPUTS: JSON.stringify({
    ...emulatorInputs(emulator, { 'dcdn-endpoint': emulator.url }),
    'fail-on-pending': 'false',
    'access-key-id': '',
    'access-key-secret': '',
  }),
  ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_ACCESS_KEY_ID,
  ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
  ...extra,
});

describe('the workflows forward exactly the entry keys', () => {
  const renew = workflow('renew.yml').jobs.renew;
  const called = workflow('certificate.yml');
  const step = called.jobs.certificate.steps.find((s: { id?: string }) => s.id === 'cert');

  it("renew.yml's matrix job forwards every matrix input, and only those, under its own name", () => {
    expect(forwarded(renew.with, 'matrix')).toEqual([...MATRIX_INPUTS].sort());
  });

  it('certificate.yml takes each as an input and hands it to the action under the same name', () => {
    const declared = Object.keys(called.on.workflow_call.inputs);
    for (const key of MATRIX_INPUTS) expect(declared, key).toContain(key);
    const handed = forwarded(step.with, 'inputs');
    for (const key of MATRIX_INPUTS) expect(handed, key).toContain(key);
  });

  it('an entry with cdn-domains deploys through renew.yml → certificate.yml → the action', async () => {
    emulator.cdn.addDomain('fleet-cdn.example.com');
    const entry = {
      name: 'fleet-cdn',
      domains: 'fleet-cdn.example.com',
      'cdn-domains': 'fleet-cdn.example.com',
    };
    const plan = await runAction(
      emulatorInputs(emulator, { mode: 'plan', certificates: JSON.stringify([entry]) }),
    );
    expect(plan.exitCode, plan.stdout).toBe(0);
    const [matrix] = JSON.parse(plan.outputs.matrix ?? '').include;
    const caller = {
      matrix,
      secrets: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_ACCESS_KEY_ID,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
      },
    };
    const withInputs: Record<string, string> = {};
    for (const [name, value] of Object.entries(renew.with ?? {})) withInputs[name] = evaluate(value, caller);
    Object.assign(withInputs, {
      endpoint: emulator.url,
      'dns-endpoint': emulator.url,
      'cdn-endpoint': emulator.url,
      'poll-interval': '0.05',
      'max-poll-interval': '0.2',
      'artifact-name': '',
    });
    const inputs: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(
      called.on.workflow_call.inputs as Record<string, { default?: unknown }>,
    ))
      inputs[name] = withInputs[name] ?? spec.default;
    const secrets: Record<string, string> = {};
    for (const [name, value] of Object.entries(renew.secrets ?? {})) secrets[name] = evaluate(value, caller);
    const actionInputs = Object.fromEntries(
      Object.entries(step.with as Record<string, unknown>).map(([k, v]) => [
        k,
        evaluate(v, { inputs, secrets }),
      ]),
    );
    const run = await runAction(actionInputs);
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('issued');
    expect(run.outputs['deployed-domains']).toBe('fleet-cdn.example.com');
    expect(emulator.cdn.domain('fleet-cdn.example.com')?.certificate?.certId).toBe(run.outputs['cert-id']);
  });
});

describe('the plan refuses what is not an entry key', () => {
  it('a typo is refused with "did you mean"; the valid entries are still in the matrix; the plan fails', async () => {
    const entries = [
      { name: 'typo-days', domains: 'typo-days.example.com', 'renew-before-day': 20 },
      { name: 'typo-domains', domain: 'typo-domains.example.com' },
      { name: 'hook', domains: 'hook.example.com', 'dns-hook': 'touch /tmp/owned' },
      { name: 'fine', domains: 'fine.example.com' },
    ];
    const run = await runAction(
      emulatorInputs(emulator, { mode: 'plan', certificates: JSON.stringify(entries) }),
    );
    expect(run.stdout).toMatch(
      /entry typo-days has an unknown key 'renew-before-day' \(did you mean 'renew-before-days'\?\)/,
    );
    expect(run.stdout).toMatch(/entry typo-domains has an unknown key 'domain' \(did you mean 'domains'\?\)/);
    expect(run.stdout).not.toMatch(/typo-domains domains must be/);
    expect(run.stdout).toMatch(
      /entry hook has an unknown key 'dns-hook' \(an entry may give: name, domains, /,
    );
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.stdout).toMatch(
      /::error::.*3 of 4 certificate entries are invalid \(hook, typo-days, typo-domains\)/,
    );
    // The others still renew: the matrix is out, with the valid entry alone.
    const matrix = JSON.parse(run.outputs.matrix ?? '');
    expect(matrix.include.map((e: { name: string }) => e.name)).toEqual(['fine']);
    expect(run.outputs['due-count']).toBe('1');
  });

  it('a list whose every entry is invalid fails the plan', async () => {
    const run = await runAction(
      emulatorInputs(emulator, {
        mode: 'plan',
        certificates: JSON.stringify([{ name: 'a', domain: 'a.example.com' }, { name: 'b' }]),
      }),
    );
    expect(run.exitCode, run.stdout).toBe(1);
    expect(run.outputs['due-count']).toBe('0');
  });

  it("renew.yml's renewals still run when the plan failed over an invalid entry, never when it was cancelled", () => {
    const jobs = workflow('renew.yml').jobs;
    for (const name of ['renew', 'renew-batch']) {
      expect(jobs[name].if, name).toContain('!cancelled()');
      expect(jobs[name].if, name).toContain("needs.plan.outputs.matrix != ''");
    }
  });
});

describe('the batch job (dist/renew-batch.js)', () => {
  it('turns only the entry keys into inputs: an entry naming an endpoint, a hook or a mode is refused', async () => {
    const elsewhere = await createEmulator({ zones: ['example.com'] });
    const marker = path.join(await mkdtemp(path.join(tmpdir(), 'batch-hook-')), 'hook-ran');
    emulator.cdn.addDomain('batch-cdn.example.com');
    try {
      const certificates = [
        { name: 'endpoint', domains: 'b-endpoint.example.com', endpoint: elsewhere.url, plan: 'due' },
        {
          name: 'hook',
          domains: 'b-hook.example.com',
          'dns-provider': 'hook',
          'dns-hook': `touch ${marker}`,
          plan: 'due',
        },
        { name: 'mode', domains: 'b-mode.example.com', mode: 'status', plan: 'due' },
        {
          name: 'cdn',
          domains: 'batch-cdn.example.com',
          'cdn-domains': 'batch-cdn.example.com',
          plan: 'due',
        },
      ];
      const { done } = startBatch(batchEnv(certificates));
      const { code, stdout } = await done;
      expect(stdout).toMatch(/endpoint: refused: key 'endpoint' is not an entry input/);
      expect(stdout).toMatch(/hook: refused: key 'dns-hook' is not an entry input/);
      expect(stdout).toMatch(/mode: refused: key 'mode' is not an entry input/);
      expect(elsewhere.calls).toHaveLength(0);
      expect(existsSync(marker)).toBe(false);
      expect(stdout).toContain('cdn: issued');
      expect(emulator.cdn.domain('batch-cdn.example.com')?.certificate).toBeDefined();
      expect(code).toBe(1);
      expect(stdout).toMatch(/::error::3 of 4 failed: endpoint, hook, mode/);
    } finally {
      await elsewhere.close();
      await rm(path.dirname(marker), { recursive: true, force: true });
    }
  }, 60_000);

  it('keeps its files under RUNNER_TEMP and removes them when cancelled', async () => {
    const runnerTemp = await mkdtemp(path.join(tmpdir(), 'batch-runner-temp-'));
    const systemTemp = await mkdtemp(path.join(tmpdir(), 'batch-system-temp-'));
    const batchDirs = () =>
      [runnerTemp, systemTemp].flatMap((dir) =>
        readdirSync(dir)
          .filter((name) => name.startsWith('renew-batch-'))
          .map((name) => path.join(dir, name)),
      );
    try {
      // Waits for validation records nobody creates (dns-provider manual): cancelled while the step runs.
      const certificates = [
        { name: 'slow', domains: 'b-slow.example.com', 'dns-provider': 'manual', plan: 'due' },
      ];
      const env = batchEnv(certificates, { RUNNER_TEMP: runnerTemp, TMPDIR: systemTemp });
      const inputs = JSON.parse(env.BATCH_INPUTS);
      env.BATCH_INPUTS = JSON.stringify({ ...inputs, 'wait-timeout': '60' });
      const { child, done } = startBatch(env);
      await eventually(
        () =>
          batchDirs().length > 0 &&
          emulator.cas.orders().some((o) => o.domains.includes('b-slow.example.com')),
        20_000,
      );
      expect(batchDirs().every((dir) => dir.startsWith(runnerTemp))).toBe(true);
      child.kill('SIGINT');
      const { code, stdout } = await done;
      expect(code, stdout).not.toBe(0);
      expect(batchDirs(), stdout).toEqual([]);
      expect(stdout).toMatch(/cancelled/);
    } finally {
      await rm(runnerTemp, { recursive: true, force: true });
      await rm(systemTemp, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('the batch job checks the action out at a pinned commit', () => {
  it('renew.yml calls the batch reusable workflow, which checks out its own commit (job.workflow_sha)', () => {
    const job = workflow('renew.yml').jobs['renew-batch'];
    expect(job.uses).toMatch(/^[\w-]+\/[\w.-]+\/\.github\/workflows\/renew-batch\.yml@v\d+$/);
    const batch = workflow('renew-batch.yml');
    const steps: Array<{ uses?: string; with?: Record<string, string>; run?: string; if?: string }> =
      batch.jobs.batch.steps;
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    expect(checkout?.uses).toMatch(/^actions\/checkout@[0-9a-f]{40}$/);
    expect(checkout?.with).toMatchObject({
      repository: expression('job.workflow_repository'),
      ref: expression('job.workflow_sha'),
      'persist-credentials': false,
    });
    expect(steps.find((s) => s.run?.includes('dist/renew-batch.js'))?.run?.trim()).toBe(
      `node ${checkout?.with?.path}/dist/renew-batch.js`,
    );
    // And whatever stops the step, the checkout and anything under RUNNER_TEMP go at the end of the job.
    const cleanup = steps.at(-1);
    expect(cleanup?.if).toBe('always()');
    expect(cleanup?.run).toContain('RUNNER_TEMP');
  });
});
