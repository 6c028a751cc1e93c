// `mode: plan` end to end (dist/index.js against the emulator): a fleet of 100 and of 1,000 certificates, the order
// list limited to the account's 10 calls a second, 5 due and 1 in flight: the matrix names exactly those, in a few
// list calls whatever the fleet's size. Then the matrix feeds the renewals: the in-flight entry resumes its order
// (never a second one), and a batch (the form past 256) renews its certificates one after the other. A fleet on
// V2.0 instances: a pending instance is in flight, and its job resumes it.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET } from '../../emulator/server.js';
import { createEmulator, type Emulator, emulatorInputs } from '../support/fixtures.js';
import { type Fleet, seedFleet } from '../support/fleet-fixture.js';
import { NODE_BINARY, runAction } from '../support/run-action.js';

type Matrix = { include: Array<Record<string, unknown>> };

describe.each([100, 1000])('mode: plan over %i certificates at 10 QPS', (size) => {
  let emulator: Emulator;
  let fleet: Fleet;
  beforeAll(async () => {
    // Call counts per page are the figure under test: chaos mode's forced small pages would change them.
    emulator = await createEmulator({ zones: ['example.com'], chaosMode: false });
    fleet = await seedFleet(emulator, size);
  }, 120_000);
  afterAll(() => emulator.close());

  it('plans in a few list calls; the matrix names exactly the due and in-flight ones', async () => {
    emulator.calls.length = 0;
    emulator.faults.chaos = { qps: 10, qpsActions: ['ListUserCertificateOrder'] };
    const run = await runAction(
      emulatorInputs(emulator, { mode: 'plan', certificates: 'certificates.json' }),
      {
        prepare: (dir) => writeFile(join(dir, 'certificates.json'), JSON.stringify(fleet.entries)),
        env: { GITHUB_WORKSPACE: '' },
      },
    );
    emulator.faults.clear();
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs.status).toBe('planned');
    expect(run.outputs.changed).toBe('false');
    expect(run.outputs['due-count']).toBe('6');
    const matrix = JSON.parse(run.outputs.matrix ?? '') as Matrix;
    expect(matrix.include.map((e) => e.name).sort()).toEqual([...fleet.due, ...fleet.inFlight].sort());
    const inFlight = matrix.include.find((e) => e.plan === 'in-flight');
    expect(inFlight).toMatchObject({ name: fleet.inFlight[0], 'order-id': expect.stringMatching(/^\d+$/) });
    // Only the lists, every page (50 orders a page), whatever the fleet's size: no call per certificate. The
    // orders, the V2.0 instances and the uploaded certificates (ListUserCertificateOrder OrderType UPLOAD).
    const accepted = emulator.calls.filter((c) => c.status === 200);
    expect(new Set(accepted.map((c) => c.action))).toEqual(
      new Set(['ListUserCertificateOrder', 'ListInstances']),
    );
    const orderPages = accepted.filter((c) => c.params.OrderType === 'CPACK');
    expect(orderPages.length).toBe(Math.ceil((size - 2) / 50));
    expect(accepted.filter((c) => c.action === 'ListInstances')).toHaveLength(1);
    expect(accepted.filter((c) => c.params.OrderType === 'UPLOAD')).toHaveLength(1);
    expect(accepted).toHaveLength(orderPages.length + 2);
    // The client paces itself to the order list's documented 10 calls a second: never refused (issue 28, item 6).
    expect(emulator.calls.filter((c) => c.status !== 200).map((c) => `${c.action} ${c.code}`)).toEqual([]);
    // The summary lists every certificate, fewest days left first.
    const rows = run.summary.split('\n').filter((l) => /^\| cert-\d+ \|/.test(l));
    expect(rows).toHaveLength(size);
    // No certificate at all (2 due, 1 in flight) lead, then the 3 with 10 days left, then the rest.
    expect(rows.slice(0, 6).map((r) => r.split(' | ')[2])).toEqual([
      'due',
      'due',
      'in-flight',
      'due',
      'due',
      'due',
    ]);
    expect(rows.slice(6).every((r) => r.includes('| ok |'))).toBe(true);
  }, 120_000);
});

