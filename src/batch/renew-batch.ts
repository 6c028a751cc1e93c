// dist/renew-batch.js: the batch job of the fleet workflow (examples/renew.yml, docs/fleet.md). Past 256
// certificates due, `mode: plan` groups them into batches; this renews one batch's certificates one after the
// other by running dist/index.js beside it, as GitHub runs the action's main and post steps (src/batch/batch.ts).
// Node only, no package: it runs from a checkout of the action.
//
//   CERTIFICATES='[{"name":"www","domains":"example.com"}]' node dist/renew-batch.js
//
// The entry keys of src/fleet/entry-keys.ts become inputs (`renew-before-days` → INPUT_RENEW-BEFORE-DAYS); an entry
// with any other key (an endpoint, a hook, a mode) is refused unrun. BATCH_INPUTS (a JSON object, the workflow's
// own) gives inputs for all of them (`{"fail-on-pending": "false", "alert": "issue"}`). Credentials come from the
// environment the action reads anyway (ALIBABA_CLOUD_ACCESS_KEY_ID, …). An artifact cannot be uploaded from here
// (the runtime token reaches only action steps), so `artifact-name` is dropped. Exit status 1 when any failed.
//
// Each run's GITHUB_OUTPUT (which holds the private key) is under RUNNER_TEMP, which the runner empties after the
// job, and is removed after the entry; on SIGINT / SIGTERM (a cancelled job) the running step is stopped, its post
// step still removes what it left at the service, the folder is removed, and no further entry starts.
import { type ChildProcess, spawn } from 'node:child_process';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BatchResult,
  inputVariables,
  parseCertificates,
  parseCommandFile,
  parseCommonInputs,
  type RunStep,
  renewEntry,
  summaryOf,
} from './batch.js';

/** The action's entry, beside this file in dist/. */
const ACTION_ENTRY = fileURLToPath(new URL('./index.js', import.meta.url));

/** The signal that cancelled the batch, once one came. */
let cancelledBy: NodeJS.Signals | undefined;
/** The main step running now, which a cancellation stops. */
let runningMain: ChildProcess | undefined;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cancelledBy = signal;
    runningMain?.kill(signal);
  });
}

/** One run of `node dist/index.js` in dir, with fresh GITHUB_OUTPUT and GITHUB_STATE files there. */
function stepRunnerIn(dir: string): RunStep {
  return (inputs, extraEnv) => {
    const files = { GITHUB_OUTPUT: join(dir, 'output'), GITHUB_STATE: join(dir, 'state') };
    for (const file of Object.values(files)) writeFileSync(file, '', { mode: 0o600 });
    const env = { ...process.env, ...files, ...extraEnv, ...inputVariables(inputs) };
    const isPost = Object.keys(extraEnv).length > 0;
    const child = spawn(process.execPath, [ACTION_ENTRY], { env, stdio: 'inherit' });
    if (!isPost) runningMain = child;
    if (!isPost && cancelledBy) child.kill(cancelledBy);
    return new Promise((resolve) => {
      child.on('close', (code) => {
        if (runningMain === child) runningMain = undefined;
        resolve({
          ok: code === 0,
          outputs: parseCommandFile(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
          state: parseCommandFile(readFileSync(files.GITHUB_STATE, 'utf8')),
        });
      });
    });
  };
}

const certificates = parseCertificates(process.env.CERTIFICATES);
const common = parseCommonInputs(process.env.BATCH_INPUTS);
const results: BatchResult[] = [];
for (const certificate of certificates) {
  if (cancelledBy) break;
  const dir = mkdtempSync(join(process.env.RUNNER_TEMP || tmpdir(), 'renew-batch-'));
  try {
    console.log(`::group::${certificate.name}`);
    const result = await renewEntry(certificate, common, stepRunnerIn(dir));
    console.log('::endgroup::');
    console.log(`${result.name}: ${result.status}`);
    results.push(result);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (process.env.GITHUB_STEP_SUMMARY) appendFileSync(process.env.GITHUB_STEP_SUMMARY, summaryOf(results));
const failed = results.filter((r) => r.status === 'failed');
if (failed.length > 0) {
  console.log(
    `::error::${failed.length} of ${results.length} failed: ${failed.map((r) => r.name).join(', ')}`,
  );
  process.exitCode = 1;
}
if (cancelledBy) {
  const left = certificates.length - results.length;
  console.log(`::error::The batch was cancelled (${cancelledBy}); ${left} certificate(s) not started.`);
  process.exitCode = cancelledBy === 'SIGINT' ? 130 : 143;
}
