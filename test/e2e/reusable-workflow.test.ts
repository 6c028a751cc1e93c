// renew.yml's call of the reusable workflow, resolved here as GitHub resolves it: the matrix entry fills the
// caller's `with:` and `secrets:`, certificate.yml's `workflow_call` defaults fill the rest, and its action
// step's `with:` becomes the INPUT_* of `node dist/index.js`, run against the emulator. So a certificate entry
// as .github/certificates.example.json shows it issues once, and the next daily run leaves it `unchanged`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { EMULATOR_ACCESS_KEY_ID, EMULATOR_ACCESS_KEY_SECRET } from '../../emulator/server.js';
import { createEmulator, type Emulator } from '../support/fixtures.js';
import { runAction } from '../support/run-action.js';

const root = path.resolve(import.meta.dirname, '../..');
// The scheduled fleet example is in examples/ (GitHub would run it here); the reusable workflows it calls stay.
const workflow = (name: string) =>
  parse(readFileSync(path.join(root, name === 'renew.yml' ? 'examples' : '.github/workflows', name), 'utf8'));

type Context = Record<string, Record<string, unknown>>;
type CallInput = { type?: string; default?: unknown };

/** The expressions these files use: `a.b`, literals, and `x || y`; anything else fails the test. */
function evaluate(value: unknown, context: Context): string {
  const text = String(value);
  const whole = /^\$\{\{\s*(.*?)\s*\}\}$/.exec(text);
  if (!whole) {
    if (text.includes('${{')) throw new Error(`expression inside text: ${text}`);
    return text;
  }
  for (const term of (whole[1] ?? '').split(/\s*\|\|\s*/)) {
    let result: unknown;
    const literal = /^'(.*)'$/.exec(term);
    if (literal) result = literal[1];
    else if (/^\d+$/.test(term)) result = Number(term);
    else {
      const ref = /^(matrix|inputs|secrets|vars)\.([\w-]+)$/.exec(term);
      if (!ref) throw new Error(`expression the test does not emulate: ${term}`);
      result = context[ref[1] ?? '']?.[ref[2] ?? ''];
    }
    if (result !== undefined && result !== '' && result !== false && result !== 0) return String(result);
  }
  return '';
}

let emulator: Emulator;
beforeAll(async () => {
  emulator = await createEmulator({ zones: ['example.com'] });
});
afterAll(async () => {
  await emulator.close();
});