describe('the matrix feeds the renewals', () => {
  let emulator: Emulator;
  let fleet: Fleet;
  let matrix: Matrix;
  beforeAll(async () => {
    emulator = await createEmulator({ zones: ['example.com'] });
    fleet = await seedFleet(emulator, 12);
    const run = await runAction(
      emulatorInputs(emulator, { mode: 'plan', certificates: JSON.stringify(fleet.entries) }),
    );
    matrix = JSON.parse(run.outputs.matrix ?? '') as Matrix;
  }, 60_000);
  afterAll(() => emulator.close());

  it('the in-flight entry resumes its order: issued, and no second order for the names', async () => {
    const entry = matrix.include.find((e) => e.plan === 'in-flight') ?? {};
    const ordersBefore = emulator.cas.orders().length;
    const run = await runAction(
      emulatorInputs(emulator, {
        mode: 'issue',
        domains: String(entry.domains),
        'order-id': String(entry['order-id']),
      }),
    );
    expect(run.exitCode, run.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ status: 'issued', 'order-id': entry['order-id'], changed: 'true' });
    expect(emulator.cas.orders().length).toBe(ordersBefore);
  });

  it('a batch job (dist/renew-batch.js) renews its certificates in turn, as GitHub runs the action', async () => {
    const batch = matrix.include.filter((e) => e.plan === 'due').slice(0, 3);
    // The runner makes the job's summary file; the action's steps and the batch append to it.
    const summary = join(await mkdtemp(join(tmpdir(), 'batch-summary-')), 'summary.md');
    await writeFile(summary, '');
    const env = {
      PATH: process.env.PATH ?? '',
      CERTIFICATES: JSON.stringify(batch),
      BATCH_INPUTS: JSON.stringify({
        ...emulatorInputs(emulator),
        'fail-on-pending': 'false',
        'access-key-id': '',
        'access-key-secret': '',
      }),
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
      GITHUB_STEP_SUMMARY: summary,
    };
    // As renew.yml runs it: `node <checkout of the action>/dist/renew-batch.js`.
    const script = resolve(import.meta.dirname, '../../dist/renew-batch.js');
    const { code, stdout } = await new Promise<{ code: number | null; stdout: string }>((done) => {
      const child = spawn(NODE_BINARY, [script], { env });
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
      });
      child.on('close', (exit) => done({ code: exit, stdout: out }));
    });
    expect(code, stdout).toBe(0);
    for (const e of batch) expect(stdout).toContain(`${e.name}: issued`);
    const table = await readFile(summary, 'utf8');
    expect(table).toContain(`#### Batch (${batch.length})`);
    for (const e of batch) expect(table).toContain(`| ${e.name} | issued | true |`);
    await rm(dirname(summary), { recursive: true, force: true });
    const replan = await runAction(
      emulatorInputs(emulator, { mode: 'plan', certificates: JSON.stringify(fleet.entries) }),
    );
    const left = (JSON.parse(replan.outputs.matrix ?? '') as Matrix).include.map((e) => e.name);
    for (const e of batch) expect(left).not.toContain(e.name);
  });

  it('a bad entry is reported and left out; the others are still planned; the plan fails', async () => {
    const run = await runAction(
      emulatorInputs(emulator, {
        mode: 'plan',
        certificates: JSON.stringify([...fleet.entries, { name: 'no domains' }]),
      }),
    );
    // Invalid entries fail the step (test/e2e/fleet-contract.test.ts); the matrix of the others is still out.
    expect(run.exitCode, run.stdout).toBe(1);
    const left = (JSON.parse(run.outputs.matrix ?? '') as Matrix).include;
    expect(left.length).toBeGreaterThan(0);
    expect(run.outputs['due-count']).toBe(String(left.length));
    expect(run.stdout).toMatch(/::warning::certificates: entry no domains name must be/);
    expect(run.summary).toMatch(/\| no domains \| {2}\| invalid \|/);
  });

  it('a certificates input that is neither JSON nor a file fails naming the input, before any call', async () => {
    emulator.calls.length = 0;
    const run = await runAction(emulatorInputs(emulator, { mode: 'plan', certificates: 'missing.json' }));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/input 'certificates' is neither a JSON array nor a readable file/);
    expect(emulator.calls).toHaveLength(0);
  });
});

describe('a fleet on V2.0 instances', () => {
  let emulator: Emulator;
  beforeAll(async () => {
    emulator = await createEmulator({ zones: ['example.com'] });
  });
  afterAll(() => emulator.close());

  it('plans an issued instance ok and a pending one in flight; its job resumes it, never applying twice', async () => {
    const issued = emulator.instances.addInstance();
    const first = await runAction(
      emulatorInputs(emulator, { 'instance-id': issued.instanceId, domains: 'fleet-ok.example.com' }),
    );
    expect(first.outputs.status, first.stdout).toBe('issued');
    const pending = emulator.instances.addInstance();
    const waiting = await runAction(
      emulatorInputs(emulator, {
        'instance-id': pending.instanceId,
        domains: 'fleet-pending.example.com',
        'dns-provider': 'manual',
        'wait-timeout': '1',
        'fail-on-pending': 'false',
      }),
    );
    expect(waiting.outputs.status, waiting.stdout).toBe('pending');

    const entries = [
      { name: 'fleet-ok', domains: ['fleet-ok.example.com'] },
      { name: 'fleet-pending', domains: ['fleet-pending.example.com'] },
    ];
    const plan = await runAction(
      emulatorInputs(emulator, { mode: 'plan', certificates: JSON.stringify(entries) }),
    );
    expect(plan.exitCode, plan.stdout).toBe(0);
    expect(plan.outputs['due-count']).toBe('1');
    const matrix = JSON.parse(plan.outputs.matrix ?? '') as Matrix;
    expect(matrix.include).toEqual([
      expect.objectContaining({
        name: 'fleet-pending',
        plan: 'in-flight',
        'instance-id': pending.instanceId,
      }),
    ]);
    expect(plan.summary).toMatch(
      new RegExp(
        `\\| fleet-ok \\| fleet-ok\\.example\\.com \\| ok \\| \\d+ \\|.*instance ${issued.instanceId}`,
      ),
    );

    // The renewal job for the in-flight entry, as renew.yml passes the matrix: the instance is resumed.
    const [entry] = matrix.include;
    const applied = () => emulator.callsTo('ApplyCertificate').filter((c) => c.status === 200).length;
    const appliedBefore = applied();
    const job = await runAction(
      emulatorInputs(emulator, {
        domains: String(entry?.domains),
        'instance-id': String(entry?.['instance-id']),
      }),
    );
    expect(job.exitCode, job.stdout).toBe(0);
    expect(job.outputs).toMatchObject({ status: 'issued', 'instance-id': pending.instanceId });
    expect(applied()).toBe(appliedBefore);
  }, 60_000);
});
