// Runs the built action as GitHub does: `node dist/index.js` with INPUT_* variables and the runner's files.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ACTION_ENTRY = resolve(import.meta.dirname, '../../dist/index.js');
/** E2E_NODE points at another Node binary (CI runs the suite again under Node 24, as GitHub does). */
export const NODE_BINARY = process.env.E2E_NODE || process.execPath;

export interface ActionRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  state: Record<string, string>;
  summary: string;
  /** Raw runner files, for scanning for secrets. */
  files: { output: string; state: string; summary: string };
  workDir: string;
}

export interface RunOptions {
  /** Environment besides INPUT_* (e.g. STATE_* for a post step). */
  env?: Record<string, string>;
  /** Kill the process after this many ms (simulates a crashed or cancelled step). */
  killAfterMs?: number;
  /** Runs while the action is running: e.g. the test completes manual validation. */
  whileRunning?: (stdoutSoFar: () => string) => Promise<void>;
  workDir?: string;
  /** Writes more files into the work directory (the process's cwd) before the action starts. */
  prepare?: (workDir: string) => Promise<void>;
}

// The batch job's reader of GITHUB_OUTPUT / GITHUB_STATE is the one the tests and the demo read with.
import { inputVariables, parseCommandFile } from '../../src/batch/batch.js';

export { parseCommandFile };

export async function runAction(
  inputs: Record<string, string>,
  options: RunOptions = {},
): Promise<ActionRun> {
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), 'cas-action-')));
  const files = {
    output: join(workDir, 'github_output'),
    state: join(workDir, 'github_state'),
    summary: join(workDir, 'step_summary'),
  };
  await Promise.all(Object.values(files).map((f) => writeFile(f, '', { flag: 'a' })));
  await options.prepare?.(workDir);
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: workDir,
    RUNNER_TEMP: workDir,
    GITHUB_OUTPUT: files.output,
    GITHUB_STATE: files.state,
    GITHUB_STEP_SUMMARY: files.summary,
    ...options.env,
  };
  Object.assign(env, inputVariables(inputs));
  const child = spawn(NODE_BINARY, [ACTION_ENTRY], { env, cwd: workDir });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
  const timer = options.killAfterMs
    ? setTimeout(() => child.kill('SIGKILL'), options.killAfterMs)
    : undefined;
  if (options.whileRunning) await options.whileRunning(() => stdout);
  const exitCode = await exited;
  if (timer) clearTimeout(timer);
  const [output, state, summary] = await Promise.all(Object.values(files).map((f) => readFile(f, 'utf8')));
  // Under chaos mode a failure must be replayable: say what the run failed with, beside the printed seed.
  if (process.env.EMULATOR_CHAOS_SEED && exitCode !== 0) {
    const errors = stdout.split('\n').filter((line) => line.startsWith('::error::'));
    console.log(`[chaos] run exited ${exitCode}: ${errors.join(' | ') || stderr.slice(0, 500)}`);
  }
  return {
    exitCode,
    stdout,
    stderr,
    outputs: parseCommandFile(output ?? ''),
    state: parseCommandFile(state ?? ''),
    summary: summary ?? '',
    files: { output: output ?? '', state: state ?? '', summary: summary ?? '' },
    workDir,
  };
}

/** Waits until `check` holds, polling; fails the test after `timeoutMs`. */
export async function eventually(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Every base64 body line of a PEM private key: none may appear anywhere but the masked outputs. */
export function privateKeyLines(pem: string): string[] {
  return pem
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length >= 16 && !l.startsWith('-----'));
}