describe('renew.yml → certificate.yml → the action', () => {
  const renew = workflow('renew.yml').jobs.renew;
  const called = workflow('certificate.yml');
  const call: Record<string, CallInput> = called.on.workflow_call.inputs;
  const step = called.jobs.certificate.steps.find((s: { id?: string }) => s.id === 'cert');

  it('calls the reusable workflow by its full name, at a major tag', () => {
    expect(renew.uses).toMatch(/^[\w-]+\/[\w.-]+\/\.github\/workflows\/certificate\.yml@v\d+$/);
  });

  it('plans first: the plan step runs mode plan on the list, and renewals run only over its matrix', async () => {
    const jobs = workflow('renew.yml').jobs;
    expect(renew.needs).toBe('plan');
    expect(renew.if).toContain("needs.plan.outputs.due-count != '0'");
    expect(renew.strategy.matrix).toMatch(/^\$\{\{ fromJSON\(needs\.plan\.outputs\.matrix\) \}\}$/);
    expect(jobs.summary.needs).toEqual(['plan', 'renew', 'renew-batch']);
    expect(jobs['renew-batch'].if).toContain('.include[0].batch');
    const step = jobs.plan.steps.find((s: { id?: string }) => s.id === 'plan');
    expect(step.uses).toMatch(/^[\w-]+\/[\w.-]+@v\d+$/);
    const list = readFileSync(path.join(root, '.github/certificates.example.json'), 'utf8');
    const withInputs: Record<string, string> = {};
    const context = {
      vars: { CERTIFICATES: list },
      secrets: {
        ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_ACCESS_KEY_ID,
        ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
      },
    };
    for (const [name, value] of Object.entries(step.with ?? {})) withInputs[name] = evaluate(value, context);
    withInputs.alert = 'none'; // no GitHub API here (test/e2e/alerts.test.ts has one)
    const run = await runAction({ ...withInputs, endpoint: emulator.url });
    expect(run.exitCode, run.stdout).toBe(0);
    const matrix = JSON.parse(run.outputs.matrix ?? '');
    const names = JSON.parse(list).map((e: { name: string }) => e.name);
    // Nothing issued yet for the example's names: every entry is due.
    expect(matrix.include.map((e: { name: string }) => e.name)).toEqual(expect.arrayContaining(names));
    expect(run.outputs['due-count']).toBe(String(names.length));
  });

  it('a batch job runs dist/renew-batch.js from its checkout of the action, a bundle that loads no action chunk', () => {
    // renew.yml's batch job calls renew-batch.yml, whose job checks the action out (test/e2e/fleet-contract.test.ts).
    const steps: Array<{ uses?: string; with?: Record<string, string>; run?: string }> =
      workflow('renew-batch.yml').jobs.batch.steps;
    const checkout = steps.find((s) => s.uses?.startsWith('actions/checkout@'));
    const run = steps.find((s) => s.run)?.run ?? '';
    expect(run.trim()).toBe(`node ${checkout?.with?.path}/dist/renew-batch.js`);
    // Only Node's built-ins: the batch runs dist/index.js as a child, and shares none of its chunks.
    const bundle = readFileSync(path.join(root, 'dist/renew-batch.js'), 'utf8');
    const imports = [...bundle.matchAll(/^import\s[^;]*?['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    expect(imports.length).toBeGreaterThan(0);
    for (const specifier of imports) expect(specifier).toMatch(/^node:/);
    expect(bundle).not.toMatch(/\bimport\(/);
  });

  it("issues a listed certificate once, then a daily re-run reuses it, with certificate.yml's defaults", async () => {
    const [entry] = JSON.parse(readFileSync(path.join(root, '.github/certificates.example.json'), 'utf8'));
    const matrix = entry; // the first certificate of the example, as the list job puts it in the matrix
    const secrets = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: EMULATOR_ACCESS_KEY_ID,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: EMULATOR_ACCESS_KEY_SECRET,
      CERT_KEY_PASSPHRASE: 'a passphrase',
    };
    const caller = { matrix, secrets };
    const withInputs: Record<string, string> = {};
    for (const [name, value] of Object.entries(renew.with ?? {})) withInputs[name] = evaluate(value, caller);
    // Here only: the emulator instead of Alibaba Cloud, and short polls.
    Object.assign(withInputs, {
      endpoint: emulator.url,
      'dns-endpoint': emulator.url,
      'cdn-endpoint': emulator.url,
      'poll-interval': '0.05',
      'max-poll-interval': '0.2',
    });
    const inputs: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(call)) {
      expect(spec.type, `type of workflow input ${name}`).toBeDefined();
      inputs[name] = withInputs[name] ?? spec.default;
    }
    const passedSecrets: Record<string, string> = {};
    for (const [name, value] of Object.entries(renew.secrets ?? {}))
      passedSecrets[name] = evaluate(value, caller);
    const actionInputs = Object.fromEntries(
      Object.entries(step.with as Record<string, unknown>).map(([k, v]) => [
        k,
        evaluate(v, { inputs, secrets: passedSecrets }),
      ]),
    );
    // The example entry names an artifact, which needs the runner's artifact service: leave it out here.
    actionInputs['artifact-name'] = '';

    const first = await runAction(actionInputs);
    expect(first.exitCode, first.stdout).toBe(0);
    expect(first.outputs.status).toBe('issued');
    expect(first.outputs.domains).toBe('example.com,www.example.com');
    const second = await runAction(actionInputs);
    expect(second.exitCode, second.stdout).toBe(0);
    expect(second.outputs).toMatchObject({ status: 'unchanged', 'order-id': first.outputs['order-id'] });
  });
});
