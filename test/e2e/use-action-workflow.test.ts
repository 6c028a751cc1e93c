// Runs the steps of .github/workflows/use-action.yml here, as the runner would: `run:` steps in bash with
// GITHUB_OUTPUT, `uses: ./` steps as `node dist/index.js` with their `with:` as INPUT_* (then their post steps,
// last first, with the saved state). The expressions the file may use are the few evaluated below; any other
// fails the test, so the workflow cannot drift from what is tested here.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { type ActionRun, NODE_BINARY, parseCommandFile, runAction } from '../support/run-action.js';

const root = path.resolve(import.meta.dirname, '../..');

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, unknown>;
}

const workflow = parse(readFileSync(path.join(root, '.github/workflows/use-action.yml'), 'utf8'));
const steps: Step[] = workflow.jobs.emulator.steps;
const runnerTemp = mkdtempSync(path.join(tmpdir(), 'use-action-'));
const outputs: Record<string, Record<string, string>> = {};
let emulatorPid: number | undefined;

/** `${{ steps.ID.outputs.NAME }}` and `${{ runner.temp }}`; anything else is an error. */
function evaluate(value: unknown): string {
  return String(value).replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, expression: string) => {
    if (expression === 'runner.temp') return runnerTemp;
    const ref = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expression);
    if (!ref) throw new Error(`use-action.yml: expression the test does not emulate: ${expression}`);
    return outputs[ref[1] ?? '']?.[ref[2] ?? ''] ?? '';
  });
}
const evaluateAll = (map: Record<string, unknown> = {}) =>
  Object.fromEntries(Object.entries(map).map(([k, v]) => [k, evaluate(v)]));

function runShell(step: Step): { status: number | null; output: string; outputs: Record<string, string> } {
  const outputFile = path.join(mkdtempSync(path.join(runnerTemp, 'step-')), 'github_output');
  writeFileSync(outputFile, '');
  const result = spawnSync('bash', ['-e', '-c', step.run ?? ''], {
    cwd: root,
    encoding: 'utf8',
    env: {
      PATH: `${path.dirname(NODE_BINARY)}:${process.env.PATH ?? ''}`,
      HOME: runnerTemp,
      RUNNER_TEMP: runnerTemp,
      GITHUB_OUTPUT: outputFile,
      ...evaluateAll(step.env),
    },
  });
  return {
    status: result.status,
    output: result.stdout + result.stderr,
    outputs: parseCommandFile(readFileSync(outputFile, 'utf8')),
  };
}

afterAll(() => {
  if (emulatorPid) process.kill(emulatorPid, 'SIGTERM');
});

describe('use-action.yml, run here', () => {
  it('issues, reuses, reports and cancels with `uses: ./`, and its own check passes', async () => {
    const posts: Array<{ step: Step; inputs: Record<string, string>; run: ActionRun }> = [];
    for (const step of steps) {
      const label = step.name ?? step.uses ?? step.run ?? '';
      if (step.uses?.startsWith('actions/')) continue; // checkout and setup-node: this clone, this Node
      if (step.run?.startsWith('npm ci')) continue; // installed already
      if (step.uses === './') {
        const inputs = evaluateAll(step.with);
        const run = await runAction(inputs);
        expect(run.exitCode, `${label}\n${run.stdout}${run.stderr}`).toBe(0);
        if (step.id) outputs[step.id] = run.outputs;
        posts.unshift({ step, inputs, run });
        continue;
      }
      expect(step.uses, `${label}: a kind of step the test does not run`).toBeUndefined();
      const result = runShell(step);
      expect(result.status, `${label}\n${result.output}`).toBe(0);
      if (step.id) outputs[step.id] = result.outputs;
      if (step.id === 'emulator') emulatorPid = Number(result.outputs.pid);
    }
    // Every step ran and said what the check step expects (that step ran last and passed).
    expect(outputs.issue?.status).toBe('issued');
    expect(outputs.again?.status).toBe('unchanged');
    expect(outputs.cancel?.status).toBe('cancelled');

    for (const { step, inputs, run } of posts) {
      const state = Object.fromEntries(Object.entries(run.state).map(([k, v]) => [`STATE_${k}`, v]));
      const post = await runAction(inputs, { env: state });
      expect(post.exitCode, `post of ${step.name}\n${post.stdout}${post.stderr}`).toBe(0);
    }
  });
});
